import type { Strong } from 'mdast';
import type { Handler } from '../state.ts';

export const strong: Handler = (node, state, style) => state.all((node as Strong).children, { ...style, bold: true });
