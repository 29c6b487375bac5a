/**
 * Note: pdfmake's text measure resolves 22 style properties for every word (font, size,
 * colour, link, …), each a walk of the style stack or a memo lookup (memo-style-lookups.ts):
 * about a third of the time spent measuring text, in a profile of a cold build. The
 * words of one inline share their style: pdfmake copies the inline's own properties onto
 * each word (`copyStyle`), and the stack does not change while a text is measured. So the
 * properties are resolved once per inline, for its first word, and copied onto the others.
 * `TextInlines.measure` below is pdfmake 0.3's, with that change and two more (each word
 * made anew, and its white space found without regular expressions: both below); the bytes
 * do not change (tests/build/speed-ups.test.ts compares them with NETPES_PLAIN_PDFMAKE).
 */
import { pdfmakeInternal } from './pdfmake-internals.ts';

type Word = Record<string, unknown> & { text: string; [INLINE]?: object | null };
type Lookup = (item: object, stack: unknown, property: string, defaultValue: unknown) => unknown;
interface Font {
  lineHeight(fontSize: number): number;
}

/** The inline a word was copied from (null: a plain string, no properties of its own). */
const INLINE = Symbol('inline');
const PLAIN = {};

/** What pdfmake resolves for each word, in its order (named, not looped over: keyed stores are slow). */
interface Resolved {
  font: Font;
  alignment: unknown;
  fontSize: number;
  fontFeatures: unknown;
  characterSpacing: unknown;
  color: unknown;
  decoration: unknown;
  decorationColor: unknown;
  decorationStyle: unknown;
  decorationThickness: unknown;
  background: unknown;
  link: unknown;
  linkToPage: unknown;
  linkToDestination: unknown;
  noWrap: unknown;
  opacity: unknown;
  sup: unknown;
  sub: unknown;
  lineHeight: number;
  preserveLeadingSpaces: unknown;
  preserveTrailingSpaces: unknown;
}

