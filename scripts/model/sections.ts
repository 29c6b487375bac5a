/**
 * Splits a body into the sections its headings open. A section runs from its heading to
 * the next heading of the same or a higher level; deeper headings stay inside it.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

export interface Section {
  /** The heading's plain text, trimmed. */
  title: string;
  heading: Heading;
  content: Root;
}

export function splitSections(root: Root, depth: number): { lead: Root; sections: Section[] } {
  const lead: RootContent[] = [];
  const sections: Section[] = [];
  for (const node of root.children) {
    if (node.type === 'heading' && node.depth <= depth) {
      sections.push({ title: toString(node).trim(), heading: node, content: { type: 'root', children: [] } });
    } else {
      (sections.at(-1)?.content.children ?? lead).push(node);
    }
  }
  return { lead: { type: 'root', children: lead }, sections };
}

export function root(children: RootContent[]): Root {
  return { type: 'root', children };
}

/** True when a section holds nothing a reader would see. */
export function isEmpty(content: Root): boolean {
  return content.children.every((n) => toString(n).trim() === '');
}
