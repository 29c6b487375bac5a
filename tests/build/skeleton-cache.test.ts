/**
 * Parsed template skeletons are kept on disk between runs (skeleton-cache.ts). Each build
 * here is a fresh `netpes` process with its own cache folder, so only the disk can carry a
 * skeleton from one run to the next.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/build.ts';
import { materialise } from '../helpers/fixture.ts';
import { pdfText } from '../helpers/read-pdf.ts';
import { runCli } from '../helpers/run-cli.ts';

const content = materialise();
const cache = mkdtempSync(path.join(tmpdir(), 'netpes-cache-'));
const skeletons = path.join(cache, 'skeletons');
const env = { NETPES_CACHE_DIR: cache, SOURCE_DATE_EPOCH: '1767225600' };

function build(): string {
  const out = mkdtempSync(path.join(tmpdir(), 'netpes-out-'));
  const run = runCli(['build', '--quiet', '--content', content, '--out', out], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return out;
}

function expectSameFiles(a: string, b: string): void {
  const [x, y] = [snapshot(a), snapshot(b)];
  expect([...y.keys()]).toEqual([...x.keys()]);
  for (const [file, bytes] of x) expect(bytes.equals(y.get(file)!), file).toBe(true);
}

/** The cached skeleton holding `text`, e.g. the guide's, which holds its title. */
function skeletonWith(text: string): string {
  const file = readdirSync(skeletons).find((f) => readFileSync(path.join(skeletons, f), 'utf8').includes(text));
  expect(file, `a cached skeleton holding "${text}"`).toBeDefined();
  return path.join(skeletons, file!);
}

let first: string;
beforeAll(() => {
  first = build();
});

describe('the disk cache of template skeletons', () => {
  it('keeps the skeletons of a build, and a build from them gives the same bytes', () => {
    expect(readdirSync(skeletons).filter((f) => f.endsWith('.json')).length).toBeGreaterThan(3);
    expectSameFiles(first, build());
  });

  it('is read by the next run (a tampered skeleton shows in the guide)', () => {
    const file = skeletonWith('Fixture Guide');
    const original = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, original.replaceAll('Fixture Guide', 'Tampered Guide'));
      expect(pdfText(path.join(build(), 'guide.pdf'))).toContain('Tampered Guide');
    } finally {
      writeFileSync(file, original);
    }
  });

  it('parses a skeleton again when its file is unreadable, with the same bytes', () => {
    writeFileSync(skeletonWith('Fixture Guide'), '{"type":"root","chil');
    expectSameFiles(first, build());
  });
});
