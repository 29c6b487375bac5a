import type { Blockquote } from 'mdast';
import type { Handler } from '../state.ts';
import { trimBottom } from '../util.ts';

export const blockquote: Handler = (node, state) => [
  { stack: trimBottom(state.all((node as Blockquote).children, { italics: true })), margin: [14, 0, 14, 6] },
];
