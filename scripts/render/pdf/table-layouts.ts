/** Table layouts (lines and padding) drawn from the theme's colours. */
import type { ContentTable, CustomTableLayout } from 'pdfmake/interfaces.js';
import type { Theme } from '../theme.ts';

/** Cell padding of grids, in points: [horizontal, vertical]. */
export const GRID_PADDING: [number, number] = [6, 5];

/**
 * A layout's functions close over their values, which JSON would drop: `toJSON` names
 * them, so that a layout cache key (segment-plan.ts) sees a change of colour or padding.
 */
export function described<T extends CustomTableLayout>(layout: T, description: unknown[]): T {
  return Object.assign(layout, { toJSON: () => description });
}

/** Thin rules in the theme's rule colour around every cell: the practice and GFM tables. */
export function gridLayout(theme: Theme, padding: [number, number] = GRID_PADDING): CustomTableLayout {
  return described({
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => theme.colours.rule,
    vLineColor: () => theme.colours.rule,
    paddingLeft: () => padding[0],
    paddingRight: () => padding[0],
    paddingTop: () => padding[1],
    paddingBottom: () => padding[1],
  }, ['grid', theme.colours.rule, padding]);
}

/**
 * A grid set flush into a cell of another grid: the cell's padding is cancelled and the
 * inner grid's outer lines are dropped, so the two share one set of borders.
 */
export function flushInto(table: ContentTable, padding: [number, number] = GRID_PADDING): ContentTable {
  const layout = table.layout as CustomTableLayout;
  const h = layout.hLineWidth;
  const v = layout.vLineWidth;
  return {
    ...table,
    margin: [-padding[0], -padding[1], -padding[0], -padding[1]],
    layout: described({
      ...layout,
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : typeof h === 'function' ? h(i, node) : 0.5),
      vLineWidth: (i, node) => (i === 0 || i === (node.table.widths?.length ?? 0) ? 0 : typeof v === 'function' ? v(i, node) : 0.5),
    }, ['flush', layout, padding]),
  };
}

/** No lines, one filled cell: bands, label boxes, code. */
export function boxLayout(fill: string, padding: [number, number] = [8, 5]): CustomTableLayout {
  return described({
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    fillColor: () => fill,
    paddingLeft: () => padding[0],
    paddingRight: () => padding[0],
    paddingTop: () => padding[1],
    paddingBottom: () => padding[1],
  }, ['box', fill, padding]);
}
