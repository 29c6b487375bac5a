import type { BlockHandler } from '../types.ts';
import { hex } from '../units.ts';

// A quotation is set off like an example: a bar in the rule colour, indented, italic.
export const blockquote: BlockHandler<'blockquote'> = (node, state, ctx) =>
  state.blocks(node.children, { ...ctx, bar: hex(state.theme.colours.rule), indent: 240, run: { ...ctx.run, italics: true } });
