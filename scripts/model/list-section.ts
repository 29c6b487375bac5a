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

/** A list section back as mdast blocks: the paragraphs before, the list, the paragraphs after. */
export function listSectionBlocks(section: ListSection): RootContent[] {
  const list: RootContent[] = section.items.length
    ? [{ type: 'list', ordered: section.ordered, spread: false, children: section.items }]
    : [];
  return [...section.before.children, ...list, ...section.after.children];
}
