/**
 * `:::practice{area=…}`: the source's two-column practice table. Each row is laid out as
 * its own one-row table, stacked edge to edge with the same column widths: it looks like
 * one table, but a row can then be moved whole to the next page when it would start in
 * the last lines of a page (see document.ts), so a label never sits alone at the bottom.
 * Rows may still break across pages (a Description can be long). Label cells are tinted
 * in the area's colour (the neutral tint without an area).
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Handler } from '../state.ts';
import { attribute, where } from '../../template/attributes.ts';
import { tableRow } from './row.ts';

export const practice: Handler = (node, state) => {
  const area = attribute(node, 'area');
  state.colours(area); // an unknown area fails here, naming the theme's areas
  const previous = state.area;
  state.area = area;
  try {
    const rows = (node as ContainerDirective).children.map((child) => {
      if (child.type !== 'containerDirective' || child.name !== 'row') {
        throw new Error(`:::practice holds only ::::row blocks, found ${child.type}${where(child)}`);
      }
      return tableRow(child, state);
    });
    return [{ stack: rows, style: 'practice' }];
  } finally {
    state.area = previous;
  }
};
