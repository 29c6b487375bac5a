import type { InlineCode } from 'mdast';
import type { Handler } from '../state.ts';

/** Roboto has no monospace face: code is set off by a light background instead. */
export const inlineCode: Handler = (node, state, style) => [
  { text: (node as InlineCode).value, ...style, background: state.theme.colours.rule },
];
