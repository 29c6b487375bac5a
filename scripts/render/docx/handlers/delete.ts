import type { InlineHandler } from '../types.ts';

export const deleteHandler: InlineHandler<'delete'> = (node, state, run) => state.inlines(node.children, { ...run, strike: true });
