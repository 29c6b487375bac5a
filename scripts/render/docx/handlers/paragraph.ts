import { Paragraph } from 'docx';
import { paragraphOptions } from '../paragraph-options.ts';
import type { BlockHandler } from '../types.ts';

export const paragraph: BlockHandler<'paragraph'> = (node, state, ctx) => [
  new Paragraph({ ...paragraphOptions(state, ctx), children: state.inlines(node.children, ctx.run) }),
];
