/**
 * Figures stand out on a sheet: in a section's text, numbers ("240", "100,000", "81%",
 * "3–6") become strong, except years (1900–2099 alone) and numbers inside words ("COVID-19").
 * Returns a copy; text already strong, links and code are left as they are.
 */
import type { Nodes, PhrasingContent, Root, Text } from 'mdast';

const FIGURE = /(?<![\p{L}\p{N}\-/.,])\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?(?:\s?[–-]\s?\d+(?:[.,]\d+)?)?(?:\s?%)?(?![\p{L}\p{N}\-/])/gu;
const YEAR = /^(?:19|20)\d\d$/;

export function emphasiseFigures(root: Root): Root {
  return transform(root) as Root;
}

function transform(node: Nodes): Nodes {
  if (node.type === 'strong' || node.type === 'link' || node.type === 'linkReference' || node.type === 'inlineCode') return node;
  if (!('children' in node)) return node;
  const children = (node.children as Nodes[]).flatMap((child) => (child.type === 'text' ? splitFigures(child) : [transform(child)]));
  return { ...node, children } as Nodes;
}

function splitFigures(text: Text): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let from = 0;
  for (const match of text.value.matchAll(FIGURE)) {
    const figure = match[0].replace(/[ .,]+$/, '');
    if (YEAR.test(figure)) continue;
    if (match.index > from) out.push({ type: 'text', value: text.value.slice(from, match.index) });
    out.push({ type: 'strong', children: [{ type: 'text', value: figure }] });
    from = match.index + figure.length;
  }
  if (from === 0) return [text];
  if (from < text.value.length) out.push({ type: 'text', value: text.value.slice(from) });
  return out;
}
