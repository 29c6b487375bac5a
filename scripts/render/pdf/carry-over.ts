/**
 * Which segments a layout pass can hand to the next one as they are. pdfmake lays the
 * whole document out again after each pass in which keep-with-next moved a heading
 * (keep-with-next.ts): the guide takes three passes, and its later two redid the ~100 pages
 * for a handful of moved headings. A segment starts on a fresh page and its layout depends
 * on its own nodes only (segment-plan.ts), so one whose page breaks the pass left as they
 * were lays out the same again: the next pass gets its stand-in instead, as for a layout
 * kept from the last build (segment-layout.ts `beforePass`).
 */
import type { Position } from './page-of.ts';
import type { Segment } from './segment-plan.ts';

/** A node pdfmake laid out in a pass, with its page break as keep-with-next left it. */
export type LaidOutNode = { positions?: Position[]; pageBreak?: string };

/**
 * The segments laid out in the last pass, none of whose nodes had its page break changed
 * after the pass (`breaks`: each laid-out node's break as the pass saw it), and whose first
 * page is still a fresh one: a segment whose last node lost its break (a blank page
 * avoided) changes where the next one starts. `starts`: each segment's first page in the
 * last pass. Whether a segment did start on a fresh page and end with a break is for the
 * caller's record to check.
 */
export function settledSegments(segments: readonly Segment[], starts: readonly number[], breaks: ReadonlyMap<LaidOutNode, string | undefined>): number[] {
  const laidOut = new Set<number>();
  const changed = new Set<number>();
  const segmentOfPage = (page: number) => {
    let index = 0;
    while (index + 1 < starts.length && starts[index + 1]! <= page) index++;
    return index;
  };
  const edges = new Map<object, number>();
  segments.forEach((s, i) => {
    edges.set(s.nodes[0]!, i);
    edges.set(s.nodes[s.nodes.length - 1]!, i);
  });
  for (const [node, before] of breaks) {
    const page = node.positions?.[0]?.pageNumber;
    if (page === undefined) continue;
    const index = segmentOfPage(page);
    laidOut.add(index);
    if (node.pageBreak === before) continue;
    changed.add(index);
    // A segment's first or last node: the break between it and its neighbour moved.
    const edge = edges.get(node);
    if (edge !== undefined) for (const i of [edge - 1, edge, edge + 1]) changed.add(i);
  }
  return segments.flatMap((s, i) => (!s.cached && s.key !== undefined && laidOut.has(i) && !changed.has(i) ? [i] : []));
}
