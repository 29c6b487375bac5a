/**
 * Note: pdfmake splits every text into words and resolves some twenty style properties for
 * each word (font, size, colour, …), each time walking its whole style stack: a tenth of
 * the guide's time. The words of one text share their styles, and while one text is being
 * measured the stack does not change, so within that measure a property's value depends
 * only on the word's named styles: it is looked up once per (styles, property) and reused.
 * Below that, pdfmake's stack looks each named style up again, with a fresh set of the
 * styles visited, for every property of every lookup (24 MB of sets in a cold build); a
 * named style's property is found once per style dictionary (`memoiseNamedStyles`).
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

  memoiseNamedStyles();

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

type Style = Record<string, unknown> & { extends?: unknown };
type Dictionary = Record<string, Style | undefined>;
interface StackFields {
  styleDictionary: Dictionary;
  styleOverrides?: unknown[];
  defaultStyle?: Record<string, unknown>;
}

/**
 * pdfmake's `getProperty`, with what a named style gives for a property (its own value, or
 * its `extends` chain's) found once per style dictionary: every document has its own, and
 * nothing changes one while it is laid out.
 */
function memoiseNamedStyles(): void {
  const Stack = pdfmakeInternal<{ prototype: StackFields & { getProperty(property: string): unknown } }>('StyleContextStack');
  const found = new WeakMap<Dictionary, Map<string, Map<string, unknown>>>();
  const fromStyle = (dictionary: Dictionary, name: string, property: string): unknown => {
    let byName = found.get(dictionary);
    if (!byName) found.set(dictionary, (byName = new Map()));
    let byProperty = byName.get(name);
    if (!byProperty) byName.set(name, (byProperty = new Map()));
    if (byProperty.has(property)) return byProperty.get(property);
    const value = styleProperty(dictionary, name, property, new Set());
    byProperty.set(property, value);
    return value;
  };
  Stack.prototype.getProperty = function (this: StackFields, property: string) {
    const overrides = this.styleOverrides;
    if (overrides) {
      for (let i = overrides.length - 1; i >= 0; i--) {
        const item = overrides[i];
        if (typeof item === 'string' || item instanceof String) {
          const value = fromStyle(this.styleDictionary, String(item), property);
          if (isValue(value)) return value;
        } else if (isValue((item as Record<string, unknown>)[property])) {
          return (item as Record<string, unknown>)[property];
        }
      }
    }
    return this.defaultStyle && this.defaultStyle[property];
  };
}

/** pdfmake's lookup of a property in a named style and the styles it extends (a cycle ends it). */
function styleProperty(dictionary: Dictionary, name: string, property: string, visited: Set<string>): unknown {
  if (visited.has(name)) return undefined;
  visited.add(name);
  const style = dictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const parents = (Array.isArray(style.extends) ? style.extends : [style.extends]) as string[];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = styleProperty(dictionary, parents[i]!, property, visited);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}
