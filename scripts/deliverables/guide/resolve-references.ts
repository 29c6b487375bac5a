/**
 * Link references → links. A practice writes its more-info sentence as `[…][more-info]`
 * and the URL lives in `moreInfoUrl`; the model keeps the reference, so the guide resolves
 * it here, on a copy of the entity (every mdast tree in it), before the PDF mapping.
 */
import type { Link, LinkReference } from 'mdast';

export function resolveReferences<T extends object>(value: T, urls: ReadonlyMap<string, string>): T {
  const copy = structuredClone(value);
  replace(copy, urls);
  return copy;
}

function replace(value: unknown, urls: ReadonlyMap<string, string>): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const url = isReference(item) ? urls.get(item.identifier) : undefined;
      if (url !== undefined) value[i] = toLink(item as LinkReference, url);
      replace(value[i], urls);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) replace(child, urls);
  }
}

function isReference(node: unknown): node is LinkReference {
  return typeof node === 'object' && node !== null && (node as { type?: unknown }).type === 'linkReference';
}

function toLink(reference: LinkReference, url: string): Link {
  return { type: 'link', url, children: reference.children, ...(reference.position ? { position: reference.position } : {}) };
}
