/** Words written as one text: only those that touch and look alike; the rest as pdfmake laid them out. */
import { describe, expect, it } from 'vitest';
import { mergedInlines } from '../../scripts/render/pdf/merge-inlines.ts';

const font = {};
const word = (text: string, x: number, extra: Record<string, unknown> = {}) => ({ text, x, width: text.length * 5, font, fontSize: 10, color: 'black', height: 12, ...extra });

describe('merging the words of a line', () => {
  it('joins words that follow each other exactly and look alike, at the first one\'s place', () => {
    const merged = mergedInlines([word('The ', 0), word('lab ', 20), word('works', 40)]);
    expect(merged).toEqual([expect.objectContaining({ text: 'The lab works', x: 0, width: 65 })]);
  });

  it('keeps words apart that differ in look, are spaced by justification, or carry their own drawing', () => {
    expect(mergedInlines([word('a ', 0), word('b', 10, { color: 'red' })])).toHaveLength(2);
    expect(mergedInlines([word('a ', 0), word('b', 10, { font: {} })])).toHaveLength(2);
    expect(mergedInlines([word('a ', 0), word('b', 13)])).toHaveLength(2); // a gap: justified
    expect(mergedInlines([word('a ', 0, { decoration: 'underline' }), word('b', 10, { decoration: 'underline' })])).toHaveLength(2);
    expect(mergedInlines([word('a ', 0, { link: 'https://a' }), word('b', 10)])).toHaveLength(2);
    expect(mergedInlines([word('p. ', 0), word('12', 15, { _pageNodeRef: {} })])).toHaveLength(2);
  });

  it('gives back the very same array when nothing joins (the line is drawn as pdfmake made it)', () => {
    const inlines = [word('a ', 0), word('b', 10, { color: 'red' })];
    expect(mergedInlines(inlines)).toBe(inlines);
  });
});
