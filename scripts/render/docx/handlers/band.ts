/** `:::band{area}`: a full-width block in the area's accent colour with white text (a one-cell table). */
import { ShadingType, TableRow } from 'docx';
import { areaColours } from '../area-colours.ts';
import { cell, fullWidthTable } from '../table-parts.ts';
import type { DirectiveHandler } from '../types.ts';
import { hex } from '../units.ts';
import { attribute } from '../../template/attributes.ts';

export const band: DirectiveHandler = (node, state, ctx) => {
  const { accent } = areaColours(state, attribute(node, 'area', true));
  const run = { ...ctx.run, color: hex(state.theme.colours.onPrimary) };
  const content = state.blocks(node.children, { ...ctx, run, inTable: true, cover: false });
  const row = new TableRow({
    children: [cell(content, { shading: { type: ShadingType.CLEAR, fill: accent, color: 'auto' }, margins: { top: 120, bottom: 120, left: 160, right: 160 } })],
  });
  return [fullWidthTable(state, [row], [1], 'BandTable')];
};
