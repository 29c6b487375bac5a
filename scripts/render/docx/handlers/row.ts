/** One `:::row{label note?}` of a practice table: the tinted label cell, then the row's content. */
import { Paragraph, ShadingType, TableRow, TextRun } from 'docx';
import type { ContainerDirective } from 'mdast-util-directive';
import { cell } from '../table-parts.ts';
import type { BlockContext, DocxState } from '../types.ts';
import { halfPoints, hex } from '../units.ts';

export function row(node: ContainerDirective, state: DocxState, ctx: BlockContext, tint: string): TableRow {
  const { theme } = state;
  const label = [new Paragraph({ spacing: { before: 0, after: 40 }, keepNext: true, children: [new TextRun({ text: node.attributes?.['label'] ?? '', bold: true })] })];
  const note = node.attributes?.['note'];
  if (note) {
    label.push(new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [new TextRun({ text: note, italics: true, size: halfPoints(theme.sizes.small), color: hex(theme.colours.muted) })],
    }));
  }
  return new TableRow({
    children: [
      cell(label, { shading: { type: ShadingType.CLEAR, fill: tint, color: 'auto' } }),
      cell(state.blocks(node.children, { ...ctx, inTable: true })),
    ],
  });
}
