/** The text measure finds a word's white space as pdfmake's `\s` does (measure-by-inline.ts). */
import { describe, expect, it } from 'vitest';
import { isWhiteSpace, leadingWhiteSpace, trailingWhiteSpace } from '../../scripts/render/pdf/measure-by-inline.ts';

describe('white space at the ends of a word', () => {
  it('is what \\s matches, for every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhiteSpace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code.toString(16));
    expect(differ).toEqual([]);
  });

  it('is the run pdfmake\'s expressions match at each end', () => {
    for (const text of ['word ', ' \u00a0word\t\n', 'word', '', '   ', 'two words\u3000', '\ufeffx']) {
      expect(leadingWhiteSpace(text)).toBe(/^(\s)+/.exec(text)?.[0] ?? '');
      expect(trailingWhiteSpace(text)).toBe(/(\s)+$/.exec(text)?.[0] ?? '');
    }
  });
});
