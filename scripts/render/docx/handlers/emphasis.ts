import type { InlineHandler } from '../types.ts';

export const emphasis: InlineHandler<'emphasis'> = (node, state, run) => state.inlines(node.children, { ...run, italics: true });
