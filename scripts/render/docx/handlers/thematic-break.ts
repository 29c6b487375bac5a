import { BorderStyle, Paragraph } from 'docx';
import type { BlockHandler } from '../types.ts';
import { hex } from '../units.ts';

export const thematicBreak: BlockHandler<'thematicBreak'> = (_node, state) => [
  new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: hex(state.theme.colours.rule), space: 1 } } }),
];
