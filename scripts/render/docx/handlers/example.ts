/**
 * `:::example{label area?}`: text attributed to a partner. The label (the partner's name)
 * is set off in bold in the area's accent colour; the text follows behind a bar of that colour.
 */
import { Paragraph, TextRun } from 'docx';
import { areaColours } from '../area-colours.ts';
import { paragraphOptions } from '../paragraph-options.ts';
import type { DirectiveHandler } from '../types.ts';
import { attribute } from '../../template/attributes.ts';

export const example: DirectiveHandler = (node, state, ctx) => {
  const { accent } = areaColours(state, attribute(node, 'area'));
  const label = new Paragraph({
    ...paragraphOptions(state, ctx),
    keepNext: true,
    spacing: { before: 160, after: 60 },
    children: [new TextRun({ ...ctx.run, text: attribute(node, 'label', true), bold: true, color: accent })],
  });
  return [label, ...state.blocks(node.children, { ...ctx, bar: accent, indent: 160 })];
};
