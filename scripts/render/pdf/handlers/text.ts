/** Text: a leaf inline carrying every style of its ancestors (pdfmake does not inherit them). */
import type { Text } from 'mdast';
import type { Handler } from '../state.ts';

export const text: Handler = (node, _state, style) => {
  // Soft line breaks of the source are spaces on the page.
  const value = (node as Text).value.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
  return value === '' ? [] : [{ text: value, ...style }];
};
