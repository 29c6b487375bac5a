/**
 * The modules of pdfmake 0.3 (its `js/` files) that the speed-ups and the merged words of
 * this folder patch. They are not pdfmake's public API: this is the one place that names
 * them, to look at first when pdfmake is upgraded. The patches are installed once per
 * process, by render-pdf.ts.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Internal = 'DocMeasure' | 'LayoutBuilder' | 'Line' | 'PDFDocument' | 'Renderer' | 'StyleContextStack' | 'TextInlines' | 'qrEnc';
/** Resolved once: reviving a kept layout asks for `Line` each time, and `require` resolves the path anew. */
const loaded = new Map<Internal, unknown>();

export function pdfmakeInternal<T>(module: Internal): T {
  if (!loaded.has(module)) loaded.set(module, (require(`pdfmake/js/${module}.js`) as { default: T }).default);
  return loaded.get(module) as T;
}
