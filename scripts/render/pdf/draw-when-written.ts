/**
 * Note: pdfmake draws every page into pdfkit as soon as it has laid them out, but a sheet
 * being fitted is laid out up to three times and only the layout that fits is written
 * (render-pdf.ts `layOutPdf`): the others were drawn for nothing, and so was the layout that
 * measures the sheets' footer. Drawing is deferred to the moment the document is ended,
 * which only a written document is. Nothing else touches a document between its layout and
 * its end, so the bytes do not change.
 */
import { pdfmakeInternal } from './pdfmake-internals.ts';

const DRAW = Symbol('pages laid out, not drawn yet');

type Drawable = { [DRAW]?: () => void; end(): unknown };

export function drawWhenWritten(): void {
  const Renderer = pdfmakeInternal<{ prototype: { renderPages(pages: unknown[]): void; pdfDocument: Drawable } }>('Renderer');
  const PDFDocument = pdfmakeInternal<{ prototype: Drawable }>('PDFDocument');
  const renderPages = Renderer.prototype.renderPages;
  Renderer.prototype.renderPages = function (pages) {
    this.pdfDocument[DRAW] = () => renderPages.call(this, pages);
  };
  const end = PDFDocument.prototype.end;
  PDFDocument.prototype.end = function (this: Drawable) {
    const draw = this[DRAW];
    this[DRAW] = undefined;
    draw?.();
    return end.call(this);
  };
}
