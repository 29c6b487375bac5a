import type { InlineHandler } from '../types.ts';

export const strong: InlineHandler<'strong'> = (node, state, run) => state.inlines(node.children, { ...run, bold: true });
