/**
 * Shaped words kept between runs. Shaping a word (fontkit's GSUB and GPOS lookups) is the
 * largest cost of a fresh process's first document: ~0.5 s of the guide's ~4 s, all spent
 * again by the next build on the very same words. What shaping decides, the glyphs and their
 * positions, is stored per font file; a later run rebuilds the run from it.
 *
 * One file per font (and fontkit version) in the run cache, one JSON line per word, only
 * ever appended to: threads and runs add what they shaped without rewriting each other's
 * lines. A line that does not parse is skipped; a file past its size cap is started over.
 * A run reads every line's word, and the rest of a line only when it needs that word: the
 * file holds the words of every content set built here (the regular face's: ~9,000 lines,
 * 1.6 MB), and parsing all of it took ~40 ms of each process's first document.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { runCachePath } from '../../write/run-cache.ts';

/** A glyph run as fontkit returns it, as far as pdfkit reads it. */
export interface GlyphRun {
  glyphs: Array<{ id: number; codePoints: number[] }>;
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
}

/** What is stored of a word: glyph ids, each glyph's code points, and 4 numbers of position per glyph. */
type Stored = [ids: number[], codePoints: number[][], positions: number[]];

/** Past this size a file is started over, so words the content no longer has do not pile up. */
const MAX_BYTES = 16 << 20;

export class ShapeCache {
  /** By word: its shape, or the JSON of its shape, not parsed yet (`entry`). */
  private readonly stored = new Map<string, Stored | string>();
  private readonly fresh: string[] = [];
  private readonly file: string | undefined;

  /** `font`: the font file's hash and the fontkit version, which together decide every shape. */
  constructor(font: string) {
    const dir = runCachePath('shapes');
    this.file = dir && path.join(dir, `${font.replace(/[^\w.@-]+/g, '_')}.jsonl`);
    if (!this.file) return;
    try {
      if (statSync(this.file).size > MAX_BYTES) rmSync(this.file, { force: true });
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        const entry = splitLine(line);
        if (entry) this.stored.set(entry[0], entry[1]);
      }
    } catch {
      // No file yet, or unreadable: shape everything.
    }
  }

  has(text: string): boolean {
    return this.entry(text) !== undefined;
  }

  /**
   * The stored shape of `text`, as glyph ids with code points and positions; `glyph(id,
   * codePoints)` gives the font's glyph object.
   */
  get<G>(text: string, glyph: (id: number, codePoints: number[]) => G): { glyphs: G[]; positions: GlyphRun['positions'] } | undefined {
    const entry = this.entry(text);
    if (!entry) return undefined;
    const [ids, codePoints, p] = entry;
    return {
      glyphs: ids.map((id, i) => glyph(id, codePoints[i]!)),
      positions: ids.map((_, i) => ({ xAdvance: p[4 * i]!, yAdvance: p[4 * i + 1]!, xOffset: p[4 * i + 2]!, yOffset: p[4 * i + 3]! })),
    };
  }

  add(text: string, run: GlyphRun): void {
    if (!this.file || this.stored.has(text)) return;
    const positions = run.positions.flatMap((q) => [q.xAdvance, q.yAdvance, q.xOffset, q.yOffset]);
    const entry: Stored = [run.glyphs.map((g) => g.id), run.glyphs.map((g) => [...g.codePoints]), positions];
    this.stored.set(text, entry);
    this.fresh.push(JSON.stringify([text, entry]));
  }

  /** The stored shape of `text`, parsed at its first use; a line that does not parse is forgotten. */
  private entry(text: string): Stored | undefined {
    const entry = this.stored.get(text);
    if (typeof entry !== 'string') return entry;
    const parsed = parseStored(entry);
    if (parsed) this.stored.set(text, parsed);
    else this.stored.delete(text);
    return parsed;
  }

  /** Appends the words shaped since the last call. */
  flush(): void {
    if (!this.file || this.fresh.length === 0) return;
    const lines = `${this.fresh.splice(0).join('\n')}\n`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      appendFileSync(this.file, lines);
    } catch {
      // Not faster next time; nothing else.
    }
  }
}

/**
 * A line's word and the JSON of its shape: `["word",[…]]`, as `add` writes it. The word ends
 * at the first `",[` unless it holds a backslash (an escape, which could hide one): then
 * the whole line is parsed.
 */
function splitLine(line: string): [string, string] | undefined {
  if (!line.startsWith('["') || !line.endsWith(']')) return undefined;
  const end = line.indexOf('",[');
  try {
    // Without an escape, the JSON string is the word itself.
    if (end !== -1 && !line.slice(0, end).includes('\\')) return [line.slice(2, end), line.slice(end + 2, -1)];
    const [text, shape] = JSON.parse(line) as [unknown, unknown];
    return typeof text === 'string' ? [text, JSON.stringify(shape)] : undefined;
  } catch {
    return undefined; // a torn or foreign line
  }
}

function parseStored(json: string): Stored | undefined {
  try {
    const [ids, codePoints, positions] = JSON.parse(json) as Stored;
    const valid =
      ids.every((id) => Number.isInteger(id)) &&
      codePoints.length === ids.length &&
      codePoints.every((c) => Array.isArray(c) && c.every(Number.isInteger)) &&
      positions.length === 4 * ids.length &&
      positions.every((n) => typeof n === 'number');
    return valid ? [ids, codePoints, positions] : undefined;
  } catch {
    return undefined; // a torn or foreign line
  }
}
