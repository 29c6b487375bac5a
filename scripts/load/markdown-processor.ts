/**
 * The Markdown parser (unified, remark-parse, remark-gfm, and remark-directive for the
 * templates), loaded at its first use. Most runs parse nothing: content trees and template
 * skeletons come from the run caches (parse-cache.ts, skeleton-cache.ts), and loading the
 * parser's few hundred modules took ~150 ms of every process and worker that renders.
 */
import { createRequire } from 'node:module';
import type { Root } from 'mdast';

const require = createRequire(import.meta.url);

export interface MarkdownProcessor {
  parse(markdown: string): Root;
  runSync(tree: Root): Root;
}

const processors = new Map<boolean, MarkdownProcessor>();

/** GFM (tables, footnotes, autolinks, strikethrough), with directives (`::toc`) for templates. */
export function markdownProcessor({ directives }: { directives: boolean }): MarkdownProcessor {
  let processor = processors.get(directives);
  if (!processor) {
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    const remarkGfm = (require('remark-gfm') as typeof import('remark-gfm')).default;
    const base = unified().use(remarkParse).use(remarkGfm);
    const made = directives ? base.use((require('remark-directive') as typeof import('remark-directive')).default) : base;
    processor = { parse: (markdown) => made.parse(markdown), runSync: (tree) => made.runSync(tree) as Root };
    processors.set(directives, processor);
  }
  return processor;
}
