/**
 * Note: pdfkit parses every font file anew for each document (`fontkit.create`), and a
 * build makes dozens of documents (the guide, 32 sheets, their fitting layouts): parsing
 * Roboto was the largest single cost of rendering. Parsed fonts are immutable tables plus
 * caches, and each document still makes its own subset, so one parsed font per file can
 * serve every document. The output bytes do not change.
 *
 * Shaping is the next cost: pdfkit shapes each word with fontkit (GSUB/GPOS lookups) and
 * caches the result per document only, so every sheet and every fitting layout shaped the
 * guide's words again. A word's shape depends only on the font and the word, so the
 * shared font remembers it for the process and hands out copies (pdfkit scales the
 * positions it gets in place), and keeps it on disk for the next run (shape-cache.ts).
 *
 * pdfkit then scales each shape to its font's units, again in every document (the font's
 * `layoutCache`). The scaled shape depends only on the font too, and pdfkit only reads it
 * after scaling, so the documents of a process share one such cache per parsed font.
 */
import { createHash } from 'node:crypto';
import { fontkitVersion, requireFromPdfkit } from './fonts.ts';
import { pdfmakeInternal } from './pdfmake-internals.ts';
import { layOutByPiece } from './layout-by-piece.ts';
import { ShapeCache, type GlyphRun } from './shape-cache.ts';

type Create = (buffer: Uint8Array, postscriptName?: string) => unknown;

/** The disk caches of the fonts parsed in this thread, flushed after each document. */
const caches: ShapeCache[] = [];

/** Must run before pdfmake (and so pdfkit) is first loaded. */
export function shareParsedFonts(): void {
  // The fontkit that pdfkit itself requires (through pdfmake), not a copy of ours. Its
  // `create` is a getter, so pdfkit gets a wrapper module instead, via the require cache.
  const fromPdfkit = requireFromPdfkit();
  const fontkitPath = fromPdfkit.resolve('fontkit');
  const original = fromPdfkit('fontkit') as { create: Create };
  const fontkit = fontkitVersion();
  const parsed = new Map<string, unknown>();
  // pdfmake hands every document the same Buffer of a face (render-pdf.ts): hashed once.
  const hashes = new WeakMap<Uint8Array, string>();
  const hashOf = (buffer: Uint8Array) => {
    let hash = hashes.get(buffer);
    if (!hash) hashes.set(buffer, (hash = createHash('sha1').update(buffer).digest('hex')));
    return hash;
  };
  const create: Create = (buffer, postscriptName) => {
    const key = `${hashOf(buffer)}\0${postscriptName ?? ''}`;
    let font = parsed.get(key);
    if (!font) {
      const cache = new ShapeCache(`${key.replace('\0', '-')}-${fontkit}`);
      caches.push(cache);
      parsed.set(key, (font = rememberShapes(original.create(buffer, postscriptName) as Shaper, cache)));
    }
    return font;
  };
  const cached = fromPdfkit.cache[fontkitPath];
  if (cached) cached.exports = { ...original, create };
}

/** pdfkit's per-document cache of scaled shapes, shared by the documents that use the same parsed font. */
export function shareScaledShapes(): void {
  type Provide = (this: object, ...args: unknown[]) => { font?: object; layoutCache?: object } | undefined;
  const PDFDocument = pdfmakeInternal<{ prototype: { provideFont: Provide } }>('PDFDocument');
  const provideFont = PDFDocument.prototype.provideFont;
  const shared = new WeakMap<object, object>();
  const sharing = new WeakSet<object>();
  PDFDocument.prototype.provideFont = function (...args) {
    const font = provideFont.apply(this, args);
    // Once per document and font (provideFont is asked for every word measured); only where
    // pdfkit keeps a cache at all (its `fontLayoutCache` option), for a font it parsed.
    if (font?.font && font.layoutCache && !sharing.has(font.layoutCache)) {
      let cache = shared.get(font.font);
      if (!cache) {
        shared.set(font.font, (cache = font.layoutCache));
        sharing.add(cache);
      }
      font.layoutCache = cache;
      fixWidthOnceScaled(Object.getPrototypeOf(font) as EmbeddedFont);
    }
    return font;
  };
}

