/** Walks a pdfmake document definition, for tests of layout decisions. */

export type Node = Record<string, unknown>;

/** Every node of a pdfmake tree, depth first. */
export function nodes(content: unknown): Node[] {
  const found: Node[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      const node = value as Node;
      found.push(node);
      for (const key of ['stack', 'ul', 'ol', 'columns', 'text']) if (Array.isArray(node[key])) walk(node[key]);
      const table = node['table'] as { body?: unknown[][] } | undefined;
      if (table?.body) walk(table.body);
    }
  };
  walk(content);
  return found;
}

export const tables = (content: unknown) => nodes(content).filter((n) => n['table']) as Array<Node & { table: { widths: unknown[]; body: Node[][] } }>;
export const lists = (content: unknown) => nodes(content).filter((n) => n['ul'] || n['ol']);
export const textOf = (node: unknown): string => nodes(node).map((n) => (typeof n['text'] === 'string' ? n['text'] : '')).join('');
