/** Small helpers the handlers share. */
import type { Content } from 'pdfmake/interfaces.js';
import { pageSize, type Theme } from '../theme.ts';

/** Width between the left and right margins. */
export function contentWidth(theme: Theme): number {
  const [left, , right] = theme.page.margins;
  return pageSize(theme)[0] - left - right;
}

/**
 * Removes the bottom margin of the last block, so a cell or list item does not end with
 * a paragraph's spacing. Mutates the (freshly built) node.
 */
export function trimBottom(blocks: Content[]): Content[] {
  const last = blocks.at(-1);
  if (last && typeof last === 'object' && !Array.isArray(last)) {
    const margin = (last as { margin?: number[] }).margin;
    (last as { margin?: number[] }).margin = margin && margin.length === 4 ? [margin[0]!, margin[1]!, margin[2]!, 0] : [0, 0, 0, 0];
  }
  return blocks;
}

/**
 * `trimBottom`, down to the innermost last block. Before a forced page break this matters:
 * pdfmake starts a new page for a bottom margin that does not fit, and the break then
 * adds a second, blank one.
 */
export function trimBottomDeep(blocks: Content[]): Content[] {
  trimBottom(blocks);
  const last = blocks.at(-1) as { stack?: Content[]; ul?: Content[]; ol?: Content[] } | undefined;
  const inner = last && typeof last === 'object' ? (last.stack ?? last.ul ?? last.ol) : undefined;
  if (Array.isArray(inner)) trimBottomDeep(inner);
  return blocks;
}
