/**
 * Note: pdfmake fills a line word by word, asking for each word whether it fits along with
 * a copy of every word after it (`_inlines.slice(1)`), which the line reads only when the
 * word must stay with the next ones (`noNewLine`, a word that runs on into another style):
 * a paragraph of n words copied some n²/2 words, 26 MB allocated in a cold build.
 * `buildNextLine` below is pdfmake 0.3's with that copy made only when it is read. The
 * bytes do not change (tests/build/speed-ups.test.ts compares them with NETPES_PLAIN_PDFMAKE).
 */
import { pdfmakeInternal } from './pdfmake-internals.ts';

interface Inline {
  text: string;
  width: number;
  noWrap?: boolean;
  noNewLine?: boolean;
  [key: string]: unknown;
}
interface Line {
  hasEnoughSpaceForInline(inline: Inline, nextInlines: readonly Inline[]): boolean;
  getAvailableWidth(): number;
  addInline(inline: Inline): void;
  lastLineInParagraph?: boolean;
}
interface TextNode {
  _inlines?: Inline[];
}

const NONE: readonly Inline[] = Object.freeze([]);

export function copyNextWordsOnlyWhenRead(): void {
  type Builder = { writer: { context(): { availableWidth: number } }; buildNextLine(node: TextNode): Line | null };
  const LayoutBuilder = pdfmakeInternal<{ prototype: Builder }>('LayoutBuilder');
  const LineClass = pdfmakeInternal<new (maxWidth: number) => Line>('Line');
  const TextInlines = pdfmakeInternal<new (pdfDocument: null) => { widthOfText(text: string, inline: Inline): number }>('TextInlines');

  LayoutBuilder.prototype.buildNextLine = function (textNode) {
    if (!textNode._inlines || textNode._inlines.length === 0) return null;
    const line = new LineClass(this.writer.context().availableWidth);
    const textInlines = new TextInlines(null);
    let isForceContinue = false;
    const fits = (inlines: Inline[]) => line.hasEnoughSpaceForInline(inlines[0]!, inlines[0]!.noNewLine ? inlines.slice(1) : NONE);
    while (textNode._inlines && textNode._inlines.length > 0 && (fits(textNode._inlines) || isForceContinue)) {
      let isHardWrap = false;
      const inline = textNode._inlines.shift()!;
      if (!inline.noWrap && inline.text.length > 1 && inline.width > line.getAvailableWidth()) {
        const maxChars = findMaxFitLength(inline.text, line.getAvailableWidth(), (text) => textInlines.widthOfText(text, inline));
        if (maxChars < inline.text.length) {
          const newInline = cloneInline(inline);
          newInline.text = inline.text.substr(maxChars);
          inline.text = inline.text.substr(0, maxChars);
          newInline.width = textInlines.widthOfText(newInline.text, newInline);
          inline.width = textInlines.widthOfText(inline.text, inline);
          textNode._inlines.unshift(newInline);
          isHardWrap = true;
        }
      }
      line.addInline(inline);
      isForceContinue = Boolean(inline.noNewLine) && !isHardWrap;
    }
    line.lastLineInParagraph = textNode._inlines.length === 0;
    return line;
  };
}

/** pdfmake's: a copy with every enumerable field, own or inherited. */
function cloneInline(inline: Inline): Inline {
  const copy = (inline.constructor as () => Inline)();
  for (const key in inline) copy[key] = inline[key];
  return copy;
}

/** pdfmake's: the longest start of `text` no wider than `maxWidth` (at least one character). */
function findMaxFitLength(text: string, maxWidth: number, measure: (text: string) => number): number {
  let low = 1;
  let high = text.length;
  let bestFit = 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (measure(text.substring(0, mid)) <= maxWidth) {
      bestFit = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return bestFit;
}