export function measureByInline(): void {
  const StyleContextStack = pdfmakeInternal<{ getStyleProperty: Lookup; copyStyle(source?: object | null, destination?: object): object }>('StyleContextStack');
  const TextInlines = pdfmakeInternal<{ prototype: TextInlinesLike }>('TextInlines');
  interface TextInlinesLike {
    pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): Font };
    widthOfText(text: string, inline: Word): number;
    measure(array: Word[], stack: unknown): Word[];
  }
  const lookup = (item: object, stack: unknown, property: string, defaultValue: unknown) => StyleContextStack.getStyleProperty(item, stack, property, defaultValue);

  // A word of the text breaker is `copyStyle(style, {text})`, `style` being one per inline.
  const copyStyle = StyleContextStack.copyStyle;
  StyleContextStack.copyStyle = function (source, destination) {
    const copy = copyStyle.call(this, source, destination) as Word;
    if (destination !== undefined) copy[INLINE] = source ?? null;
    return copy;
  };

  TextInlines.prototype.measure = function (array, stack) {
    if (array.length) {
      const leadingIndent = lookup(array[0]!, stack, 'leadingIndent', 0) as number;
      if (leadingIndent) {
        array[0]!.leadingCut = -leadingIndent;
        array[0]!.leadingIndent = leadingIndent;
      }
    }
    const byInline = new Map<object, Resolved>();
    const resolve = (item: Word): Resolved => ({
      font: this.pdfDocument.provideFont(lookup(item, stack, 'font', 'Roboto'), lookup(item, stack, 'bold', false), lookup(item, stack, 'italics', false)),
      alignment: lookup(item, stack, 'alignment', 'left'),
      fontSize: lookup(item, stack, 'fontSize', 12) as number,
      fontFeatures: lookup(item, stack, 'fontFeatures', null),
      characterSpacing: lookup(item, stack, 'characterSpacing', 0),
      color: lookup(item, stack, 'color', 'black'),
      decoration: lookup(item, stack, 'decoration', null),
      decorationColor: lookup(item, stack, 'decorationColor', null),
      decorationStyle: lookup(item, stack, 'decorationStyle', null),
      decorationThickness: lookup(item, stack, 'decorationThickness', null),
      background: lookup(item, stack, 'background', null),
      link: lookup(item, stack, 'link', null),
      linkToPage: lookup(item, stack, 'linkToPage', null),
      linkToDestination: lookup(item, stack, 'linkToDestination', null),
      noWrap: lookup(item, stack, 'noWrap', null),
      opacity: lookup(item, stack, 'opacity', 1),
      sup: lookup(item, stack, 'sup', false),
      sub: lookup(item, stack, 'sub', false),
      lineHeight: lookup(item, stack, 'lineHeight', 1) as number,
      preserveLeadingSpaces: lookup(item, stack, 'preserveLeadingSpaces', false),
      preserveTrailingSpaces: lookup(item, stack, 'preserveTrailingSpaces', false),
    });
    for (let i = 0; i < array.length; i++) {
      const item = array[i]!;
      const inline = INLINE in item ? (item[INLINE] ?? PLAIN) : undefined;
      let resolved = inline && byInline.get(inline);
      if (!resolved) {
        resolved = resolve(item);
        if (inline) byInline.set(inline, resolved);
      }
      // pdfmake's reduction for superscripts and subscripts
      const fontSize = resolved.sup || resolved.sub ? resolved.fontSize * 0.58 : resolved.fontSize;
      // A new word with every measured field at once, in place of the breaker's: pdfmake adds
      // them one by one to a word made with its text alone, which grows the word's field
      // store again and again (the most memory allocated by any function of a cold build) and
      // leaves words of one text with different shapes for layout and drawing to read.
      const word: Word = {
        text: item.text,
        font: resolved.font,
        alignment: resolved.alignment,
        fontSize,
        fontFeatures: resolved.fontFeatures,
        characterSpacing: resolved.characterSpacing,
        color: resolved.color,
        decoration: resolved.decoration,
        decorationColor: resolved.decorationColor,
        decorationStyle: resolved.decorationStyle,
        decorationThickness: resolved.decorationThickness,
        background: resolved.background,
        link: resolved.link,
        linkToPage: resolved.linkToPage,
        linkToDestination: resolved.linkToDestination,
        noWrap: resolved.noWrap,
        opacity: resolved.opacity,
        sup: resolved.sup,
        sub: resolved.sub,
        width: 0,
        height: resolved.font.lineHeight(fontSize) * resolved.lineHeight,
        leadingCut: (item.leadingCut as number) || 0,
        trailingCut: 0,
      };
      // The breaker's other fields (lineEnd, noNewLine, the inline's own properties) come along.
      for (const key in item) if (!(key in word)) word[key] = item[key];
      word.width = this.widthOfText(word.text, word);
      if (!resolved.preserveLeadingSpaces) {
        const leadingSpaces = leadingWhiteSpace(word.text);
        if (leadingSpaces) word.leadingCut = (word.leadingCut as number) + this.widthOfText(leadingSpaces, word);
      }
      if (!resolved.preserveTrailingSpaces) {
        const trailingSpaces = trailingWhiteSpace(word.text);
        if (trailingSpaces) word.trailingCut = this.widthOfText(trailingSpaces, word);
      }
      array[i] = word;
    }
    return array;
  };
}

/**
 * What pdfmake's `/^(\s)+/` and `/(\s)+$/` match, found by looking at the characters at
 * either end: a word's trailing space ends nearly every word measured, and each match made
 * a match array and its string.
 */
export function leadingWhiteSpace(text: string): string {
  let end = 0;
  while (end < text.length && isWhiteSpace(text.charCodeAt(end))) end++;
  return text.slice(0, end);
}

export function trailingWhiteSpace(text: string): string {
  let start = text.length;
  while (start > 0 && isWhiteSpace(text.charCodeAt(start - 1))) start--;
  return text.slice(start);
}

/** `\s` in a JavaScript regular expression: white space and line terminators. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
