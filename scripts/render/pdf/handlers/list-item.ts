/** A list item: its blocks without trailing spacing; a single paragraph stays a text node. */
import type { ListItem } from 'mdast';
import type { Content, Margins } from 'pdfmake/interfaces.js';
import type { Handler } from '../state.ts';
import { trimBottom } from '../util.ts';

const ITEM_MARGIN: Margins = [0, 0, 0, 3];

export const listItem: Handler = (node, state) => {
  const blocks = trimBottom(state.all((node as ListItem).children));
  const [only] = blocks;
  if (blocks.length === 1 && typeof only === 'object' && only !== null && 'text' in only) {
    return [{ ...only, margin: ITEM_MARGIN } as Content];
  }
  return [{ stack: blocks, margin: ITEM_MARGIN }];
};