interface EmbeddedFont {
  layoutCached(text: string): ScaledRun & { advanceWidth: number };
  layoutRun(text: string, features?: unknown): ScaledRun;
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: unknown[] | null; positions: unknown[] | null; advanceWidth: number };
}
type ScaledRun = { glyphs: Array<{ advanceWidth: number }>; positions: Array<GlyphRun['positions'][number] & { advanceWidth?: number }> };

const fixed = new WeakSet<EmbeddedFont>();

/**
 * fontkit's run sums its positions' advances each time its width is read, and pdfkit reads
 * it at every width measured: a tenth of a sheet's layout. A run from pdfkit's cache is
 * scaled and only read from then on, so its width is summed once, when it is cached.
 */
function fixWidthOnceScaled(prototype: EmbeddedFont): void {
  if (fixed.has(prototype)) return;
  fixed.add(prototype);
  const layoutCached = prototype.layoutCached;
  prototype.layoutCached = function (this: EmbeddedFont & { layoutCache?: Record<string, unknown> }, text: string) {
    const known = this.layoutCache?.[text];
    if (known) return known as ScaledRun & { advanceWidth: number };
    const run = layoutCached.call(this, text);
    if (this.layoutCache) Object.defineProperty(run, 'advanceWidth', { value: run.advanceWidth, writable: true, configurable: true });
    return run;
  };
  layOutByPiece(prototype); // the same prototype, patched once: texts laid out by piece
  // pdfkit scales a run's positions in place with a for-in over each position's keys, slow
  // per glyph; a position has exactly these four (fontkit's GlyphPosition, or its copy
  // above). Fresh objects of one shape besides: positions from fontkit, from the shape
  // cache and from copies had different hidden classes, which made every read of them when
  // drawing (pdfkit's `_fragment`) a slow polymorphic one.
  prototype.layoutRun = function (this: EmbeddedFont & { font: { layout(text: string, features?: unknown): ScaledRun }; scale: number }, text, features) {
    const run = this.font.layout(text, features);
    const scale = this.scale;
    run.positions = run.positions.map((p, i) => ({
      xAdvance: p.xAdvance * scale,
      yAdvance: p.yAdvance * scale,
      xOffset: p.xOffset * scale,
      yOffset: p.yOffset * scale,
      advanceWidth: run.glyphs[i]!.advanceWidth * scale,
    }));
    return run;
  };
}

/** Writes the words shaped since the last call to the disk caches. */
export function flushShapes(): void {
  for (const cache of caches) cache.flush();
}

interface Shaper {
  layout(text: string, ...options: unknown[]): GlyphRun;
  glyphsForString(text: string): unknown[];
  getGlyph(id: number, codePoints: number[]): GlyphRun['glyphs'][number];
}

function rememberShapes(font: Shaper, cache: ShapeCache): Shaper {
  if (typeof font.layout !== 'function') return font; // a font collection, not a font
  const shape = font.layout.bind(font);
  const shapes = new Map<string, GlyphRun>();
  let runPrototype: object | undefined;
  /** A run rebuilt from the disk cache, or undefined. */
  const revive = (text: string): GlyphRun | undefined => {
    if (!cache.has(text)) return undefined;
    // Shaping first makes the glyph of each code point, and fontkit keeps the code points
    // a glyph was first made with (they become the PDF's ToUnicode): do the same.
    font.glyphsForString(text);
    runPrototype ??= Object.getPrototypeOf(shape('')) as object; // GlyphRun, for its advanceWidth getter
    return Object.assign(Object.create(runPrototype) as GlyphRun, cache.get(text, (id, codePoints) => font.getGlyph(id, codePoints)));
  };
  font.layout = (text: string, ...options: unknown[]) => {
    // Only the default features (what pdfmake asks for); anything else is shaped afresh.
    if (options.some((o) => o !== undefined)) return shape(text, ...options);
    let run = shapes.get(text);
    if (!run) {
      run = revive(text);
      if (!run) cache.add(text, (run = shape(text)));
      shapes.set(text, run);
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
    copy.positions = run.positions.map((p) => ({ ...p }));
    return copy;
  };
  return font;
}
