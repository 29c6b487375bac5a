import type { Delete } from 'mdast';
import type { Handler } from '../state.ts';

export const strikethrough: Handler = (node, state, style) =>
  state.all((node as Delete).children, { ...style, decoration: 'lineThrough' });
