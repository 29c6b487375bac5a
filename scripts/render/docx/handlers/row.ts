/** One `:::row{label? note?}` of a practice table: the tinted label cell, then the row's content. */
import { Paragraph, ShadingType, TableRow, TextRun } from 'docx';
import type { ContainerDirective } from 'mdast-util-directive';
import { cell } from '../table-parts.ts';
import type { BlockContext, DocxState } from '../types.ts';
import { halfPoints, hex } from '../units.ts';
import { attribute } from '../../template/attributes.ts';

export function row(node: ContainerDirective, state: DocxState, ctx: BlockContext, tint: string): TableRow {
  const { theme } = state;
  const content = state.blocks(node.children, { ...ctx, inTable: true });
  const text = attribute(node, 'label');
  // Without a label the row spans both columns, as in the PDF.
  if (!text) return new TableRow({ children: [cell(content, { columnSpan: 2 })] });
  const label = [new Paragraph({ spacing: { before: 0, after: 40 }, keepNext: true, children: [new TextRun({ text, bold: true })] })];
  const note = attribute(node, 'note');
  if (note) {
    label.push(new Paragraph({
      spacing: { before: 0, after: 0 },
      children: [new TextRun({ text: note, italics: true, size: halfPoints(theme.sizes.small), color: hex(theme.colours.muted) })],
    }));
  }
  return new TableRow({
    children: [
      cell(label, { shading: { type: ShadingType.CLEAR, fill: tint, color: 'auto' } }),
      cell(content),
    ],
  });
}
