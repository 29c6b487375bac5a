/**
 * Several sheets in one PDF (practice-sheets.pdf), each at its own size: every sheet's
 * content gets its own named styles and ids, prefixed, so that sheet n is laid out exactly
 * as its single-sheet PDF and no two sheets share an outline id or a link target.
 * Mutates the freshly mapped content.
 */
import type { Content, Style } from 'pdfmake/interfaces.js';

/** Keys whose value is a style name or a list of them. */
const STYLE_KEYS = ['style', 'tocStyle', 'tocNumberStyle'] as const;
/** Keys whose value is an id. */
const ID_KEYS = ['id', 'outlineParentId', 'linkToDestination'] as const;
/** Keys that hold nested content. */
const CHILD_KEYS = ['text', 'stack', 'columns', 'ul', 'ol'] as const;

export function scopeStyles(styles: Record<string, Style>, prefix: string): Record<string, Style> {
  return Object.fromEntries(Object.entries(styles).map(([name, style]) => [prefix + name, style]));
}

export function scopeContent(content: Content, prefix: string): void {
  if (Array.isArray(content)) {
    for (const item of content) scopeContent(item as Content, prefix);
    return;
  }
  if (typeof content !== 'object' || content === null) return;
  const node = content as unknown as Record<string, unknown>;
  for (const key of STYLE_KEYS) {
    const value = node[key];
    if (typeof value === 'string') node[key] = prefix + value;
    else if (Array.isArray(value)) node[key] = value.map((v) => (typeof v === 'string' ? prefix + v : v));
  }
  for (const key of ID_KEYS) if (typeof node[key] === 'string') node[key] = prefix + (node[key] as string);
  for (const key of CHILD_KEYS) if (node[key] !== undefined) scopeContent(node[key] as Content, prefix);
  const table = node['table'] as { body?: Content[][] } | undefined;
  if (table?.body) for (const row of table.body) scopeContent(row as Content, prefix);
}
