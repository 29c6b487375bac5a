/**
 * A list is one numbering instance: every list, nested or not, numbers from its own start,
 * so "1." never continues from an earlier list. Bullets and numbers are two numbering
 * definitions (see numbering.ts); nesting picks the level.
 */
import type { BlockHandler } from '../types.ts';
import { listItem } from './list-item.ts';

export const list: BlockHandler<'list'> = (node, state, ctx) => {
  const frame = {
    reference: node.ordered ? 'ordered' : 'bullet',
    level: Math.min((ctx.list?.level ?? -1) + 1, 8),
    instance: state.nextListInstance(),
  };
  return node.children.flatMap((item) => listItem(item, state, { ...ctx, list: frame }));
};
