/**
 * Reusing the layout of unchanged segments (segment-plan.ts) inside pdfmake's own layout.
 * pdfmake lays out the definition with the stand-ins, then, before the running header and
 * footer (which read where headings and rows landed), the tracked nodes of each cached
 * segment get their recorded positions back, shifted to where the stand-in put the
 * segment. Once the last layout pass is over, each stand-in page gets the cached body items
 * back under its own header and footer; each segment laid out for real is recorded for the
 * next build. The bytes are those of a full layout: the build tests compare them.
 *
 * A segment is recorded only when it provably started on a fresh page and ended with its
 * page break. A stand-in that did not land the same way (its page break was dropped before
 * it), or a kept layout that does not read back, fails the layout with `SegmentMismatch`,
 * and the caller lays the document out in full (render-pdf.ts `renderSegmented`).
 */
import { mergedInlines } from './merge-inlines.ts';
import type { Position } from './page-of.ts';
import { pdfmakeInternal } from './pdfmake-internals.ts';
import { BODY, type BodyMark, type DrawingStore, type DrawnPage } from './segment-drawing.ts';
import { FACES, SegmentMismatch, type CachedSegment, type Face, type Segment } from './segment-plan.ts';

const PLAN = Symbol('segment plan');

export type Page = { items: Array<{ type: string; item: Record<string, unknown> }>; [BODY]?: BodyMark };
export type PdfDocument = { fontCache: Record<string, Record<string, object>>; provideFont(family: string, bold: boolean, italics: boolean): object };
type Planned = { [PLAN]?: SegmentRun };
type PositionedNode = { positions?: Position[]; pageBreak?: string };

/** Attaches the plan to the content array pdfmake will lay out. */
export function attachPlan(content: unknown, segments: Segment[], save: (key: string, segment: CachedSegment) => void, drawings: DrawingStore): SegmentRun {
  return ((content as Planned)[PLAN] = new SegmentRun(segments, save, drawings));
}

/** Patches pdfmake's layout once per process; documents without a plan are laid out as before. */
export function layOutSegments(): void {
  type Builder = { writer: { context(): { pages: Page[] } }; [PLAN]?: SegmentRun };
  const LayoutBuilder = pdfmakeInternal<{ prototype: Builder & Record<'layoutDocument' | 'addHeadersAndFooters', (this: Builder, ...args: unknown[]) => unknown> }>('LayoutBuilder');
  const DocMeasure = pdfmakeInternal<{ prototype: { measureNode(node: object): object; pdfDocument: PdfDocument } }>('DocMeasure');
  const { layoutDocument, addHeadersAndFooters } = LayoutBuilder.prototype;
  LayoutBuilder.prototype.layoutDocument = function (content, pdfDocument, ...rest) {
    const run = (content as Planned)[PLAN];
    if (!run) return layoutDocument.call(this, content, pdfDocument, ...rest);
    this[PLAN] = run;
    const pages = layoutDocument.call(this, content, pdfDocument, ...rest) as Page[];
    run.finish(pages, pdfDocument as PdfDocument);
    return pages;
  };
  LayoutBuilder.prototype.addHeadersAndFooters = function (...args) {
    this[PLAN]?.beforeFurniture(this.writer.context().pages);
    return addHeadersAndFooters.apply(this, args);
  };
  const measureNode = DocMeasure.prototype.measureNode;
  DocMeasure.prototype.measureNode = function (node) {
    // The cached segment's faces, first used where its content would have been measured.
    for (const [family, type] of (node as { [FACES]?: Face[] })[FACES] ?? []) {
      this.pdfDocument.provideFont(family, type.startsWith('bold'), type.endsWith('italics'));
    }
    return measureNode.call(this, node);
  };
}

export class SegmentRun {
  /** Body items per page in the current pass (the header and footer come after them). */
  private bodyCounts: number[] = [];
  /** First page of each segment in the current pass. */
  private starts: number[] = [];
  /** Of the segments' pages drawn, how many were written back from their kept drawing. */
  readonly drawing = { kept: 0, pages: 0 };

  constructor(
    private readonly segments: Segment[],
    private readonly save: (key: string, segment: CachedSegment) => void,
    private readonly drawings: DrawingStore,
  ) {}

