/**
 * HTML comments are the editors' notes to each other (`<!-- check this figure -->`): they
 * are dropped when the file is parsed (with the definitions, in resolve-references.ts), so
 * no deliverable prints them and the no-HTML rule does not flag them. Any other HTML stays,
 * for validation to report.
 */
import type { Nodes } from 'mdast';

const ONLY_COMMENTS = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

export function isComment(node: Nodes): boolean {
  return node.type === 'html' && ONLY_COMMENTS.test(node.value);
}
