/**
 * A list is one numbering instance: every list, nested or not, numbers from its own start,
 * so "1." never continues from an earlier list. Bullets and numbers are two numbering
 * definitions (see numbering.ts), plus one per other first number ("3." on); nesting picks the level.
 */
import { orderedFrom } from '../numbering.ts';
import type { BlockHandler } from '../types.ts';
import { listItem } from './list-item.ts';

export const list: BlockHandler<'list'> = (node, state, ctx) => {
  const level = Math.min((ctx.list?.level ?? -1) + 1, 8);
  const start = node.ordered ? (node.start ?? 1) : 1;
  const frame = {
    reference: !node.ordered ? 'bullet' : start === 1 ? 'ordered' : orderedFrom(start, level),
    level,
    instance: state.nextListInstance(),
  };
  return node.children.flatMap((item) => listItem(item, state, { ...ctx, list: frame }));
};
