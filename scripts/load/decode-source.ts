/**
 * Bytes of a content file → its text, or the reason it cannot be content: empty, too large,
 * not UTF-8, binary, or frontmatter without its closing `---`. Checked before any parser
 * sees the file, so no parser can hang on or choke over such input.
 */
import type { Position } from '../validate/diagnostics.ts';

/** The largest content file accepted: the longest real practice is ~15 KB. */
export const MAX_FILE_BYTES = 512 * 1024;

export type Decoded = { text: string } | { problem: string; hint: string; at: Position };

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.byteLength === 0 || (/^\s*$/.test(Buffer.from(bytes.subarray(0, 64)).toString('latin1')) && bytes.byteLength < 64)) {
    return { problem: 'the file is empty', hint: 'write its frontmatter and text, or delete the file', at: { line: 1, column: 1 } };
  }
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const size = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return {
      problem: `the file is too large (${size} MB); a content file may hold at most ${MAX_FILE_BYTES / 1024} KB`,
      hint: 'split it, or check that nothing was pasted by mistake',
      at: { line: 1, column: 1 },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      problem: 'the file contains binary data (a NUL byte), not text',
      hint: 'save it as plain UTF-8 text',
      at: positionOf(bytes, nul),
    };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return {
      problem: `the file is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')})`,
      hint: 'save it as UTF-8 (e.g. "Save with encoding: UTF-8" in your editor)',
      at: positionOf(bytes, bad),
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM is harmless: drop it
  if (/^---[ \t]*\r?\n/.test(text) && !/\r?\n---[ \t]*(\r?\n|$)/.test(text.slice(3))) {
    return {
      problem: 'the frontmatter is not closed',
      hint: 'add a line with `---` after the last frontmatter key, before the Markdown text',
      at: { line: 1, column: 1 },
    };
  }
  return { text };
}

function positionOf(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters, not bytes: count the UTF-8 lead bytes before the offset.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return 0;
}
