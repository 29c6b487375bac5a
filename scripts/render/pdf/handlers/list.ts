import type { List } from 'mdast';
import type { Content } from 'pdfmake/interfaces.js';
import type { Handler } from '../state.ts';

export const list: Handler = (node, state) => {
  const { ordered, start, children } = node as List;
  const items: Content[] = state.all(children);
  return [ordered ? { ol: items, start: start ?? 1, style: 'list' } : { ul: items, style: 'list' }];
};
