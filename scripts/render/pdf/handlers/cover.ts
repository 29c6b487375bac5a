/**
 * `:::cover`: the cover page. Its leading headings form the title block, set in the
 * theme's primary colour from edge to edge; what follows (partners, edition) sits below.
 * A page break follows the cover.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Content } from 'pdfmake/interfaces.js';
import type { Handler } from '../state.ts';
import { boxLayout } from '../table-layouts.ts';

/** Space above the title inside the coloured block, and between the block and what follows, in points. */
const TITLE_TOP = 150;
const BELOW_TITLE = 90;

export const cover: Handler = (node, state) => {
  const { children } = node as ContainerDirective;
  const split = children.findIndex((child) => child.type !== 'heading');
  const titleNodes = split === -1 ? children : children.slice(0, split);
  const rest = split === -1 ? [] : children.slice(split);
  const [left, top, right] = state.theme.page.margins;
  state.cover = true;
  try {
    const titleBlock: Content = {
      table: { widths: ['*'], body: [[{ stack: state.all(titleNodes), margin: [left - 8, TITLE_TOP, right - 8, 36] }]] },
      layout: boxLayout(state.theme.colours.primary),
      // Negative margins bleed the block to the page edges.
      margin: [-left, -top, -right, BELOW_TITLE],
    };
    const below = state.all(rest);
    state.segment++;
    return [{ stack: [titleBlock, ...below], pageBreak: 'after' }];
  } finally {
    state.cover = false;
  }
};
