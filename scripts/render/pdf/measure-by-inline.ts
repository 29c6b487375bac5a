/**
 * Note: pdfmake's text measure resolves 22 style properties for every word (font, size,
 * colour, link, …), each a walk of the style stack or a memo lookup (memo-style-lookups.ts):
 * about a third of the time spent measuring text, in a profile of a cold build. The
 * words of one inline share their style: pdfmake copies the inline's own properties onto
 * each word (`copyStyle`), and the stack does not change while a text is measured. So the
 * properties are resolved once per inline, for its first word, and copied onto the others.
 * `TextInlines.measure` below is pdfmake 0.3's, with that one change; the bytes do not
 * change (tests/build/speed-ups.test.ts compares them with NETPES_PLAIN_PDFMAKE).
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
    for (const item of array) {
      const inline = INLINE in item ? (item[INLINE] ?? PLAIN) : undefined;
      let resolved = inline && byInline.get(inline);
      if (!resolved) {
        resolved = resolve(item);
        if (inline) byInline.set(inline, resolved);
      }
      item.font = resolved.font;
      item.alignment = resolved.alignment;
      // pdfmake's reduction for superscripts and subscripts
      item.fontSize = resolved.sup || resolved.sub ? resolved.fontSize * 0.58 : resolved.fontSize;
      item.fontFeatures = resolved.fontFeatures;
      item.characterSpacing = resolved.characterSpacing;
      item.color = resolved.color;
      item.decoration = resolved.decoration;
      item.decorationColor = resolved.decorationColor;
      item.decorationStyle = resolved.decorationStyle;
      item.decorationThickness = resolved.decorationThickness;
      item.background = resolved.background;
      item.link = resolved.link;
      item.linkToPage = resolved.linkToPage;
      item.linkToDestination = resolved.linkToDestination;
      item.noWrap = resolved.noWrap;
      item.opacity = resolved.opacity;
      item.sup = resolved.sup;
      item.sub = resolved.sub;
      item.width = this.widthOfText(item.text, item);
      item.height = resolved.font.lineHeight(item.fontSize as number) * resolved.lineHeight;
      if (!item.leadingCut) item.leadingCut = 0;
      if (!resolved.preserveLeadingSpaces) {
        const leadingSpaces = /^(\s)+/.exec(item.text);
        if (leadingSpaces) item.leadingCut = (item.leadingCut as number) + this.widthOfText(leadingSpaces[0], item);
      }
      item.trailingCut = 0;
      if (!resolved.preserveTrailingSpaces) {
        const trailingSpaces = /(\s)+$/.exec(item.text);
        if (trailingSpaces) item.trailingCut = this.widthOfText(trailingSpaces[0], item);
      }
    }
    return array;
  };
}
