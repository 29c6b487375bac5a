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
 * and the caller lays the document out in full (render-segmented.ts `renderSegmented`).
 *
 * The same stand-ins serve between the layout passes of one build (carry-over.ts), and the
 * run hands pdfmake's objects what else the document kept from its last build: running
 * headers and footers (memo-furniture.ts) and compressed streams (memo-deflate.ts).
 */
import type { Position } from './page-of.ts';
import { pdfmakeInternal } from './pdfmake-internals.ts';
import { BODY, type DrawingStore, type DrawnPage } from './segment-drawing.ts';
import { facesOf, ItemEncoder, revive, type Page, type PdfDocument } from './segment-items.ts';
import { FACES, SegmentMismatch, standIn, type CachedSegment, type Face, type Segment } from './segment-plan.ts';
import { settledSegments, type LaidOutNode } from './carry-over.ts';
import type { KeptFurniture } from './kept-furniture.ts';
import { FURNITURE } from './memo-furniture.ts';
import type { KeptDeflate } from './kept-deflate.ts';
import { DEFLATED } from './memo-deflate.ts';
import { DRAWN_FURNITURE } from './furniture-drawing.ts';

const PLAN = Symbol('segment plan');

type Planned = { [PLAN]?: SegmentRun };
type PositionedNode = { positions?: Position[]; pageBreak?: string };

export interface RunOptions {
  /**
   * Segments that a layout pass laid out and that the pass's keep-with-next decisions left
   * alone are stand-ins in the next pass (carry-over.ts): only where a stand-in that does
   * not land as planned can be answered by a full layout (render-segmented.ts).
   */
  carry?: boolean;
  /** The running headers and footers the document kept from its last build (memo-furniture.ts). */
  furniture?: KeptFurniture;
  /** The compressed streams the document kept from its last build (memo-deflate.ts). */
  deflated?: KeptDeflate;
  /** The drawings of its running headers and footers, kept from its last build (segment-drawing.ts). */
  drawnFurniture?: KeptFurniture;
}

/** Attaches the plan to the content array pdfmake will lay out. */
export function attachPlan(
  content: unknown,
  segments: Segment[],
  save: (key: string, segment: CachedSegment) => void,
  drawings: DrawingStore,
  options: RunOptions = {},
): SegmentRun {
  return ((content as Planned)[PLAN] = new SegmentRun(segments, save, drawings, options));
}

/** Patches pdfmake's layout once per process; documents without a plan are laid out as before. */
export function layOutSegments(): void {
  type Builder = { writer?: { context(): { pages: Page[] } }; linearNodeList: LaidOutNode[]; [PLAN]?: SegmentRun; [FURNITURE]?: KeptFurniture };
  type Method = 'layoutDocument' | 'tryLayoutDocument' | 'addHeadersAndFooters';
  const LayoutBuilder = pdfmakeInternal<{ prototype: Builder & Record<Method, (this: Builder, ...args: unknown[]) => unknown> }>('LayoutBuilder');
  const DocMeasure = pdfmakeInternal<{ prototype: { measureNode(node: object): object; pdfDocument: PdfDocument } }>('DocMeasure');
  const { layoutDocument, tryLayoutDocument, addHeadersAndFooters } = LayoutBuilder.prototype;
  LayoutBuilder.prototype.layoutDocument = function (content, pdfDocument, ...rest) {
    const run = (content as Planned)[PLAN];
    if (!run) return layoutDocument.call(this, content, pdfDocument, ...rest);
    this[PLAN] = run;
    this[FURNITURE] = run.options.furniture;
    (pdfDocument as { [DEFLATED]?: KeptDeflate })[DEFLATED] = run.options.deflated;
    (pdfDocument as { [DRAWN_FURNITURE]?: KeptFurniture })[DRAWN_FURNITURE] = run.options.drawnFurniture;
    const pages = layoutDocument.call(this, content, pdfDocument, ...rest) as Page[];
    run.finish(pages, pdfDocument as PdfDocument);
    return pages;
  };
  LayoutBuilder.prototype.tryLayoutDocument = function (content, pdfDocument, ...rest) {
    // Before each pass after the first: the last pass's pages and nodes are still at hand.
    if (this[PLAN] && this.writer) this[PLAN].beforePass(content as object[], this.writer.context().pages, pdfDocument as PdfDocument);
    return tryLayoutDocument.call(this, content, pdfDocument, ...rest);
  };
  LayoutBuilder.prototype.addHeadersAndFooters = function (...args) {
    this[PLAN]?.beforeFurniture(this.writer!.context().pages, this.linearNodeList);
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
  /** The page breaks of the nodes the current pass laid out, as they were before keep-with-next decided. */
  private breaks = new Map<LaidOutNode, string | undefined>();

  constructor(
    private readonly segments: Segment[],
    private readonly save: (key: string, segment: CachedSegment) => void,
    private readonly drawings: DrawingStore,
    readonly options: RunOptions,
  ) {}

  /** Before a new layout pass: the segments laid out as they will stay become stand-ins (carry-over.ts). */
  beforePass(content: object[], pages: Page[], pdfDocument: PdfDocument): void {
    if (!this.options.carry) return;
    const faces = facesOf(pdfDocument);
    for (const index of settledSegments(this.segments, this.starts, this.breaks)) {
      const s = this.segments[index]!;
      const at = content.indexOf(s.nodes[0]!);
      const end = (this.starts[index + 1] ?? pages.length + 1) - 1;
      const record = at === -1 ? undefined : this.record(index, this.starts[index]!, end, pages, faces);
      if (!record) continue;
      this.save(s.key!, record);
      // As a cached layout reaches a build: a copy, revived into this document at the end.
      s.cached = JSON.parse(JSON.stringify(record)) as CachedSegment;
      s.carried = true;
      content.splice(at, s.nodes.length, ...standIn(s, s.cached));
    }
  }

  beforeFurniture(pages: Page[], laidOut: LaidOutNode[]): void {
    if (this.options.carry) this.breaks = new Map(laidOut.map((node) => [node, node.pageBreak]));
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
