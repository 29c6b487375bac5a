/** A GFM table: the first row is the header (bold, repeated on each page), columns share the width. */
import { AlignmentType, Paragraph, TableRow } from 'docx';
import type { AlignType } from 'mdast';
import { cell, fullWidthTable } from '../table-parts.ts';
import type { BlockHandler } from '../types.ts';

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

export const table: BlockHandler<'table'> = (node, state, ctx) => {
  const columns = Math.max(...node.children.map((row) => row.children.length));
  const rows = node.children.map((row, r) => {
    const header = r === 0;
    const cells = Array.from({ length: columns }, (_, c) => {
      const content = row.children[c]?.children ?? [];
      const align: AlignType | undefined = node.align?.[c];
      const paragraph = new Paragraph({
        spacing: { before: 0, after: 60 },
        ...(align ? { alignment: ALIGN[align] } : {}),
        children: state.inlines(content, header ? { ...ctx.run, bold: true } : ctx.run),
      });
      return cell([paragraph]);
    });
    return new TableRow({ tableHeader: header, children: cells });
  });
  return [fullWidthTable(state, rows, Array(columns).fill(1))];
};
