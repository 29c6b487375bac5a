/** `::::practice{area}` holding `:::row` children: a two-column table, labels tinted with the area's tint. */
import { TableRow } from 'docx';
import { fullWidthTable } from '../table-parts.ts';
import { DocxError, type DirectiveHandler } from '../types.ts';
import { areaColours } from '../area-colours.ts';
import { row } from './row.ts';
import { attribute } from '../../template/attributes.ts';

export const practice: DirectiveHandler = (node, state, ctx) => {
  const { tint } = areaColours(state, attribute(node, 'area'));
  const rows: TableRow[] = node.children.map((child) => {
    if (child.type !== 'containerDirective' || child.name !== 'row') {
      throw new DocxError(`a practice table holds only :::row directives, found ${child.type === 'containerDirective' || child.type === 'leafDirective' ? `"${child.name}"` : child.type} (write rows as :::row{label="…"} inside ::::practice)`);
    }
    return row(child, state, ctx, tint);
  });
  return [fullWidthTable(state, rows, [1, 3])];
};
