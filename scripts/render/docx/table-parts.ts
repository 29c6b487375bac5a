/**
 * Building blocks of every table the backend writes (GFM tables, practice tables, bands,
 * scenario/tip tables): full text width, the report table style, cells that Word accepts.
 */
import { Paragraph, Table, TableCell, TableRow, WidthType, type ITableCellOptions } from 'docx';
import { pageGeometry } from './page.ts';
import { DocxError, type Block, type DocxState } from './types.ts';

export const TABLE_STYLE = 'ReportTable';

/** A table across the text width; `shares` are the columns' relative widths. */
export function fullWidthTable(state: DocxState, rows: TableRow[], shares: readonly number[], style = TABLE_STYLE): Table {
  const widths = columnWidths(state, shares);
  return new Table({
    style,
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
  });
}

export function columnWidths(state: DocxState, shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => Math.floor((pageGeometry(state.theme).textWidth * s) / total));
}

type CellOptions = Omit<ITableCellOptions, 'children'>;

/** A cell from mapped blocks: never empty, and ending with a paragraph, as Word requires. */
export function cell(blocks: readonly Block[], options: CellOptions = {}): TableCell {
  const children = blocks.map((b) => {
    if (b instanceof Paragraph || b instanceof Table) return b;
    throw new DocxError('a table of contents cannot stand inside a table cell');
  });
  if (!(children.at(-1) instanceof Paragraph)) children.push(new Paragraph({}));
  return new TableCell({ ...options, children });
}

