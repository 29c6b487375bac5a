/**
 * Note: pdfmake splits every text into words and resolves some twenty style properties for
 * each word (font, size, colour, …), each time walking its whole style stack: a tenth of
 * the guide's time. The words of one text share their styles, and while one text is being
 * measured the stack does not change, so within that measure a property's value depends
 * only on the word's named styles: it is looked up once per (styles, property) and reused.
 * The output bytes do not change.
 */
import { pdfmakeInternal } from './pdfmake-internals.ts';

interface Stack {
  auto(item: object, callback: () => void): void;
  getProperty(property: string): unknown;
}
type Item = Record<string, unknown> & { style?: unknown; section?: unknown };
type Lookup = (item: Item | string, stack: Stack | undefined, property: string, defaultValue: unknown) => unknown;

export function memoiseStyleLookups(): void {
  const StyleContextStack = pdfmakeInternal<{ getStyleProperty: Lookup }>('StyleContextStack');
  const TextInlines = pdfmakeInternal<{ prototype: { buildInlines(text: unknown, stack: Stack): unknown } }>('TextInlines');

  /** Per text being measured: named styles → property → value found. */
  let scope: { stack: Stack; values: Map<unknown, Map<string, unknown>> } | undefined;
  const lookup = StyleContextStack.getStyleProperty;
  StyleContextStack.getStyleProperty = function (item, stack, property, defaultValue) {
    if (!scope || stack !== scope.stack || typeof item !== 'object' || item === null || isValue(item[property]) || item.section !== undefined) {
      return lookup.call(this, item, stack, property, defaultValue);
    }
    const styles = styleKey(item.style);
    if (styles === undefined) return lookup.call(this, item, stack, property, defaultValue);
    let values = scope.values.get(styles);
    if (!values) scope.values.set(styles, (values = new Map()));
    // What pdfmake's lookup finds when the item itself does not set the property: its named
    // styles, pushed over the stack (the item pushed too, but it has no value for it).
    let value = values.get(property);
    if (value === undefined && !values.has(property)) {
      stack!.auto(item, () => {
        value = stack!.getProperty(property);
      });
      values.set(property, value);
    }
    return isValue(value) ? value : defaultValue;
  };

  const buildInlines = TextInlines.prototype.buildInlines;
  TextInlines.prototype.buildInlines = function (text, stack) {
    const outer = scope;
    scope = { stack, values: new Map() };
    try {
      return buildInlines.call(this, text, stack);
    } finally {
      scope = outer;
    }
  };
}

/** pdfmake's own test for "has a value". */
const isValue = (v: unknown) => v !== undefined && v !== null;

const NO_STYLE = Symbol('no named style');

const arrayKeys = new WeakMap<unknown[], string | undefined>();

/** The item's named styles as a key; undefined for styles given as objects (not memoised). */
function styleKey(style: unknown): unknown {
  if (style === undefined || style === null) return NO_STYLE;
  if (typeof style === 'string') return style;
  if (!Array.isArray(style)) return undefined;
  // An array of names: the names joined with a character no style name has, so never equal
  // to one name. Worked out once per array: the words of a text share their inline's array.
  let key = arrayKeys.get(style);
  if (key === undefined && !arrayKeys.has(style)) {
    key = style.every((s) => typeof s === 'string') ? `\u0000${style.join('\u0000')}` : undefined;
    arrayKeys.set(style, key);
  }
  return key;
}
