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
  [key: string]: unknown;
}
interface Line {
  inlines: Inline[];
}

/** What must be equal for two words to be written as one text. */
const SAME = ['font', 'fontSize', 'color', 'opacity', 'link', 'linkToDestination', 'sup', 'sub', 'height'] as const;
/** What a word may not have at all: drawn or linked per word, or moved by justification. */
const APART = ['decoration', 'background', 'linkToPage', 'fontFeatures', '_pageNodeRef', 'justifyShift'] as const;

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
    const last = out.at(-1);
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

function joinable(a: Inline, b: Inline): boolean {
  if (Math.abs(a.x + a.width - b.x) > 1e-6) return false;
  if (a['characterSpacing'] || b['characterSpacing']) return false;
  for (const key of APART) if (isSet(a[key]) || isSet(b[key])) return false;
  return SAME.every((key) => a[key] === b[key]);
}

const isSet = (v: unknown) => v !== undefined && v !== null && v !== false && v !== 0;
