/**
 * References → what they refer to, within one file, when the file is parsed:
 * - link references become links. A practice writes its more-info sentence as
 *   `[…][more-info]` (the URL lives in `moreInfoUrl`, appended as a definition), and any file
 *   may use `[text][ref]` with `[ref]: url`;
 * - a footnote reference `[^id]` carries its note (`data.note`).
 * So every mdast tree of the model is self-contained: a section spliced into any document
 * keeps its links and its notes, wherever the file wrote the definitions, and two files'
 * `[more-info]` or `[^1]` never collide. Definitions are then dropped, and HTML comments with
 * them (drop-comments.ts). Resolved links remember
 * their reference in `data.reference`; notes no reference uses stay in `data.unusedNotes`
 * (both for validation).
 */
import type { FootnoteDefinition, FootnoteReference, Link, LinkReference, Nodes, Root } from 'mdast';
import { isComment } from './drop-comments.ts';

declare module 'mdast' {
  interface LinkData {
    /** The reference identifier a link was written with (`more-info`), when it was one. */
    reference?: string;
  }
  interface FootnoteReferenceData {
    /** The note this reference points to, with its own references resolved. */
    note?: FootnoteDefinition;
  }
  interface RootData {
    /** Footnote definitions no reference points to: their text would never be printed. */
    unusedNotes?: FootnoteDefinition[];
  }
}

interface Scope {
  urls: ReadonlyMap<string, string>;
  notes: ReadonlyMap<string, FootnoteDefinition>;
  resolvedNotes: Map<string, FootnoteDefinition>;
  /** Notes being resolved: a note that refers back to one of them keeps its reference bare. */
  resolving: Set<string>;
}

export function resolveReferences(tree: Root): Root {
  const urls = new Map<string, string>();
  const notes = new Map<string, FootnoteDefinition>();
  collect(tree, urls, notes);
  const scope: Scope = { urls, notes, resolvedNotes: new Map(), resolving: new Set() };
  const resolved = replace(tree, scope) as Root;
  const unused = [...notes.values()].filter((note) => !scope.resolvedNotes.has(note.identifier));
  if (unused.length > 0) resolved.data = { ...resolved.data, unusedNotes: unused };
  return resolved;
}

/** The first definition of an identifier wins, as in CommonMark. */
function collect(node: Nodes, urls: Map<string, string>, notes: Map<string, FootnoteDefinition>): void {
  if (node.type === 'definition' && !urls.has(node.identifier)) urls.set(node.identifier, node.url);
  if (node.type === 'footnoteDefinition' && !notes.has(node.identifier)) notes.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collect(child, urls, notes);
}

function replace(node: Nodes, scope: Scope): Nodes {
  if (node.type === 'linkReference') {
    const url = scope.urls.get(node.identifier);
    if (url !== undefined) return toLink(node, url, scope);
  }
  if (node.type === 'footnoteReference') return withNote(node, scope);
  if (!('children' in node)) return node;
  const children = (node.children as Nodes[])
    .filter((c) => c.type !== 'definition' && c.type !== 'footnoteDefinition' && !isComment(c))
    .map((c) => replace(c, scope));
  return { ...node, children } as Nodes;
}

function toLink(reference: LinkReference, url: string, scope: Scope): Link {
  return {
    type: 'link',
    url,
    children: reference.children.map((c) => replace(c, scope)) as Link['children'],
    data: { reference: reference.identifier },
    ...(reference.position ? { position: reference.position } : {}),
  };
}

function withNote(reference: FootnoteReference, scope: Scope): FootnoteReference {
  const { identifier } = reference;
  const definition = scope.notes.get(identifier);
  if (!definition || scope.resolving.has(identifier)) return reference; // validation reports it
  let note = scope.resolvedNotes.get(identifier);
  if (!note) {
    scope.resolving.add(identifier);
    note = replace(definition, scope) as FootnoteDefinition;
    scope.resolving.delete(identifier);
    scope.resolvedNotes.set(identifier, note);
  }
  return { ...reference, data: { ...reference.data, note } };
}
