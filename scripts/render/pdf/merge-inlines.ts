/**
 * Note: pdfmake writes every word of a line as a text object of its own, with its colour,
 * font and size set again (its own "TODO: lines without differently styled inlines should
 * be written to pdf as one stream"): most of the time spent writing a PDF, and most of its
 * content streams. Words that follow each other exactly (the next starts where the last
 * ends: not justified) and look alike are written as one text, at the first one's place.
 * pdfkit places a text's words one after another by their advances, as pdfmake had, so the
 * glyphs land where they were; text reads the same, and the files are smaller.
 */
import { pdfmakeInternal } from './pdfmake-internals.ts';

interface Inline {
  text: string;
  x: number;
  width: number;
  font: unknown;
  fontSize?: unknown;
  color?: unknown;
  opacity?: unknown;
  link?: unknown;
  linkToDestination?: unknown;
  sup?: unknown;
  sub?: unknown;
  height?: unknown;
  characterSpacing?: unknown;
  decoration?: unknown;
  background?: unknown;
  linkToPage?: unknown;
  fontFeatures?: unknown;
  _pageNodeRef?: unknown;
  justifyShift?: unknown;
  [key: string]: unknown;
}
interface Line {
  inlines: Inline[];
}

export function mergeLineInlines(): void {
  const Renderer = pdfmakeInternal<{ prototype: { renderLine(line: Line, x: number, y: number): void } }>('Renderer');
  const renderLine = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function (line, x, y) {
    const inlines = mergedInlines(line.inlines);
    if (inlines === line.inlines) return renderLine.call(this, line, x, y);
    // The line as it is, but for its inlines (its id, outline and page reference come along).
    return renderLine.call(this, Object.assign(Object.create(line) as Line, { inlines }), x, y);
  };
}

export function mergedInlines(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  let merged = false;
  /** The last inline of `out` when it is a merged copy of this call's own, changed in place. */
  let own: Inline | undefined;
  for (const inline of inlines) {
    const last = out[out.length - 1];
    if (last && joinable(last, inline)) {
      // One copy per run of merged words, not one per word: a word has some thirty fields.
      if (last !== own) out[out.length - 1] = own = { ...last };
      own.text = last.text + inline.text;
      own.width = last.width + inline.width;
      merged = true;
    } else {
      out.push(inline);
    }
  }
  return merged ? out : inlines;
}

/**
 * Two words are joined when they touch and look alike (same font, size, colour, opacity,
 * link, raise and height), and neither is drawn or linked on its own or moved by
 * justification (decoration, background, page link, font features, page reference,
 * justification shift, character spacing). Field by field, not by a list of keys: every
 * word of every line passes here, and a word has one shape (measure-by-inline.ts), which
 * makes each named field one load where a key from a list looked up any of ~30.
 */
function joinable(a: Inline, b: Inline): boolean {
  return (
    !(Math.abs(a.x + a.width - b.x) > 1e-6) &&
    a.font === b.font &&
    a.fontSize === b.fontSize &&
    a.color === b.color &&
    a.opacity === b.opacity &&
    a.link === b.link &&
    a.linkToDestination === b.linkToDestination &&
    a.sup === b.sup &&
    a.sub === b.sub &&
    a.height === b.height &&
    alone(a) &&
    alone(b)
  );
}

/** Whether a word has nothing drawn, linked or moved on its own. */
function alone(word: Inline): boolean {
  return (
    !word.characterSpacing &&
    !isSet(word.decoration) &&
    !isSet(word.background) &&
    !isSet(word.linkToPage) &&
    !isSet(word.fontFeatures) &&
    !isSet(word._pageNodeRef) &&
    !isSet(word.justifyShift)
  );
}

const isSet = (v: unknown) => v !== undefined && v !== null && v !== false && v !== 0;
