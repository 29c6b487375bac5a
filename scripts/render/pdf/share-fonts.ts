/**
 * Note: pdfkit parses every font file anew for each document (`fontkit.create`), and a
 * build makes dozens of documents (the guide, 32 sheets, their fitting layouts): parsing
 * Roboto was the largest single cost of rendering. Parsed fonts are immutable tables plus
 * caches, and each document still makes its own subset, so one parsed font per file can
 * serve every document. The output bytes do not change.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

type Create = (buffer: Uint8Array, postscriptName?: string) => unknown;

let installed = false;

/** Must run before pdfmake (and so pdfkit) is first loaded. */
export function shareParsedFonts(): void {
  if (installed) return;
  installed = true;
  // The fontkit that pdfkit itself requires (through pdfmake), not a copy of ours. Its
  // `create` is a getter, so pdfkit gets a wrapper module instead, via the require cache.
  const fromPdfkit = createRequire(createRequire(createRequire(import.meta.url).resolve('pdfmake/package.json')).resolve('pdfkit'));
  const fontkitPath = fromPdfkit.resolve('fontkit');
  const original = fromPdfkit('fontkit') as { create: Create };
  const parsed = new Map<string, unknown>();
  const create: Create = (buffer, postscriptName) => {
    const key = `${createHash('sha1').update(buffer).digest('hex')}\0${postscriptName ?? ''}`;
    let font = parsed.get(key);
    if (!font) parsed.set(key, (font = original.create(buffer, postscriptName)));
    return font;
  };
  const cached = fromPdfkit.cache[fontkitPath];
  if (cached) cached.exports = { ...original, create };
}
