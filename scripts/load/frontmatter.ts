/**
 * Splits a content file into YAML frontmatter and Markdown body (gray-matter), and parses
 * the YAML with `yaml` so every value keeps its position: errors point at the offending
 * value, not at the top of the file.
 */
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { LRUCache } from 'lru-cache';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Position } from '../validate/diagnostics.ts';
import { JsonFileCache, packageVersion } from '../write/run-cache.ts';
import { offsetOfPath } from './yaml-locate.ts';

export interface FrontmatterProblem extends Position {
  message: string;
  hint?: string;
}

export interface SplitFile {
  /** Plain data of the frontmatter ({} when absent or broken). */
  data: Record<string, unknown>;
  /** The Markdown after the frontmatter. */
  body: string;
  /** Lines before the body, to turn body positions into file positions. */
  bodyLineOffset: number;
  /** YAML syntax problems, located in the file. */
  problems: FrontmatterProblem[];
  /** Where the value at a key path sits in the file (the key's map when the key is absent). */
  locate(path: readonly PropertyKey[], what?: 'key' | 'value'): Position;
}

const YAML_OPTIONS = { uniqueKeys: true, maxAliasCount: 0, prettyErrors: false } as const;

/**
 * Files split in this process, by their text: watch mode loads the content again on each
 * save, and parsing the YAML of every file was a quarter of that (~20 ms). A split is read,
 * never changed, by what uses it.
 */
const recent = new LRUCache<string, SplitFile>({ max: 4000 });

/** `kept`: where splits are kept between runs (none: this process only). */
export function splitFrontmatter(source: string, kept?: JsonFileCache<KeptSplit>): SplitFile {
  let split = recent.get(source);
  if (!split) recent.set(source, (split = kept?.enabled ? splitKept(source, kept) : splitUncached(source)));
  return split;
}

/** What a kept split's key starts with: bump `split-v1` when what it holds changes. */
let keptVersion: string | undefined;

/** What the run cache keeps of a split without problems: the locations are made again when asked for. */
export interface KeptSplit {
  data: Record<string, unknown>;
  bodyStart: number;
  bodyLineOffset: number;
}

/**
 * A split from the run cache (`frontmatter/`, parse-cache.ts), by the file's text: parsing the YAML of every
 * file (~80 ms, with gray-matter's) was most of a build's start. Only a split without
 * problems, whose data is plain JSON, is kept; where its values sit in the file (`locate`,
 * for messages) is found by splitting the file again, the first time it is asked.
 */
function splitKept(source: string, cache: JsonFileCache<KeptSplit>): SplitFile {
  keptVersion ??= `split-v1\0${packageVersion('yaml')}\0${packageVersion('gray-matter')}`;
  const key = createHash('sha1').update(`${keptVersion}\0${source}`).digest('base64url');
  const kept = cache.get(key);
  if (kept && isKeptSplit(kept, source)) {
    let full: SplitFile | undefined;
    const locate: SplitFile['locate'] = (path, what) => (full ??= splitUncached(source)).locate(path, what);
    return { data: kept.data, body: source.slice(kept.bodyStart), bodyLineOffset: kept.bodyLineOffset, problems: [], locate };
  }
  const split = splitUncached(source);
  if (split.problems.length === 0 && isPlainJson(split.data) && source.endsWith(split.body)) {
    cache.set(key, { data: split.data, bodyStart: source.length - split.body.length, bodyLineOffset: split.bodyLineOffset });
  }
  return split;
}

function isKeptSplit(kept: KeptSplit, source: string): boolean {
  const { data, bodyStart, bodyLineOffset } = kept as Partial<KeptSplit>;
  return isPlainJson(data) && typeof data === 'object' && data !== null && !Array.isArray(data) && Number.isInteger(bodyStart) && bodyStart! <= source.length && Number.isInteger(bodyLineOffset);
}

/** Strings, finite numbers, booleans, null, arrays and plain objects of them: what JSON gives back as it was. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.keys(value).every((key) => key !== '__proto__' && isPlainJson((value as Record<string, unknown>)[key]));
}

function splitUncached(source: string): SplitFile {
  let doc: Document | undefined;
  const engine = (text: string) => {
    doc = parseDocument(text, YAML_OPTIONS);
    return {};
  };
  // Passing options also turns off gray-matter's per-string cache, which would skip the engine.
  const firstLine = source.slice(0, source.indexOf('\n') + 1 || source.length);
  if (/^---\S/.test(firstLine)) {
    // gray-matter would read "---id: x" as a frontmatter language named "id: x" and throw.
    return broken({
      line: 1,
      column: 4,
      message: 'the opening `---` must be alone on its line',
      hint: 'put a line break after `---`',
    });
  }
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(source, { engines: { yaml: engine } });
  } catch (error) {
    return broken({
      line: 1,
      column: 1,
      message: `frontmatter: ${firstLineOf((error as Error).message)}`,
      hint: 'start the file with a line `---`, the `key: value` lines, then `---`',
    });
  }
  // The matter starts after the opening `---`; skip its line break so positions land on keys.
  const matterStart = file.matter ? source.indexOf(file.matter) + (file.matter.startsWith('\n') ? 1 : 0) : 0;
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };

  const problems: FrontmatterProblem[] = [];
  let data: Record<string, unknown> = {};
  if (doc) {
    const offset = offsetOf(file.matter); // yaml positions are relative to the raw matter
    for (const e of [...doc.errors, ...doc.warnings]) {
      problems.push({
        ...at(matterStart + offset + e.pos[0]),
        message: `YAML: ${firstLineOf(e.message)}`,
        hint: /tag/i.test(e.message)
          ? 'custom YAML tags are not allowed; write a plain value'
          : 'frontmatter is `key: value` lines, indented with spaces; quote values that contain ": " or start with a symbol',
      });
    }
    // Aliases can expand exponentially ("billion laughs"); content never needs them.
    visit(doc, {
      Alias(_, node) {
        problems.push({
          ...at(matterStart + offset + (node.range?.[0] ?? 0)),
          message: `YAML alias *${node.source} is not allowed in content`,
          hint: 'write the value out in full',
        });
        return visit.BREAK;
      },
    });
    // Even a document with errors usually yields most of its values; they help later
    // checks stay quiet about this file (its errors are already reported).
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: 0 });
    } catch {
      js = undefined;
    }
    if (js !== null && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    else if (js !== null && js !== undefined && doc.errors.length === 0)
      problems.push({ ...at(matterStart), message: 'frontmatter must be a YAML mapping of keys to values' });
  }

  const frontmatterStart = at(matterStart);
  const locate = (path: readonly PropertyKey[], what: 'key' | 'value' = 'value'): Position => {
    const offset = offsetOfPath(doc, path, what);
    return offset === undefined ? frontmatterStart : at(matterStart + offsetOf(file.matter) + offset);
  };

  const bodyStart = source.length - file.content.length;
  const bodyLineOffset = countNewlines(source, bodyStart);
  return { data, body: file.content, bodyLineOffset, problems, locate };
}

function offsetOf(matter: string): number {
  return matter.startsWith('\n') ? -1 : 0;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A file whose frontmatter cannot be split: no data, no body (the problem is all there is to say). */
function broken(problem: FrontmatterProblem): SplitFile {
  return { data: {}, body: '', bodyLineOffset: 0, problems: [problem], locate: () => ({ line: 1, column: 1 }) };
}

function firstLineOf(message: string): string {
  return message.split('\n')[0]!.trim();
}
