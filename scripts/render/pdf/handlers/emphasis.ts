import type { Emphasis } from 'mdast';
import type { Handler } from '../state.ts';

export const emphasis: Handler = (node, state, style) => state.all((node as Emphasis).children, { ...style, italics: true });
