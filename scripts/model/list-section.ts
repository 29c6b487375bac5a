/** A section that is a list plus any paragraphs around it (scenarios, tips, lessons). */
import type { Root, RootContent } from 'mdast';
import type { ListSection } from './schemas.ts';
import { root } from './sections.ts';

export function toListSection(content: Root): ListSection {
  const index = content.children.findIndex((n) => n.type === 'list');
  const list = content.children[index];
  if (!list || list.type !== 'list') {
    return { before: content, items: [], ordered: false, after: root([]) };
  }
  return {
    before: root(content.children.slice(0, index)),
    items: list.children,
    ordered: list.ordered ?? false,
    after: root(content.children.slice(index + 1)),
  };
}

/**
 * Scenarios and tips pair up (scenario n ↔ tip n) when both are lists of the same length;
 * otherwise setting them side by side would suggest pairs that are not there.
 */
export function arePaired(scenarios: ListSection, tips: ListSection): boolean {
  return scenarios.items.length > 0 && scenarios.items.length === tips.items.length;
}

/** A list section back as mdast blocks: the paragraphs before, the list, the paragraphs after. */
export function listSectionBlocks(section: ListSection): RootContent[] {
  const list: RootContent[] = section.items.length
    ? [{ type: 'list', ordered: section.ordered, spread: false, children: section.items }]
    : [];
  return [...section.before.children, ...list, ...section.after.children];
}
