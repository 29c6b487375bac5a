/**
 * Shaped words are kept on disk between runs (scripts/render/pdf/shape-cache.ts): each build
 * here is a fresh `netpes` process with its own cache folder, so only the disk carries a
 * shape from one run to the next. That the revived shapes give the very same bytes is held
 * in speed-ups.test.ts, on the real guide.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/build.ts';
import { materialise } from '../helpers/fixture.ts';
import { pdfText } from '../helpers/read-pdf.ts';
import { runCli } from '../helpers/run-cli.ts';

const content = materialise();
const cache = mkdtempSync(path.join(tmpdir(), 'netpes-cache-'));
const shapes = path.join(cache, 'shapes');

function buildGuide(): string {
  const out = mkdtempSync(path.join(tmpdir(), 'netpes-out-'));
  const run = runCli(['build', '--quiet', '--only', 'guide', '--content', content, '--out', out], { NETPES_CACHE_DIR: cache, SOURCE_DATE_EPOCH: '1767225600' });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return out;
}

/** Rewrites the stored shape of one word, in every font's file. */
function editShape(word: string, edit: (entry: [number[], number[][], number[]]) => [number[], number[][], number[]]): void {
  let edited = 0;
  for (const file of readdirSync(shapes).map((f) => path.join(shapes, f))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const changed = lines.map((line) => {
      if (!line.startsWith(`[${JSON.stringify(word)},`)) return line;
      edited++;
      const [text, entry] = JSON.parse(line) as [string, [number[], number[][], number[]]];
      return JSON.stringify([text, edit(entry)]);
    });
    writeFileSync(file, changed.join('\n'));
  }
  expect(edited, `a stored shape of "${word}"`).toBeGreaterThan(0);
}

let first: string;
beforeAll(() => {
  first = buildGuide();
});

describe('the disk cache of shaped words', () => {
  it('keeps the words the guide shaped, per font file', () => {
    const files = readdirSync(shapes);
    expect(files.length).toBeGreaterThan(1);
    expect(files.every((f) => /^[0-9a-f]{40}-.*fontkit@[\d.]+\.jsonl$/.test(f))).toBe(true);
    expect(files.map((f) => readFileSync(path.join(shapes, f), 'utf8')).join('')).toContain('["Fixture ",');
  });

  it('is read by the next run (a tampered shape shows in the guide)', () => {
    const reverse = ([ids, codePoints, positions]: [number[], number[][], number[]]): [number[], number[][], number[]] => [
      [...ids].reverse(),
      [...codePoints].reverse(),
      positions,
    ];
    editShape('Guide', reverse);
    try {
      // Reversed glyphs at the word's own advances: pdftotext may read a space into it.
      expect(pdfText(path.join(buildGuide(), 'guide.pdf')).replace(/\s+/g, '')).toContain('FixtureediuG');
    } finally {
      editShape('Guide', reverse); // reversed again: as it was
    }
  });

  it('skips lines it cannot read, and shapes those words again', () => {
    for (const file of readdirSync(shapes)) appendFileSync(path.join(shapes, file), '["Fixture ",[[1],[[70]],[1,2]]]\n["Guide",[[43,89\n');
    const again = snapshot(buildGuide());
    for (const [file, bytes] of snapshot(first)) expect(bytes.equals(again.get(file)!), file).toBe(true);
  });
});

describe('a shape cache file read back', () => {
  it('finds words holding quotes, brackets and backslashes, and shapes again a word whose last line is torn', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netpes-cache-'));
    const before = process.env['NETPES_CACHE_DIR'];
    process.env['NETPES_CACHE_DIR'] = dir;
    try {
      const { ShapeCache } = await import('../../scripts/render/pdf/shape-cache.ts');
      const run = (ids: number[]) => ({
        glyphs: ids.map((id) => ({ id, codePoints: [id + 32] })),
        positions: ids.map((id) => ({ xAdvance: id * 10, yAdvance: 0, xOffset: 1, yOffset: -1 })),
      });
      const words = ['say "hi",[x] ', 'back\\slash",[ ', 'plain ', 'torn '];
      const written = new ShapeCache('test-font');
      words.forEach((word, i) => written.add(word, run([i + 1, i + 2])));
      written.flush();
      const file = path.join(dir, 'shapes', 'test-font.jsonl');
      // A line torn by a killed run: it still looks like a word and a shape.
      appendFileSync(file, '["torn ",[[5,6],[[37]],[1,2]]]\n["half",[[1');
      const read = new ShapeCache('test-font');
      const glyph = (id: number, codePoints: number[]) => ({ id, codePoints });
      words.slice(0, 3).forEach((word, i) => expect(read.get(word, glyph), word).toEqual(run([i + 1, i + 2])));
      expect(read.has('torn ')).toBe(false);
      expect(read.has('half')).toBe(false);
    } finally {
      if (before === undefined) delete process.env['NETPES_CACHE_DIR'];
      else process.env['NETPES_CACHE_DIR'] = before;
    }
  });
});
