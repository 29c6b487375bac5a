/**
 * Drawing a cached segment's pages again (pdfkit shaping, encoding and writing each word)
 * cost more than laying out the changed ones. So what a segment's body drew on each page is
 * kept too, beside its layout, and the next build writes it back instead of drawing it.
 *
 * Kept: the page's content stream as drawn, and what it refers to by this document's
 * numbers: fonts (`/F2`), glyphs (the 4-digit hex of each `TJ`: their place in the font's
 * subset, in order of first use) and opacity states (`/Gs1`). Written back, each is
 * renumbered as this document's drawing would have numbered it at that point: a font is
 * added to the page (and to the file, on first use) at its `Tf`, each glyph is included in
 * the subset in the order drawn. Items with other effects on the file (links, bookmarks,
 * named destinations, new objects of any kind but a font) are not kept: they are drawn at
 * their place among the kept runs. So the bytes are those of drawing the items.
 *
 * Should a kept drawing not read back (a font, a glyph or an opacity it names is not
 * there), the page is drawn from its items when nothing was written yet, or the layout is
 * done again in full (`SegmentMismatch`).
 */
import { readBack, writeBack } from './kept-drawing.ts';
import { drawFurniture } from './furniture-drawing.ts';
import { pdfmakeInternal } from './pdfmake-internals.ts';
import { record } from './record-drawing.ts';
import type { Face } from './segment-plan.ts';

/** What a segment's body drew on one page. */
export interface DrawnPage {
  /** In order: runs of kept content (with the text state after them), or an item to draw (its index). */
  steps: Array<number | [content: string, after: TextState]>;
  /**
   * The fonts the runs name, by face, and the glyphs of each, by the number the runs use;
   * `count` of them (a list that lost some does not read back).
   */
  fonts: Record<string, { face: Face; glyphs: Record<string, [id: number, width: number, codePoints: number[]]>; count: number }>;
  /** The opacity states the runs name, by pdfkit's key (`fill_stroke`). */
  opacities: Record<string, string>;
}

export interface DrawnSegment {
  pages: DrawnPage[];
}

/** pdfkit's text state, as the drawing left it: later items set their own, but alike is safer. */
export type TextState = { font: Face | null; size: number; fill: unknown; x: number; y: number };

/** A page whose first `count` items are a segment's body. */
export interface BodyMark {
  count: number;
  /** Its drawing from the last build, if any. */
  drawn?: DrawnPage;
  faceOf(font: object): Face | undefined;
  /** The page's body is drawn: from `drawn` (`kept`), or recorded (undefined: cannot be kept). */
  done(drawn: DrawnPage | undefined, kept: boolean): void;
}

export const BODY = Symbol('a segment body on this page');

/** Where drawings are kept, beside the layouts: one entry per segment, under its layout's key. */
export interface DrawingStore {
  get(key: string): DrawnSegment | undefined;
  set(key: string, value: DrawnSegment): void;
}

// What of pdfkit's document the drawings read and write (not its public API either).
export type Font = {
  id: string;
  dictionary?: object;
  ref(): object;
  /** fontkit's font: parsed once per process (share-fonts.ts), its glyph objects with it. */
  font: { getGlyph(id: number, codePoints: number[]): unknown };
  subset: { glyphs: number[]; mapping: Record<number, number>; includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
};
type PdfkitPage = {
  width: number;
  height: number;
  content: { buffer: Uint8Array[]; write(chunk: Uint8Array): void };
  resources: { data: Record<string, unknown> };
  dictionary: { data: Record<string, unknown> };
  fonts: Record<string, object>;
  ext_gstates: Record<string, object>;
};
export type Doc = {
  page: PdfkitPage;
  _offsets: unknown[];
  _opacityCount: number;
  _opacityRegistry: Record<string, [object, string]>;
  _ctm: number[];
  _ctmStack: unknown[];
  _fontFamilies: Record<string, Font>;
  fontCache: Record<string, Record<string, Font>>;
  _font: Font | null;
  _fontSize: number;
  _fillColor: unknown;
  x: number;
  y: number;
  addPage(options: object): unknown;
};
export type Item = { type: string; item: Record<string, unknown> };
type Page = { items: Item[]; pageSize: { width: number; height: number }; watermark?: unknown; [BODY]?: BodyMark };
type Draw = (item: Record<string, unknown>, x?: unknown, y?: unknown) => void;
type Renderer = { pdfDocument: Doc & { _pdfMakePages?: unknown }; renderWatermark(page: Page): void } & Record<string, Draw>;

/** pdfmake's own item dispatch (Renderer.renderPages), one item at a time. */
const DRAW: Record<string, string> = {
  vector: 'renderVector',
  line: 'renderLine',
  image: 'renderImage',
  svg: 'renderSVG',
  attachment: 'renderAttachment',
  beginClip: 'beginClip',
  endClip: 'endClip',
  beginVerticalAlignment: 'beginVerticalAlignment',
  endVerticalAlignment: 'endVerticalAlignment',
};

function drawItem(renderer: Renderer, { type, item }: Item): void {
  const method = DRAW[type];
  if (method === 'renderLine') renderer.renderLine!(item, item['x'], item['y']);
  else if (method) renderer[method]!(item);
}

/** Patches pdfmake's page drawing once per process; documents without marked pages are drawn as before. */
export function drawSegments(): void {
  const Renderer = pdfmakeInternal<{ prototype: { renderPages(this: Renderer, pages: Page[]): void } }>('Renderer');
  const renderPages = Renderer.prototype.renderPages;
  Renderer.prototype.renderPages = function (pages) {
    if (!pages.some((page) => page[BODY])) return renderPages.call(this, pages);
    // As pdfmake's own loop (no progress callback: none is set).
    this.pdfDocument._pdfMakePages = pages;
    for (const page of pages) {
      this.pdfDocument.addPage({ size: [page.pageSize.width, page.pageSize.height] });
      const body = page[BODY];
      if (body) {
        drawBody(this, page.items.slice(0, body.count), body);
        drawFurniture(this.pdfDocument, page.items.slice(body.count), body.faceOf, (item) => drawItem(this, item));
      } else for (const item of page.items) drawItem(this, item);
      if (page.watermark) this.renderWatermark(page);
    }
  };
}

function drawBody(renderer: Renderer, items: Item[], body: BodyMark): void {
  const kept = body.drawn && readBack(renderer.pdfDocument, items, body.drawn);
  if (kept) {
    writeBack(kept, (item) => drawItem(renderer, item));
    return body.done(body.drawn, true);
  }
  body.done(record(renderer.pdfDocument, items, body.faceOf, (item) => drawItem(renderer, item)), false);
}
