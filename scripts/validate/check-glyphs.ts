/**
 * Every character a reader will see can be drawn: a character the PDF fonts (pdfmake's
 * Roboto, all four faces) lack would print as a blank box, so it is an error here, at its
 * file, line and column, with its code point. Checked: frontmatter strings and the body's
 * text (text, inline code, code). The fonts' character maps are read with the fontkit that
 * pdfmake itself uses.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Nodes } from 'mdast';
import type { Entries } from '../load/load-content.ts';
import { FONT_FAMILY, FONT_FILES, fontkitVersion, requireFromPdfkit } from '../render/pdf/fonts.ts';
import { runCache } from '../write/run-cache.ts';
import type { Diagnostics, Position } from './diagnostics.ts';

interface FontLike {
  characterSet: number[];
}

/** Line breaks and tabs are layout, not glyphs. */
const LAYOUT = new Set([0x09, 0x0a, 0x0d]);

let drawable: Set<number> | undefined;

/**
 * Code points all four faces can draw (bold text must not fall back to a blank box either).
 * Loading fontkit and reading the four character maps was a fifth of `netpes check`, so
 * the set is kept in the run cache, keyed by the font files' bytes and fontkit's version.
 */
function drawableCodePoints(): Set<number> {
  if (drawable) return drawable;
  const files = Object.values(FONT_FILES);
  const hash = createHash('sha1');
  for (const file of files) hash.update(readFileSync(file));
  const key = `${hash.digest('hex')} ${fontkitVersion()}`;
  const cache = runCache<number[]>('glyphs');
  let codePoints = cache.get(key);
  if (!codePoints) {
    const fontkit = requireFromPdfkit()('fontkit') as { openSync(file: string): FontLike };
    const [first, ...others] = files.map((file) => new Set(fontkit.openSync(file).characterSet));
    codePoints = [...first!].filter((cp) => others.every((face) => face.has(cp)));
    cache.set(key, codePoints);
  }
  drawable = new Set(codePoints);
  return drawable;
}

/** Whether every character of `text` can be drawn, read code by code (no array of characters). */
function allDrawable(text: string, fonts: Set<number>): boolean {
  ascii ??= Array.from({ length: 128 }, (_, cp) => fonts.has(cp) || LAYOUT.has(cp));
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp < 128 ? ascii[cp] : fonts.has(cp) || LAYOUT.has(cp)) {
      if (cp > 0xffff) i++; // the low half of the pair
      continue;
    }
    return false;
  }
  return true;
}

/** Which ASCII codes can be drawn (most characters of most files are ASCII). */
let ascii: boolean[] | undefined;

export function checkGlyphs(entries: Entries, d: Diagnostics): void {
  const fonts = drawableCodePoints();
  for (const list of Object.values(entries)) {
    for (const entry of list) {
      // Most files hold only drawable characters: skip them without walking their strings.
      const source = entry.source;
      if (allDrawable(source, fonts)) continue;
      const file = entry.file.path;
      const strings: Array<{ value: string; at: Position }> = [];
      collectFrontmatter(entry.raw, [], (value, path) => strings.push({ value, at: entry.locate(path) }));
      collectBody(entry.body, (value, at) => strings.push({ value, at }));
      const reported = new Set<string>();
      for (const { value, at } of strings) {
        let cursor = offsetOf(source, at);
        for (const char of value) {
          const cp = char.codePointAt(0)!;
          if (fonts.has(cp) || LAYOUT.has(cp)) continue;
          // Find the character in the file from the string's start: escapes and YAML
          // quoting shift columns but never reorder characters.
          const found = source.indexOf(char, cursor);
          const where = found === -1 ? at : positionOf(source, found);
          if (found !== -1) cursor = found + char.length;
          const key = `${where.line}:${where.column}`;
          if (reported.has(key)) continue;
          reported.add(key);
          d.error(
            file,
            where,
            `character "${char}" (${codePoint(cp)}) cannot be drawn: the PDF font ${FONT_FAMILY} has no glyph for it`,
            'replace it with a character the font has (for a tick or a symbol, use words), or remove it',
          );
        }
      }
    }
  }
}

function collectFrontmatter(value: unknown, path: PropertyKey[], add: (value: string, path: PropertyKey[]) => void): void {
  if (typeof value === 'string') add(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => collectFrontmatter(item, [...path, i], add));
  else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) collectFrontmatter(item, [...path, key], add);
  }
}

function collectBody(node: Nodes, add: (value: string, at: Position) => void): void {
  if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && node.position) {
    add(node.value, { line: node.position.start.line, column: node.position.start.column });
  }
  if ('children' in node) for (const child of node.children) collectBody(child, add);
}

function offsetOf(source: string, at: Position): number {
  let offset = 0;
  for (let line = 1; line < at.line; line++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return source.length;
    offset = next + 1;
  }
  return offset + at.column - 1;
}

function positionOf(source: string, offset: number): Position {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function codePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
