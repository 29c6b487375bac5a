/**
 * Link references → links, within one file. A practice writes its more-info sentence as
 * `[…][more-info]` (the URL lives in `moreInfoUrl`, appended as a definition), and any file
 * may use `[text][ref]` with `[ref]: url`. Resolving them when the file is parsed makes every
 * mdast tree of the model self-contained: a section spliced into any document keeps its
 * links, and several practices' `[more-info]` never collide. Definitions are then dropped.
 * Resolved links remember their reference in `data.reference` (for validation).
 */
import type { Link, LinkReference, Nodes, Root } from 'mdast';

declare module 'mdast' {
  interface LinkData {
    /** The reference identifier a link was written with (`more-info`), when it was one. */
    reference?: string;
  }
}

export function resolveReferences(tree: Root): Root {
  const urls = new Map<string, string>();
  for (const node of tree.children) if (node.type === 'definition') urls.set(node.identifier, node.url);
  return replace(tree, urls) as Root;
}

function replace(node: Nodes, urls: ReadonlyMap<string, string>): Nodes {
  if (node.type === 'linkReference') {
    const url = urls.get(node.identifier);
    if (url !== undefined) return toLink(node, url, urls);
  }
  if (!('children' in node)) return node;
  const children = (node.children as Nodes[]).filter((c) => c.type !== 'definition').map((c) => replace(c, urls));
  return { ...node, children } as Nodes;
}

function toLink(reference: LinkReference, url: string, urls: ReadonlyMap<string, string>): Link {
  return {
    type: 'link',
    url,
    children: reference.children.map((c) => replace(c, urls)) as Link['children'],
    data: { reference: reference.identifier },
    ...(reference.position ? { position: reference.position } : {}),
  };
}

