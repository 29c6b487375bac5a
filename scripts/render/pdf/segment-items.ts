/**
 * A segment's laid-out pages as the layout cache keeps them (`ItemEncoder`: small JSON,
 * fonts named by face) and as pdfmake's again (`revive`): for segments (segment-layout.ts)
 * and for running headers and footers laid out once per process (memo-furniture.ts).
 */
import { mergedInlines } from './merge-inlines.ts';
import { pdfmakeInternal } from './pdfmake-internals.ts';
import type { BODY, BodyMark } from './segment-drawing.ts';
import type { CachedSegment, Face } from './segment-plan.ts';

export type Page = { items: Array<{ type: string; item: Record<string, unknown> }>; [BODY]?: BodyMark };
export type PdfDocument = { fontCache: Record<string, Record<string, object>>; provideFont(family: string, bold: boolean, italics: boolean): object };

/** The document's fonts by face (family and type), as cached layouts name them. */
export function facesOf(pdfDocument: PdfDocument): Map<object, Face> {
  const faces = new Map<object, Face>();
  for (const [family, types] of Object.entries(pdfDocument.fontCache)) for (const [type, font] of Object.entries(types)) faces.set(font, [family, type]);
  return faces;
}

/**
 * Items as JSON, small: most of a word's fields (font, size, colour, link…) are shared by
 * its line, so each distinct set of them is kept once, in `styles`, and a word (or words
 * drawn as one) is `[style, text, width, x, leadingCut, trailingCut]`. Fonts are named by face.
 */
export class ItemEncoder {
  readonly faces: Face[] = [];
  readonly styles: unknown[] = [];
  portable = true;
  private readonly styleIndex = new Map<string, number>();

  constructor(private readonly faceOf: Map<object, Face>) {}

  item({ type, item }: Page['items'][number]): unknown {
    if (type !== 'line') return { type, item }; // vectors as they are: the store serialises them when set
    const { inlines, _node, _pageNodeRef, ...line } = item;
    if (_pageNodeRef) this.portable = false; // a page number, filled in when drawn
    // Kept as they will be drawn (merge-inlines.ts): fewer words to store and to revive.
    const words = mergedInlines(inlines as Parameters<typeof mergedInlines>[0]);
    return { type, item: { ...line, inlines: words.map((inline) => this.inline(inline)) } };
  }

  private inline({ text, width, x, leadingCut, trailingCut, font, ...style }: Record<string, unknown>): unknown[] {
    const face = this.faceOf.get(font as object);
    if (!face || style['_pageNodeRef'] || style['_tocItemRef']) this.portable = false;
    else if (!this.faces.includes(face)) this.faces.push(face);
    const key = JSON.stringify({ ...style, font: face });
    let index = this.styleIndex.get(key);
    if (index === undefined) {
      index = this.styles.push(JSON.parse(key)) - 1;
      this.styleIndex.set(key, index);
    }
    return [index, text, width, x, leadingCut, trailingCut];
  }
}

/** A cached segment's pages made pdfmake's again: lines get their class, words their style and this document's fonts. */
export function revive(cached: CachedSegment, pdfDocument: PdfDocument): Array<Page['items']> {
  const Line = pdfmakeInternal<{ prototype: object }>('Line');
  const styles = (cached.styles as Array<Record<string, unknown>>).map(({ font, ...style }) => {
    const [family, face] = font as Face;
    return { ...style, font: pdfDocument.provideFont(family, face.startsWith('bold'), face.endsWith('italics')) };
  });
  return cached.pages.map((items) => {
    const revived = items as Page['items']; // in place: the store hands out a fresh copy (`SegmentStore`)
    for (const { type, item } of revived) {
      if (type !== 'line') continue;
      Object.setPrototypeOf(item, Line.prototype);
      item['inlines'] = (item['inlines'] as unknown[][]).map(([style, text, width, x, leadingCut, trailingCut]) => {
        const shared = styles[style as number];
        if (!shared) throw new Error(`no style ${String(style)}`);
        return { ...shared, text, width, x, leadingCut, trailingCut };
      });
    }
    return revived;
  });
}
