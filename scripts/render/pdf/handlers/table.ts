/** GFM tables: equal columns, a tinted header row that repeats on every page. */
import type { AlignType, Table, TableCell } from 'mdast';
import type { Alignment, TableCell as PdfCell } from 'pdfmake/interfaces.js';
import type { Handler, State } from '../state.ts';
import { gridLayout } from '../table-layouts.ts';

export const table: Handler = (node, state) => {
  const { align, children } = node as Table;
  const columns = Math.max(...children.map((row) => row.children.length));
  const body = children.map((row, r) =>
    Array.from({ length: columns }, (_, c) => cell(row.children[c], align?.[c], r === 0, state)),
  );
  return [
    {
      table: { headerRows: 1, widths: Array(columns).fill('*'), body, dontBreakRows: true },
      layout: gridLayout(state.theme),
      style: 'table',
    },
  ];
};

function cell(node: TableCell | undefined, align: AlignType | undefined, header: boolean, state: State): PdfCell {
  const text = node ? state.all(node.children, header ? { bold: true } : {}) : [];
  const alignment: Alignment = align === 'center' || align === 'right' ? align : 'left';
  return header ? { text, alignment, fillColor: state.colours().tint } : { text, alignment };
}
