/**
 * Markdown → mdast with GFM (tables, footnotes, autolinks, strikethrough). Positions are
 * shifted to file lines, so every later check can point into the file the editor opened.
 * Comments are dropped and references resolved, so each tree is ready for any deliverable.
 */
import type { Root } from 'mdast';
import { markdownProcessor } from './markdown-processor.ts';
import { resolveReferences } from './resolve-references.ts';

export function parseMarkdown(markdown: string, lineOffset = 0): Root {
  const processor = markdownProcessor({ directives: false });
  const tree = processor.parse(markdown);
  if (lineOffset) shiftLines(tree, lineOffset);
  return resolveReferences(processor.runSync(tree));
}

function shiftLines(node: { position?: { start: { line: number }; end: { line: number } }; children?: unknown[] }, by: number): void {
  if (node.position) {
    node.position.start.line += by;
    node.position.end.line += by;
  }
  for (const child of node.children ?? []) shiftLines(child as typeof node, by);
}
