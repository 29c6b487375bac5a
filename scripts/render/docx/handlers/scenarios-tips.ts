/**
 * `:::scenarios-tips{scenarios tips area?}`: a practice's scenarios ("Areas for improvement")
 * and tips ("Recommendations"), spliced in by the template (template/scenarios-tips.ts).
 * When they pair up, a two-column
 * table puts scenario n beside tip n; otherwise two lists, scenarios then tips. The paragraphs
 * before and after each list are kept, in their column.
 */
import { Paragraph, ShadingType, TableRow, TextRun } from 'docx';
import type { ListItem, PhrasingContent, RootContent } from 'mdast';
import { listSectionBlocks } from '../../../model/list-section.ts';
import { areaColours } from '../area-colours.ts';
import { cell, fullWidthTable } from '../table-parts.ts';
import type { BlockContext, DirectiveHandler, DocxState } from '../types.ts';
import { scenariosAndTips } from '../../template/scenarios-tips.ts';
import { attribute } from '../../template/attributes.ts';

export const scenariosTips: DirectiveHandler = (node, state, ctx) => {
  const practice = scenariosAndTips(node);
  const labels: [string, string] = [attribute(node, 'scenarios', true), attribute(node, 'tips', true)];
  const sections = [practice.scenarios, practice.tips] as const;
  if (!practice.paired) {
    return sections.flatMap((section, i) => state.blocks([labelParagraph(labels[i]!), ...listSectionBlocks(section)], ctx));
  }
  const { tint } = areaColours(state, attribute(node, 'area'));
  const inCell: BlockContext = { ...ctx, inTable: true };
  const shaded = { shading: { type: ShadingType.CLEAR, fill: tint, color: 'auto' } };
  const rows = [
    new TableRow({ tableHeader: true, children: labels.map((label) => cell([headerParagraph(label)], shaded)) }),
    ...optionalRow(state, inCell, sections.map((s) => s.before.children)),
    ...practice.scenarios.items.map((scenario, n) => new TableRow({
      children: [scenario, practice.tips.items[n]!].map((item, i) => cell(numbered(item, n, sections[i]!.ordered, state, inCell))),
    })),
    ...optionalRow(state, inCell, sections.map((s) => s.after.children)),
  ];
  return [fullWidthTable(state, rows, [1, 1])];
};


function labelParagraph(label: string): RootContent {
  return { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: label }] }] };
}

function headerParagraph(label: string): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0 }, keepNext: true, children: [new TextRun({ text: label, bold: true })] });
}

/** A row for the paragraphs around the lists, when either column has some. */
function optionalRow(state: DocxState, ctx: BlockContext, columns: RootContent[][]): TableRow[] {
  if (columns.every((c) => c.length === 0)) return [];
  return [new TableRow({ children: columns.map((c) => cell(state.blocks(c, ctx))) })];
}

/** One item in its cell; the number is written out, as each cell holds a single item of its list. */
function numbered(item: ListItem, n: number, ordered: boolean, state: DocxState, ctx: BlockContext) {
  const [first, ...rest] = item.children;
  if (!ordered || first?.type !== 'paragraph') return state.blocks(item.children, ctx);
  const lead: PhrasingContent = { type: 'strong', children: [{ type: 'text', value: `${n + 1}. ` }] };
  return state.blocks([{ ...first, children: [lead, ...first.children] }, ...rest], ctx);
}
