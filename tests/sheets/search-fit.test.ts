/** The fit search on its own: the least shortened level that fits, proven by layouts, in few of them. */
import { describe, expect, it } from 'vitest';
import { emphasiseFigures } from '../../scripts/deliverables/sheets/emphasise-figures.ts';
import { NoFitError, searchFit } from '../../scripts/deliverables/sheets/search-fit.ts';
import { countUnits, keepUnits, sentenceEnds } from '../../scripts/deliverables/sheets/shorten-section.ts';
import { parseMarkdown } from '../../scripts/load/markdown.ts';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

function visit(node: Nodes, type: string, found: (node: Nodes) => void): void {
  if (node.type === type) found(node);
  if ('children' in node) for (const child of node.children) visit(child, type, found);
}

const LEVELS = 40;
const AVAILABLE = 100;
/** Level i is 10 points shorter than level i - 1; `first` is the first level that fits. */
const heights = (first: number) => (i: number) => AVAILABLE + (first - i) * 10 - 5;

async function search(first: number, estimate: (i: number) => number) {
  const tried: number[] = [];
  const height = heights(first);
  const result = await searchFit(LEVELS, estimate, AVAILABLE, async (i) => {
    tried.push(i);
    return { fits: height(i) <= AVAILABLE, height: height(i) };
  });
  return { ...result, tried };
}

describe('searchFit', () => {
  it('finds the first level that fits, with at most two layouts when the estimate is right', async () => {
    for (let first = 0; first < LEVELS; first++) {
      const { index, layouts, tried } = await search(first, heights(first));
      expect(index).toBe(first);
      expect(layouts).toBeLessThanOrEqual(first === 0 ? 1 : 2);
      if (first > 0) expect(tried).toContain(first - 1); // the answer is proven: the level before overflowed
    }
  });

  it('still finds it with a badly wrong estimate, in about log2(levels) layouts', async () => {
    for (const wrong of [() => 0, () => 1e6, (i: number) => heights(LEVELS - 1)(i) * 3]) {
      for (let first = 0; first < LEVELS; first += 3) {
        const { index, layouts } = await search(first, wrong);
        expect(index).toBe(first);
        expect(layouts).toBeLessThanOrEqual(3 + Math.ceil(Math.log2(LEVELS)));
      }
    }
  });

  it('fails when even the last level overflows', async () => {
    await expect(searchFit(5, () => 1, AVAILABLE, async () => ({ fits: false, height: 500 }))).rejects.toBeInstanceOf(NoFitError);
  });
});

describe('cutting a section into units', () => {
  it('splits paragraphs into sentences and lists into items, and keeps the first n', () => {
    const root = parseMarkdown('One *first* sentence. Then, e.g. a second one! “A third” one.\n\n- item one\n- item two\n');
    expect(countUnits(root)).toBe(5);
    expect(toString(keepUnits(root, 2))).toBe('One first sentence. Then, e.g. a second one!');
    const four = keepUnits(root, 4);
    expect(four.children).toHaveLength(2);
    expect(four.children[1]).toMatchObject({ type: 'list', children: [{ type: 'listItem' }] });
    expect(countUnits(root)).toBe(5); // the model is not changed
  });

  it('splits a very long sentence at word boundaries and marks the cut with an ellipsis', () => {
    const long = 'word '.repeat(200).trim();
    expect(sentenceEnds(long).length).toBeGreaterThan(3);
    const kept = toString(keepUnits(parseMarkdown(long), 1));
    expect(kept).toMatch(/^(word ){30,}word…$/);
  });
});

describe('emphasiseFigures', () => {
  it('sets numbers, amounts and percentages in bold, but not years or numbers inside words', () => {
    const root = emphasiseFigures(parseMarkdown('In 2023, 240 people (81%) of 1,200 got 3–6 months of COVID-19 support.'));
    const strong: string[] = [];
    visit(root, 'strong', (node) => strong.push(toString(node)));
    expect(strong).toEqual(['240', '81%', '1,200', '3–6']);
    expect(toString(root)).toBe('In 2023, 240 people (81%) of 1,200 got 3–6 months of COVID-19 support.');
  });
});
