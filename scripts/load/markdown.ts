/**
 * Markdown → mdast with GFM (tables, footnotes, autolinks, strikethrough). Positions are
 * shifted to file lines, so every later check can point into the file the editor opened.
 * Comments are dropped and references resolved, so each tree is ready for any deliverable.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { resolveReferences } from './resolve-references.ts';

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(markdown: string, lineOffset = 0): Root {
  const tree = processor.parse(markdown);
  if (lineOffset) shiftLines(tree, lineOffset);
  return resolveReferences(processor.runSync(tree) as Root);
}

function shiftLines(node: { position?: { start: { line: number }; end: { line: number } }; children?: unknown[] }, by: number): void {
  if (node.position) {
    node.position.start.line += by;
    node.position.end.line += by;
  }
  for (const child of node.children ?? []) shiftLines(child as typeof node, by);
}
