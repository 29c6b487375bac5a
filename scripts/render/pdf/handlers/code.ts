import type { Code } from 'mdast';
import type { Handler } from '../state.ts';
import { boxLayout } from '../table-layouts.ts';

/** A code block keeps its line breaks and indentation, on a light background. */
export const code: Handler = (node, state) => [
  {
    table: { widths: ['*'], body: [[{ text: (node as Code).value, preserveLeadingSpaces: true, style: 'small' }]] },
    layout: boxLayout(state.theme.colours.rule),
    margin: [0, 0, 0, 6],
  },
];
