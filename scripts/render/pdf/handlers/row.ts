/**
 * `::::row{label=… note=… area=…}`: one row of a practice table, as a one-row table. The
 * label cell (label, then the note in small muted type) is tinted in the table's area
 * colour, or the row's own `area`; the content cell holds the row's blocks. A row without
 * a label spans the whole width (the scenarios/tips grid).
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { Content, ContentTable, ContentText } from 'pdfmake/interfaces.js';
import type { Handler, State } from '../state.ts';
import { flushInto, gridLayout } from '../table-layouts.ts';
import { trimBottom } from '../util.ts';
import { attribute, where } from '../../template/attributes.ts';

export function tableRow(node: ContainerDirective, state: State): Content {
  const label = attribute(node, 'label');
  const note = attribute(node, 'note');
  const content = trimBottom(state.all(node.children));
  const layout = gridLayout(state.theme);
  if (!label) {
    // A lone grid (paired scenarios and tips) fills the row edge to edge.
    const [only] = content;
    const isGrid = content.length === 1 && typeof only === 'object' && only !== null && 'table' in only;
    const table: ContentTable = { table: { widths: ['*'], body: [[{ stack: isGrid ? [flushInto(only as ContentTable)] : content }]] }, layout };
    return state.keep(table, state.theme.pdf.keepRow);
  }
  const labelNode: ContentText = { text: label, style: 'rowLabel' };
  const labelCell: Content[] = [labelNode];
  if (note) labelCell.push({ text: note, style: 'rowNote' });
  const tint = state.colours(attribute(node, 'area') ?? state.area).tint;
  const table: ContentTable = { table: { widths: [state.theme.pdf.labelColumn, '*'], body: [[{ stack: labelCell, fillColor: tint }, { stack: content }]] }, layout };
  state.rows.push({ label, table, labelNode });
  return state.keep(table, state.theme.pdf.keepRow);
}

export const row: Handler = (node) => {
  throw new Error(`::::row belongs inside :::practice${where(node)}`);
};
