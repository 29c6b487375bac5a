/**
 * What a `:::scenarios-tips` container holds, for both backends: the template splices the
 * practice's scenarios, a `::tips` line, then its tips (docs/directives.md). Each part is a
 * list with any paragraphs around it, and they pair up by the model's own rule, so the
 * backends read the rendered Markdown only, never the model.
 */
import type { Nodes } from 'mdast';
import { arePaired, toListSection } from '../../model/list-section.ts';
import type { ListSection } from '../../model/schemas.ts';
import { where } from './attributes.ts';

export interface ScenariosAndTips {
  scenarios: ListSection;
  tips: ListSection;
  paired: boolean;
}

export function scenariosAndTips(node: Nodes): ScenariosAndTips {
  const children = 'children' in node ? (node.children as Nodes[]) : [];
  const at = children.findIndex((c) => c.type === 'leafDirective' && c.name === 'tips');
  if (at === -1) throw new Error(`:::scenarios-tips needs a \`::tips\` line between the scenarios and the tips${where(node)}`);
  const part = (nodes: Nodes[]) => toListSection({ type: 'root', children: nodes as never });
  const scenarios = part(children.slice(0, at));
  const tips = part(children.slice(at + 1));
  return { scenarios, tips, paired: arePaired(scenarios, tips) };
}
