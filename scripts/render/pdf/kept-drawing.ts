/**
 * A page's kept drawing (segment-drawing.ts), as this document numbers what it names: read
 * from the drawing just made (`numbering`), checked against the new document before anything
 * is written (`readBack`), and written into it (`writeBack`), each font added to the page
 * at its `Tf` and each glyph included in the font's subset where drawing it would have.
 */
import type { BodyMark, Doc, DrawnPage, Font, Item } from './segment-drawing.ts';
import { SegmentMismatch } from './segment-plan.ts';

/** A font's switch, an opacity state's, or a string of glyphs (4 hex digits each) in content pdfkit wrote. */
const TOKENS = /\/(F\d+) ([^ \n]+) Tf\n|\/(Gs\d+) gs\n|<([0-9a-f]+)>/g;

/** The fonts, glyphs and opacity states the runs name, as this document numbers them. */
export function numbering(doc: Doc, steps: DrawnPage['steps'], faceOf: BodyMark['faceOf']): DrawnPage | undefined {
  const fontById = new Map(Object.values(doc._fontFamilies).map((f) => [f.id, f]));
  const stateByName = new Map(Object.entries(doc._opacityRegistry).map(([key, [, name]]) => [name, key]));
  const fonts: DrawnPage['fonts'] = {};
  const opacities: DrawnPage['opacities'] = {};
  let current: { font: Font; glyphs: DrawnPage['fonts'][string]['glyphs'] } | undefined;
  for (const step of steps) {
    if (typeof step === 'number') continue;
    // exec, not matchAll: no iterator result for each of the run's tokens
    TOKENS.lastIndex = 0;
    for (let token = TOKENS.exec(step[0]); token; token = TOKENS.exec(step[0])) {
      const [, id, , state, hex] = token;
      if (id) {
        const font = fontById.get(id);
        const face = font && faceOf(font);
        if (!font || !face) return undefined;
        current = { font, glyphs: (fonts[id] ??= { face, glyphs: {}, count: 0 }).glyphs };
      } else if (state) {
        const key = stateByName.get(state);
        if (key === undefined) return undefined;
        opacities[state] = key;
      } else if (hex) {
        if (!current) return undefined;
        for (let i = 0; i < hex.length; i += 4) {
          const gid = parseInt(hex.slice(i, i + 4), 16);
          const { font } = current;
          current.glyphs[gid] ??= [font.subset.glyphs[gid]!, font.widths[gid]!, font.unicode[gid]!];
        }
      }
    }
  }
  for (const font of Object.values(fonts)) font.count = Object.keys(font.glyphs).length;
  return { steps, fonts, opacities };
}

/** A font a kept drawing names, with this document's hex for each glyph number it used. */
type KeptFont = { font: Font; glyphs: DrawnPage['fonts'][string]['glyphs']; hex: Map<string, string> };

/** A kept drawing that can be written into this document. */
export interface ReadBack {
  doc: Doc;
  items: Item[];
  steps: DrawnPage['steps'];
  fonts: Map<string, KeptFont>;
  states: Map<string, [object, string]>;
  /**
   * Whether this document numbers everything the drawing names as it does (each glyph
   * already in the subset, at the same place): then its runs are written as they are, the
   * usual case after an edit elsewhere.
   */
  asKept: boolean;
}

/** Only the font and opacity switches of `TOKENS`, for runs written as they are. */
const SWITCHES = /\/(F\d+) [^ \n]+ Tf\n|\/(Gs\d+) gs\n/g;

/**
 * The kept drawing, if everything it names is in this document already and it has the
 * shape of one; undefined (nothing written) otherwise: the page is drawn from its items.
 */
