/**
 * HTML comments are the editors' notes to each other (`<!-- check this figure -->`): they
 * are dropped when the file is parsed, so no deliverable prints them and the no-HTML rule
 * does not flag them. Any other HTML stays, for validation to report.
 */
import type { Nodes, Root } from 'mdast';

const ONLY_COMMENTS = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

export function dropComments(tree: Root): Root {
  return strip(tree) as Root;
}

function strip(node: Nodes): Nodes {
  if (!('children' in node)) return node;
  const children = (node.children as Nodes[]).filter((c) => !(c.type === 'html' && ONLY_COMMENTS.test(c.value))).map(strip);
  return { ...node, children } as Nodes;
}