  beforeFurniture(pages: Page[]): void {
    this.bodyCounts = pages.map((p) => p.items.length);
    this.starts = [];
    let next = 1;
    for (const s of this.segments) {
      this.starts.push(next);
      if (s.standIn && s.cached) {
        // Each stand-in line on its own page, one after the other, from the first free page.
        s.standIn.lines.forEach((line, i) => {
          const at = (line as PositionedNode).positions?.[0];
          if (at?.pageNumber !== next + i) throw new SegmentMismatch(`stand-in page ${i + 1} landed on page ${at?.pageNumber}, not ${next + i}`);
        });
        const shift = (p: Position) => ({ ...p, pageNumber: p.pageNumber + next - 1 });
        s.marked.forEach((node, i) => ((node as PositionedNode).positions = (s.cached!.positions[i] ?? []).map(shift)));
        const entries = s.marked.filter((node) => 'tocItem' in node);
        s.standIn.clones.forEach((clone, i) => ((clone as PositionedNode).positions = (entries[i] as PositionedNode).positions));
        next += s.cached.pages.length;
      } else {
        for (const node of s.nodes) for (const p of (node as PositionedNode).positions ?? []) next = Math.max(next, p.pageNumber + 1);
      }
    }
  }

  finish(pages: Page[], pdfDocument: PdfDocument): void {
    const faces = facesOf(pdfDocument);
    this.segments.forEach((s, index) => {
      const start = this.starts[index]!;
      if (s.cached) {
        let revived;
        try {
          revived = revive(s.cached, pdfDocument);
        } catch (error) {
          throw new SegmentMismatch(`a cached layout could not be read back (${String(error)})`);
        }
        revived.forEach((items, i) => {
          const page = pages[start - 1 + i]!;
          page.items = [...items, ...page.items.slice(this.bodyCounts[start - 1 + i])];
        });
        this.markBodies(s.key!, pages.slice(start - 1, start - 1 + revived.length), revived.map((items) => items.length), faces);
      } else if (s.key !== undefined) {
        const end = (this.starts[index + 1] ?? pages.length + 1) - 1;
        const record = this.record(index, start, end, pages, faces);
        if (record) {
          this.save(s.key, record);
          this.markBodies(s.key, pages.slice(start - 1, end), this.bodyCounts.slice(start - 1, end), faces);
        }
      }
    });
  }

  /** Marks a segment's pages for drawing: from the last build's drawing when kept, recorded otherwise. */
  private markBodies(key: string, pages: Page[], counts: number[], faces: Map<object, Face>): void {
    const kept = this.drawings.get(key);
    const drawn: Array<DrawnPage | undefined> = [];
    let changed = false;
    pages.forEach((page, i) => {
      page[BODY] = {
        count: counts[i]!,
        drawn: kept?.pages?.length === pages.length ? kept.pages[i] : undefined,
        faceOf: (font) => faces.get(font),
        done: (page, fromKept) => {
          drawn[i] = page;
          changed ||= !fromKept;
          this.drawing.pages++;
          if (fromKept) this.drawing.kept++;
          // Once the segment's last page is drawn: kept whole or not at all.
          if (i === pages.length - 1 && changed && Array.from(drawn).every(Boolean)) this.drawings.set(key, { pages: drawn as DrawnPage[] });
        },
      };
    });
  }

  /**
   * Segment `index`'s layout, or nothing when it did not start on a fresh page or did not end
   * with a page break of the content's own: its own break still there (keep-with-next drops
   * one that would leave a blank page), or the next segment's. A break that keep-with-next
   * added before the next segment does not count: it might not be added next time.
   */
  private record(index: number, start: number, end: number, pages: Page[], faces: Map<object, Face>): CachedSegment | undefined {
    const s = this.segments[index]!;
    const next = this.segments[index + 1];
    const first = s.nodes.map((n) => (n as PositionedNode).positions?.[0]).find((p) => p !== undefined);
    const broken = !next || next.breaks.before || (s.breaks.after && (s.nodes[s.nodes.length - 1] as PositionedNode).pageBreak === 'after');
    if (!first || first.pageNumber !== start || end < start || !broken) return undefined;
    const encoder = new ItemEncoder(faces);
    const items = pages.slice(start - 1, end).map((page, i) => page.items.slice(0, this.bodyCounts[start - 1 + i]).map((item) => encoder.item(item)));
    if (!encoder.portable) return undefined;
    const positions = s.marked.map((node) => ((node as PositionedNode).positions ?? []).map((p) => ({ ...p, pageNumber: p.pageNumber - start + 1 })));
    return { faces: encoder.faces, styles: encoder.styles, pages: items, positions };
  }
}

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