export function readBack(doc: Doc, items: Item[], drawn: DrawnPage): ReadBack | undefined {
  try {
    const fonts = new Map<string, KeptFont>();
    for (const [id, { face, glyphs, count }] of Object.entries(drawn.fonts)) {
      const font = Array.isArray(face) ? doc.fontCache[face[0]]?.[face[1]] : undefined;
      if (!font || typeof glyphs !== 'object' || glyphs === null || Object.keys(glyphs).length !== count) return undefined;
      fonts.set(id, { font, glyphs, hex: new Map() });
    }
    const states = new Map<string, [object, string]>();
    for (const [name, key] of Object.entries(drawn.opacities)) {
      // One this document has not made yet: drawing makes it (a new object in the file).
      const state = doc._opacityRegistry[key];
      if (!state) return undefined;
      states.set(name, state);
    }
    const { steps } = drawn;
    const valid = (step: unknown) =>
      typeof step === 'number' ? items[step] !== undefined : Array.isArray(step) && typeof step[0] === 'string' && typeof step[1] === 'object' && step[1] !== null;
    const asKept =
      [...fonts].every(([id, { font, glyphs }]) => font.id === id && Object.entries(glyphs).every(([gid, [glyph]]) => font.subset.mapping[glyph] === Number(gid))) &&
      [...states].every(([name, [, own]]) => own === name);
    return Array.isArray(steps) && steps.every(valid) ? { doc, items, steps, fonts, states, asKept } : undefined;
  } catch {
    return undefined; // not the shape of a drawing
  }
}

/** Writes a kept drawing back; what does not resolve once writing has begun throws `SegmentMismatch`. */
export function writeBack(kept: ReadBack, draw: (item: Item) => void): void {
  try {
    write(kept, draw);
  } catch (error) {
    throw error instanceof SegmentMismatch ? error : new SegmentMismatch(`a kept drawing could not be written back (${String(error)})`);
  }
}

function write({ doc, items, steps, fonts, states, asKept }: ReadBack, draw: (item: Item) => void): void {
  const page = doc.page;
  let current: KeptFont | undefined;
  const useFont = (f: KeptFont) => {
    // As pdfkit's _fragment: the page (and the file, on first use) gets the font first.
    if (page.fonts[f.font.id] == null) page.fonts[f.font.id] = f.font.ref();
  };
  for (const step of steps) {
    if (typeof step === 'number') {
      draw(items[step]!);
      continue;
    }
    const [content, after] = step;
    if (asKept) {
      for (const [, id, state] of content.matchAll(SWITCHES)) {
        if (id) useFont(fonts.get(id)!);
        else page.ext_gstates[state!] = states.get(state!)![0];
      }
    }
    const renumbered = asKept ? content : content.replace(TOKENS, (all, id?: string, size?: string, state?: string, hex?: string) => {
      if (id) {
        current = fonts.get(id);
        if (!current) throw new SegmentMismatch(`font ${id} of a kept drawing is not listed`);
        useFont(current);
        return `/${current.font.id} ${size} Tf\n`;
      }
      if (state) {
        const [dictionary, name] = states.get(state) ?? [];
        if (!dictionary) throw new SegmentMismatch(`opacity ${state} of a kept drawing is not listed`);
        page.ext_gstates[name!] = dictionary;
        return `/${name} gs\n`;
      }
      if (!current) throw new SegmentMismatch('a kept drawing draws text before naming a font');
      let out = '';
      for (let i = 0; i < hex!.length; i += 4) out += glyph(current, hex!.slice(i, i + 4));
      return `<${out}>`;
    });
    page.content.write(Buffer.from(renumbered, 'latin1'));
    const font = after.font ? doc.fontCache[after.font[0]]?.[after.font[1]] : null;
    Object.assign(doc, { _font: font ?? null, _fontSize: after.size, _fillColor: after.fill, x: after.x, y: after.y });
  }
}

/** This document's hex for a glyph the drawing numbered `code`: included in the subset as drawing it would. */
function glyph(kept: KeptFont, code: string): string {
  let hex = kept.hex.get(code);
  if (hex === undefined) {
    const listed = kept.glyphs[parseInt(code, 16)];
    if (!listed) throw new SegmentMismatch(`glyph ${code} of a kept drawing is not listed`);
    const [id, width, codePoints] = listed;
    const { font } = kept;
    // Drawing shapes the glyph first, which makes fontkit's glyph object with its code
    // points; made later (by the subset, say), it would have none, and so would the
    // same glyph drawn in the process's next documents.
    font.font.getGlyph(id, codePoints);
    const gid = font.subset.includeGlyph(id);
    font.widths[gid] ??= width;
    font.unicode[gid] ??= codePoints;
    hex = `0000${gid.toString(16)}`.slice(-4);
    kept.hex.set(code, hex);
  }
  return hex;
}
