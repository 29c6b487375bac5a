/**
 * Reading the rendered Markdown's directives, for both backends: an attribute, and where a
 * node stood. Templates are checked against the vocabulary when loaded (directives.ts), so
 * a missing required attribute here means an attribute rendered empty.
 */
import type { Nodes } from 'mdast';

/** A directive attribute; a missing required one is a template bug, named with its place. */
export function attribute(node: Nodes, name: string, required: true): string;
export function attribute(node: Nodes, name: string, required?: false): string | undefined;
export function attribute(node: Nodes, name: string, required = false): string | undefined {
  const attributes = (node as { attributes?: Record<string, string | null | undefined> | null }).attributes;
  const value = attributes?.[name] ?? undefined;
  if (required && (value === undefined || value === '')) {
    throw new Error(`directive "${(node as { name?: string }).name}" needs the attribute ${name}="…"${where(node)}`);
  }
  return value ?? undefined;
}

/** " (at line 12 of the rendered template)" when the node has a position. */
export function where(node: Nodes): string {
  const start = node.position?.start;
  return start ? ` (line ${start.line} of the rendered Markdown)` : '';
}
