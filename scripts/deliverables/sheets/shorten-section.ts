/**
 * A section as units a sheet can keep or leave out: the sentences of its paragraphs and
 * the items of its lists (a sentence too long to be one step is split at word boundaries).
 * `keepUnits` copies the section's first n units; the model is never changed.
 */
import type { List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** A sentence longer than this (characters) is split into pieces of about PIECE characters. */
const LONG_SENTENCE = 320;
const PIECE = 240;

/** How many units the section has. */
export function countUnits(root: Root): number {
  return root.children.reduce((sum, block) => sum + blockUnits(block).length, 0);
}

/** The section's first `keep` units, as a new tree. */
export function keepUnits(root: Root, keep: number): Root {
  const children: RootContent[] = [];
  let left = keep;
  for (const block of root.children) {
    if (left <= 0) break;
    const ends = blockUnits(block);
    if (ends.length <= left) {
      children.push(block);
      left -= ends.length;
      continue;
    }
    if (block.type === 'paragraph') children.push(sliceParagraph(block, ends[left - 1]!));
    else if (block.type === 'list') children.push({ ...block, children: block.children.slice(0, left) } satisfies List);
    left = 0;
  }
  return { type: 'root', children };
}

/** Unit ends of a block: character offsets of sentence ends in a paragraph, one per list item, else one. */
function blockUnits(block: RootContent): number[] {
  if (block.type === 'list') return block.children.map((_, i) => i + 1);
  if (block.type !== 'paragraph') return [1];
  return sentenceEnds(toString(block));
}

/**
 * Where sentences end: after . ! ? or … (and a closing quote or bracket) followed by a space
 * and a capital, a digit or an opening quote. "e.g. the" and "1. facilitate" do not end one.
 */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const boundary = /[.!?…]+["”’»)\]]*(?=\s+["“‘«(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    ends.push(...pieces(text, start, end));
    start = end;
  }
  const trimmed = text.trimEnd().length;
  if (trimmed > start) ends.push(...pieces(text, start, trimmed));
  return ends;
}

/** Ends of the pieces of one sentence: itself, or word-bounded pieces when it is very long. */
function pieces(text: string, start: number, end: number): number[] {
  if (end - start <= LONG_SENTENCE) return [end];
  const ends: number[] = [];
  let from = start;
  while (end - from > LONG_SENTENCE) {
    const space = text.lastIndexOf(' ', from + PIECE);
    const cut = space > from ? space : from + PIECE;
    ends.push(cut);
    from = cut;
  }
  ends.push(end);
  return ends;
}

/** The paragraph up to character `end` of its text; a cut inside a sentence ends with "…". */
function sliceParagraph(paragraph: Paragraph, end: number): Paragraph {
  let left = end;
  const slice = (nodes: readonly PhrasingContent[]): PhrasingContent[] => {
    const kept: PhrasingContent[] = [];
    for (const node of nodes) {
      if (left <= 0) break;
      if ('value' in node) {
        const value = node.value.slice(0, left);
        left -= node.value.length;
        kept.push({ ...node, value } as PhrasingContent);
      } else if ('children' in node) {
        kept.push({ ...node, children: slice(node.children as PhrasingContent[]) } as PhrasingContent);
      } else {
        kept.push(node);
      }
    }
    return kept;
  };
  const children = slice(paragraph.children);
  const last = lastText(children);
  if (last) {
    last.value = last.value.trimEnd();
    if (!/[.!?…]["”’»)\]]*$/.test(last.value)) last.value += '…';
  }
  return { ...paragraph, children };
}

/** The last text leaf of freshly copied phrasing (to end a cut sentence). */
function lastText(nodes: readonly PhrasingContent[]): { value: string } | undefined {
  const last = nodes.at(-1);
  if (last?.type === 'text') return last;
  return last && 'children' in last ? lastText(last.children as PhrasingContent[]) : undefined;
}
