/** A list item: its first paragraph carries the number or bullet, later blocks align under its text. */
import { DocxError, type BlockHandler } from '../types.ts';

/** Matches the numbering levels' indents (numbering.ts). */
export const LIST_INDENT = 360;

export const listItem: BlockHandler<'listItem'> = (node, state, ctx) => {
  const frame = ctx.list;
  if (!frame) throw new DocxError('a list item outside a list');
  const indent = LIST_INDENT * (frame.level + 1);
  return node.children.flatMap((child, i) =>
    state.blocks([child], i === 0 && child.type === 'paragraph' ? { ...ctx, numbering: frame } : { ...ctx, numbering: undefined, indent }),
  );
};
