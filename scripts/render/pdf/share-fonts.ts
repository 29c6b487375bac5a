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
 * positions it gets in place).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

type Create = (buffer: Uint8Array, postscriptName?: string) => unknown;

/** Must run before pdfmake (and so pdfkit) is first loaded. */
export function shareParsedFonts(): void {
  // The fontkit that pdfkit itself requires (through pdfmake), not a copy of ours. Its
  // `create` is a getter, so pdfkit gets a wrapper module instead, via the require cache.
  const fromPdfkit = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake/package.json')).resolve('pdfkit'));
  const fontkitPath = fromPdfkit.resolve('fontkit');
  const original = fromPdfkit('fontkit') as { create: Create };
  const parsed = new Map<string, unknown>();
  const create: Create = (buffer, postscriptName) => {
    const key = `${createHash('sha1').update(buffer).digest('hex')}\0${postscriptName ?? ''}`;
    let font = parsed.get(key);
    if (!font) parsed.set(key, (font = rememberShapes(original.create(buffer, postscriptName) as Shaper)));
    return font;
  };
  const cached = fromPdfkit.cache[fontkitPath];
  if (cached) cached.exports = { ...original, create };
}

interface GlyphRun {
  positions: object[];
}
interface Shaper {
  layout(text: string, ...options: unknown[]): GlyphRun;
}

function rememberShapes(font: Shaper): Shaper {
  if (typeof font.layout !== 'function') return font; // a font collection, not a font
  const shape = font.layout.bind(font);
  const shapes = new Map<string, GlyphRun>();
  font.layout = (text: string, ...options: unknown[]) => {
    // Only the default features (what pdfmake asks for); anything else is shaped afresh.
    if (options.some((o) => o !== undefined)) return shape(text, ...options);
    let run = shapes.get(text);
    if (!run) shapes.set(text, (run = shape(text)));
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
    copy.positions = run.positions.map((p) => ({ ...p }));
    return copy;
  };
  return font;
}
