/**
 * A practice-table row that runs over a page break goes on with an empty label cell, and
 * the reader of the second page no longer sees which row the text belongs to. pdfmake
 * repeats only header rows, so the label is set again by the page footer: page furniture
 * is laid out after the body (see page-of.ts), when every row knows the pages it spans, and
 * drawn after it, over the label cell's tint. (Not the header: pdfmake keeps only what fits
 * in a header's own height, the top margin.) On each page a row continues onto, the label
 * goes where the label cell's text would start, level with the row's first line there.
 */
import type { Content, ContentTable, ContentText } from 'pdfmake/interfaces.js';
import { positionsOf, type Position } from './page-of.ts';

/** A labelled row of a practice table, registered by the row handler. */
export interface LabelledRow {
  label: string;
  /** The row's one-row table; pdfmake records the position of each of its lines. */
  table: ContentTable;
  /** The label's text node: where pdfmake put it on the row's first page. */
  labelNode: ContentText;
}

/**
 * The rows continued on `page`, with where their label goes there and how many lines of
 * the row are there (the label must not run below the row).
 */
function continuedOn(rows: readonly LabelledRow[], page: number): Array<{ row: LabelledRow; x: number; y: number; lines: number }> {
  const found: Array<{ row: LabelledRow; x: number; y: number; lines: number }> = [];
  for (const row of rows) {
    const lines = positionsOf(row.table);
    const first = positionsOf(row.labelNode)[0];
    if (!first || lines.length === 0 || first.pageNumber >= page) continue;
    const here = lines.filter((p) => p.pageNumber === page);
    if (here.length === 0) continue;
    const tops = here.map((p) => p.top);
    const step = lineStep(lines);
    found.push({ row, x: first.left, y: Math.min(...tops), lines: Math.round((Math.max(...tops) - Math.min(...tops)) / step) + 1 });
  }
  return found;
}

/** The distance between two lines of the row's text: the smallest gap between line tops. */
function lineStep(lines: readonly Position[]): number {
  let step = Infinity;
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i]!.top - lines[i - 1]!.top;
    if (lines[i]!.pageNumber === lines[i - 1]!.pageNumber && gap > 1) step = Math.min(step, gap);
  }
  return Number.isFinite(step) ? step : Infinity;
}

/**
 * The label as set again on a page the row continues onto: the label, then "(continued)".
 * `dy` moves it from page coordinates into those of the furniture block it is laid out in.
 */
export function continuedLabels(rows: readonly LabelledRow[], page: number, width: number, note: string, dy = 0): Content[] {
  return continuedOn(rows, page).flatMap(({ row, x, y, lines }) => {
    // As many lines as the label takes on its first page, and one for the note; a row with
    // fewer lines on this page gets the label alone, or nothing, rather than text below it.
    const labelLines = positionsOf(row.labelNode).length;
    if (lines < labelLines) return [];
    const stack: Content[] = [{ text: row.label, style: 'rowLabel' }];
    if (lines > labelLines) stack.push({ text: note, style: 'rowNote' });
    return [{ absolutePosition: { x, y: y + dy }, style: 'rowContinued', columns: [{ width, stack }] }];
  });
}
