import type { DirectiveHandler } from '../types.ts';

// `:::compact`: the PDF sets these paragraphs closer together; Word's paragraph styles already do.
export const compact: DirectiveHandler = (node, state, ctx) => state.blocks(node.children, ctx);
