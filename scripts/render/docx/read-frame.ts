/**
 * A document's frame, written as a template like its body: `## header`, `## footer`
 * (Markdown; `:page`/`:pages` for page numbers), `## title`, `## subject`, `## keywords`
 * (plain text: document properties). Keeps running heads and property wording in templates.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { DocxError } from './types.ts';

export interface DocxFrame {
  header: RootContent[];
  footer: RootContent[];
  title: string;
  subject: string;
  keywords: string;
}

const PARTS = ['header', 'footer', 'title', 'subject', 'keywords'] as const;

export function readFrame(tree: Root): DocxFrame {
  const parts = new Map<string, RootContent[]>();
  let current: RootContent[] | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      const name = toString(node).trim();
      if (!(PARTS as readonly string[]).includes(name)) throw new DocxError(`frame template: unknown part "## ${name}"; expected ${PARTS.join(', ')}`);
      parts.set(name, (current = []));
    } else if (current) current.push(node);
    else throw new DocxError('frame template: text before the first "## part" heading');
  }
  const plain = (name: string) => (parts.get(name) ?? []).map((n) => toString(n)).join(' ').replace(/\s+/g, ' ').trim();
  return { header: parts.get('header') ?? [], footer: parts.get('footer') ?? [], title: plain('title'), subject: plain('subject'), keywords: plain('keywords') };
}
