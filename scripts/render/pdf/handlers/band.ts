/**
 * `:::band{area=…}`: a full-width block in the area's accent colour with text in the
 * theme's `onPrimary` colour. Headings inside it are the area's headings: the guide's
 * running header shows them.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Handler } from '../state.ts';
import { boxLayout } from '../table-layouts.ts';
import { trimBottom } from '../util.ts';
import { attribute } from '../../template/attributes.ts';

export const band: Handler = (node, state) => {
  const area = attribute(node, 'area', true);
  const { accent } = state.colours(area);
  const previous = { area: state.area, band: state.band };
  state.area = area;
  state.band = area;
  try {
    const content = trimBottom(state.all((node as ContainerDirective).children));
    return [
      {
        table: { widths: ['*'], body: [[{ stack: content, color: state.theme.colours.onPrimary }]] },
        layout: boxLayout(accent, [10, 8]),
        margin: [0, 0, 0, 10],
      },
    ];
  } finally {
    state.area = previous.area;
    state.band = previous.band;
  }
};
