import type { Handler } from '../state.ts';
import { contentWidth } from '../util.ts';

export const thematicBreak: Handler = (_node, state) => [
  {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth(state.theme), y2: 0, lineWidth: 0.5, lineColor: state.theme.colours.rule }],
    margin: [0, 6, 0, 10],
  },
];
