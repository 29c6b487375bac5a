/**
 * `:::scenarios-tips{scenarios=… tips=… scenariosLabel=… tipsLabel=…}`: a practice's
 * scenarios ("Areas for improvement") and tips ("Recommendations"), spliced in by the
 * template (template/scenarios-tips.ts). When they pair up (same number of each), scenario n sits beside tip
 * n in a two-column grid whose header repeats on every page; otherwise the two lists
 * follow each other, since setting them side by side would suggest pairs that are not.
 * The paragraphs around each list ("Additional tips: …") are kept.
 */
import type { ListItem } from 'mdast';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { listSectionBlocks } from '../../../model/list-section.ts';
import type { ListSection } from '../../../model/schemas.ts';
import { scenariosAndTips, type ScenariosAndTips } from '../../template/scenarios-tips.ts';
import type { Handler, State } from '../state.ts';
import { boxLayout, gridLayout } from '../table-layouts.ts';
import { trimBottom } from '../util.ts';
import { attribute } from '../../template/attributes.ts';

interface Labels {
  /** "Areas for improvement" / "Recommendations": the section names (optional). */
  title?: string | undefined;
  /** "Scenarios identified by the project partners:" / "Tips based on the scenarios:". */
  lead: string;
}

export const scenariosTips: Handler = (node, state) => {
  const practice = scenariosAndTips(node);
  const scenarios: Labels = { title: attribute(node, 'scenariosLabel'), lead: attribute(node, 'scenarios', true) };
  const tips: Labels = { title: attribute(node, 'tipsLabel'), lead: attribute(node, 'tips', true) };
  return practice.paired ? pairedGrid(practice, scenarios, tips, state) : twoLists(practice, scenarios, tips, state);
};

function header(labels: Labels): Content[] {
  return [...(labels.title ? [{ text: labels.title, style: 'rowLabel' }] : []), { text: labels.lead, italics: true }];
}

/** Item n of a list, numbered as the list is (a one-item list that starts at n). */
function item(section: ListSection, index: number, state: State): Content {
  const content = trimBottom(state.one(section.items[index] as ListItem));
  return section.ordered ? { ol: content, start: index + 1 } : { ul: content };
}

function pairedGrid(practice: ScenariosAndTips, scenarios: Labels, tips: Labels, state: State): Content[] {
  const { tint } = state.colours();
  const around = (key: 'before' | 'after'): TableCell[] | undefined => {
    const left = trimBottom(state.all(practice.scenarios[key].children));
    const right = trimBottom(state.all(practice.tips[key].children));
    return left.length + right.length === 0 ? undefined : [{ stack: left }, { stack: right }];
  };
  const body: TableCell[][] = [[{ stack: header(scenarios), fillColor: tint }, { stack: header(tips), fillColor: tint }]];
  const before = around('before');
  if (before) body.push(before);
  practice.scenarios.items.forEach((_, i) => body.push([item(practice.scenarios, i, state), item(practice.tips, i, state)]));
  const after = around('after');
  if (after) body.push(after);
  return [{ table: { widths: ['*', '*'], headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, body }, layout: gridLayout(state.theme, [6, 4]) }];
}

function twoLists(practice: ScenariosAndTips, scenarios: Labels, tips: Labels, state: State): Content[] {
  const { tint } = state.colours();
  const part = (labels: Labels, section: ListSection, top: number): Content[] => [
    { table: { widths: ['*'], body: [[{ stack: header(labels) }]] }, layout: boxLayout(tint, [6, 4]), margin: [0, top, 0, 6] },
    ...state.all(listSectionBlocks(section)),
  ];
  return trimBottom([...part(scenarios, practice.scenarios, 0), ...part(tips, practice.tips, 4)]);
}
