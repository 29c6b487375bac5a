/**
 * No heading, practice row or partner label alone at the bottom of a page: a kept node
 * moves to the next page when no body content follows it there, or when it would start
 * with less than its `minSpace` left on the page (a row, a heading and its first lines).
 *
 * pdfmake's `pageBreakBefore` stops at the first break it is given and lays the whole
 * document out again, so n orphans would cost n + 1 layouts (the guide had nine: ~10 s).
 * Here one pass decides the first orphan of every segment (content between forced page
 * breaks, which cannot move each other), sets those breaks on the nodes directly, and
 * asks for one new layout at the end of the pass; later nodes of a segment that moved are
 * looked at again in the next pass. The end of a pass is the last page's footer, which
 * `asFooter` guarantees exists. Forced page breaks that would leave a blank page (the
 * content before them ended exactly at the foot of a page) are dropped the same way.
 *
 * Note: pdfmake counts the running header and footer among the "following nodes on the
 * page" (they are laid out after the whole body), which would hide every orphan; the scan
 * therefore stops at the first furniture node.
 */
import type { DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces.js';

export type PageBreakBefore = NonNullable<TDocumentDefinitions['pageBreakBefore']>;

/**
 * A node kept with what follows it, and the segment (between forced page breaks) it sits in.
 * Registered by its `headlineLevel`, a number from `FIRST_KEPT` on: it is the only property
 * pdfmake hands to `pageBreakBefore` that names a node without also making it a link
 * destination (an `id` would).
 */
export interface KeptNode {
  node: object;
  segment: number;
  /** Points the node needs below its start on the page; 0: only "not alone". */
  minSpace: number;
  /** A forced page break's marker (see `::pagebreak`), not a node to keep. */
  isBreak?: boolean;
}

/** The first `headlineLevel` of registered nodes; lower ones get pdfmake's own handling. */
export const FIRST_KEPT = 1000;

/** Styles that mark running headers and footers. */
export const HEADER_STYLE = 'pageFurniture';
export const FOOTER_STYLE = 'pageFooter';

export function keepWithNext(kept: ReadonlyMap<number, KeptNode>): PageBreakBefore {
  let decided = new Set<number>();
  let again = false;
  return (node, nodes) => {
    if (node.style === FOOTER_STYLE) {
      if (node.pageNumbers[0] !== node.pages || !again) return false;
      decided = new Set();
      again = false;
      return true; // end of the pass: lay out again with the breaks decided in it
    }
    const entry = node.headlineLevel === undefined ? undefined : kept.get(node.headlineLevel);
    if (entry?.isBreak) {
      // The content before the break already ended its page exactly: the marker landed at
      // the top of a new page, and breaking again would leave that page blank.
      if (node.pageNumbers[0]! > 1 && node.startPosition.verticalRatio < 0.001) {
        delete (entry.node as { pageBreak?: string }).pageBreak;
        again = true;
      }
      return false;
    }
    if (!node.headlineLevel) return false;
    const [next] = nodes.getFollowingNodesOnPage();
    const { pageInnerHeight, verticalRatio } = node.startPosition;
    const orphan =
      next === undefined || next.style === HEADER_STYLE || next.style === FOOTER_STYLE ||
      pageInnerHeight * (1 - verticalRatio) < (entry?.minSpace ?? 0);
    if (!entry) {
      if (orphan) [decided, again] = [new Set(), false];
      return orphan; // not registered: pdfmake's own one-break-per-layout way
    }
    if (decided.has(entry.segment)) {
      // Its segment moves in the next layout: look at it again then.
      delete (entry.node as { pageBreakCalculated?: boolean }).pageBreakCalculated;
      return false;
    }
    if (orphan) {
      (entry.node as { pageBreak?: string }).pageBreak = 'before';
      decided.add(entry.segment);
      again = true;
    }
    return false;
  };
}

/** Marks what a header function returns as furniture. */
export function asHeader(fn: DynamicContent): DynamicContent {
  return (...args) => {
    const content = fn(...args);
    return content === null || content === undefined ? content : { stack: [content], style: HEADER_STYLE };
  };
}

/** Marks what a footer function returns as furniture; the last page always gets one (a space). */
export function asFooter(fn: DynamicContent | undefined): DynamicContent {
  return (page, pages, size) => {
    const content = fn?.(page, pages, size) ?? (page === pages ? { text: ' ' } : null);
    return content === null || content === undefined ? content : { stack: [content], style: FOOTER_STYLE };
  };
}
