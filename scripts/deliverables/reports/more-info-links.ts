/**
 * A practice's "You can find additional information here." is the reference link
 * `[…][more-info]`, whose definition the loader keeps outside the sections. Every practice
 * uses the same identifier, so a report holding several cannot resolve them by one table of
 * definitions: each practice's references become plain links to its own `moreInfoUrl` here.
 */
import type { Nodes, Root } from 'mdast';
import type { Guide, ListSection, Practice } from '../../model/schemas.ts';

export function withMoreInfoLinks(guide: Guide): Guide {
  return { ...guide, practices: guide.practices.map(resolvePractice) };
}

function resolvePractice(practice: Practice): Practice {
  const url = practice.moreInfoUrl;
  if (!url) return practice;
  const root = (r: Root) => resolve(r, url) as Root;
  const section = (s: ListSection): ListSection => ({
    before: root(s.before),
    items: s.items.map((item) => resolve(item, url) as typeof item),
    ordered: s.ordered,
    after: root(s.after),
  });
  return {
    ...practice,
    description: root(practice.description),
    context: root(practice.context),
    keySuccessFactors: root(practice.keySuccessFactors),
    results: root(practice.results),
    scenarios: section(practice.scenarios),
    tips: section(practice.tips),
  };
}

/** A copy of the tree with `[…][more-info]` replaced by a link to `url`; the model is not touched. */
function resolve(node: Nodes, url: string): Nodes {
  if (node.type === 'linkReference' && node.identifier === 'more-info') {
    return { type: 'link', url, children: node.children, ...(node.position ? { position: node.position } : {}) };
  }
  if (!('children' in node)) return node;
  return { ...node, children: node.children.map((child) => resolve(child, url)) } as Nodes;
}
