/**
 * The PDF document of one or more fitted sheets, one A4 page each: the body at the sheet's
 * size (sheet-theme.ts, styles scoped per sheet), the page footer of sheets/footer.md.hbs in
 * a bottom margin tall enough for it (footer-reserve.ts), and an end mark after each body
 * that tells, once laid out, on which page the body ended and how tall it was.
 */
import type { Root } from 'mdast';
import type { Content, ContentText, DynamicContent, Margins, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Theme } from '../../render/theme.ts';
import { pdfDocument, type PdfMeta } from '../../render/pdf/document.ts';
import { positionsOf } from '../../render/pdf/page-of.ts';
import { pdfStyles } from '../../render/pdf/styles.ts';
import { mdastToPdf } from '../../render/pdf/to-pdf.ts';
import { scopeContent, scopeStyles } from './scope-content.ts';
import { sheetTheme } from './sheet-theme.ts';

/** Where practice-sheets.pdf keeps its pages' layouts, and each single sheet the one it writes. */
export const PRACTICE_SHEETS = 'practice-sheets';

/** Space between the body and the footer, in points. */
export const FOOTER_GAP = 10;

export interface SheetPage {
  /** The practice's id: its styles and ids are scoped by it. */
  practice: string;
  /** The sheet's body, fitted (templates/sheets/sheet.md.hbs, `::fit` removed). */
  body: Root;
  /** Its page footer (templates/sheets/footer.md.hbs). */
  footer: Root;
  /** Body size the sheet fits at. */
  fontSize: number;
  /** The practice's benchlearning area: its section headings take the area's accent colour. */
  area: string;
}

export interface SheetDocument {
  definition: TDocumentDefinitions;
  /** After layout: how many pages sheet `index` took, and its body's height in points. */
  measure(index: number): { pages: number; height: number };
  /** The nodes `measure` reads the positions of (for a layout cache: segment-plan.ts). */
  tracked: ReadonlySet<object>;
}

/** A block after which nothing is laid out: where it lands is where the content before it ends. */
export function endMark(): ContentText {
  return { text: ' ', fontSize: 0.1, lineHeight: 1 };
}

export function bottomMargin(theme: Theme, footerReserve: number): number {
  return theme.page.margins[3] / 2 + FOOTER_GAP + footerReserve;
}

export function sheetDocument(theme: Theme, pages: readonly SheetPage[], meta: PdfMeta, footerReserve: number): SheetDocument {
  const [left, top, right] = theme.page.margins;
  const styles = {};
  const ends: ContentText[] = [];
  const content: Content[] = pages.map((page, i) => {
    const scaled = sheetTheme(theme, page.fontSize);
    // By practice, not by place: a sheet's content is the same node for node wherever it is
    // set, so its single-sheet layout is found again here (render-segmented.ts `layOutKept`).
    const prefix = `${page.practice}/`;
    const { content: body } = mdastToPdf(page.body, { theme: scaled });
    scopeContent(body, prefix);
    const own = pdfStyles(scaled).styles;
    const accent = theme.areas[page.area]?.accent;
    Object.assign(styles, scopeStyles({ ...own, h4: { ...own['h4'], ...(accent ? { color: accent } : {}) } }, prefix));
    const end = endMark();
    ends.push(end);
    return { stack: [...body, end], fontSize: page.fontSize, ...(i > 0 ? { pageBreak: 'before' as const } : {}) };
  });
  // A fresh mapping per call: pdfmake records its layout on the nodes it is given.
  const footer: DynamicContent = (page) => {
    const sheet = pages[page - 1];
    return sheet ? { stack: mdastToPdf(sheet.footer, { theme }).content, margin: [left, FOOTER_GAP, right, 0] } : null;
  };
  const base = pdfDocument({ theme, meta, content, footer });
  const margins: Margins = [left, top, right, bottomMargin(theme, footerReserve)];
  const definition: TDocumentDefinitions = { ...base, pageMargins: margins, styles: { ...base.styles, ...styles } };
  return {
    definition,
    tracked: new Set(ends),
    measure(index) {
      const at = ends[index] && positionsOf(ends[index])[0];
      if (!at) throw new Error(`sheet ${index + 1} was not laid out`);
      const pages = at.pageNumber - index;
      return { pages, height: (pages - 1) * at.pageInnerHeight + at.top - top };
    },
  };
}
