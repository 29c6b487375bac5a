import { BorderStyle, Paragraph, TextRun } from 'docx';
import type { BlockHandler } from '../types.ts';
import { halfPoints, hex } from '../units.ts';

/** A code block keeps its line breaks and indentation, small and boxed, as in the PDF. */
export const code: BlockHandler<'code'> = (node, state) => {
  const border = { style: BorderStyle.SINGLE, size: 4, color: hex(state.theme.colours.rule), space: 4 };
  return [
    new Paragraph({
      border: { top: border, bottom: border, left: border, right: border },
      children: node.value.split('\n').map(
        (line, i) => new TextRun({ text: line, font: 'Consolas', size: halfPoints(state.theme.sizes.small), ...(i > 0 ? { break: 1 } : {}) }),
      ),
    }),
  ];
};
