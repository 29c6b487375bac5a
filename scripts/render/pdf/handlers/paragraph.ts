import type { Paragraph } from 'mdast';
import type { Handler } from '../state.ts';

export const paragraph: Handler = (node, state, style) => {
  const inlines = state.all((node as Paragraph).children, style);
  return inlines.length === 0 ? [] : [{ text: inlines, style: state.cover ? 'coverText' : 'paragraph' }];
};
