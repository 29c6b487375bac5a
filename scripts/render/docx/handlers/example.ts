/**
 * `:::example{label area?}`: text attributed to a partner. The label (the partner's name)
 * is set off in bold in the area's accent colour; the text follows behind a bar of that colour.
 */
import { Paragraph, TextRun } from 'docx';
import { areaColours } from '../area-colours.ts';
import { paragraphOptions } from '../paragraph-options.ts';
import type { DirectiveHandler } from '../types.ts';

export const example: DirectiveHandler = (node, state, ctx) => {
  const { accent } = areaColours(state, node.attributes?.['area']);
  const label = new Paragraph({
    ...paragraphOptions(state, ctx),
    keepNext: true,
    spacing: { before: 160, after: 60 },
    children: [new TextRun({ ...ctx.run, text: node.attributes?.['label'] ?? '', bold: true, color: accent })],
  });
  return [label, ...state.blocks(node.children, { ...ctx, bar: accent, indent: 160 })];
};
