/**
 * Split frontmatter is kept in the run cache (frontmatter.ts): a fresh module (a new run)
 * finds it there, and still locates values for messages by splitting the file again.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { KeptSplit } from '../../scripts/load/frontmatter.ts';
import { JsonFileCache } from '../../scripts/write/run-cache.ts';

type Module = typeof import('../../scripts/load/frontmatter.ts');

const SOURCE = '---\nid: bifurcators\npartner: soc\ntags: [a, b]\nsize: 3\n---\n\n# Title\n\nBody text.\n';
const cache = mkdtempSync(path.join(tmpdir(), 'netpes-frontmatter-'));
const keptDir = path.join(cache, 'frontmatter');
const kept = new JsonFileCache<KeptSplit>(keptDir);

/** The module as a new run loads it: its in-process memo empty. */
async function freshRun(): Promise<Module> {
  vi.resetModules();
  return import('../../scripts/load/frontmatter.ts');
}

describe('frontmatter run cache', () => {
  it('keeps a split for the next run, which reads it back whole and still locates values', async () => {
    const first = (await freshRun()).splitFrontmatter(SOURCE, kept);
    expect(readdirSync(keptDir)).toHaveLength(1);
    const second = (await freshRun()).splitFrontmatter(SOURCE, kept);
    expect(second.data).toEqual({ id: 'bifurcators', partner: 'soc', tags: ['a', 'b'], size: 3 });
    expect(second.data).toEqual(first.data);
    expect(second.body).toBe(first.body);
    expect(second.bodyLineOffset).toBe(first.bodyLineOffset);
    expect(second.problems).toEqual([]);
    expect(second.locate(['partner'])).toEqual(first.locate(['partner']));
    expect(second.locate(['partner'])).toEqual({ line: 3, column: 10 });
    expect(second.locate(['tags', 1])).toEqual(first.locate(['tags', 1]));
  });

  it('reads the kept data, not the file, on the next run', async () => {
    const [file] = readdirSync(keptDir);
    const entry = path.join(keptDir, file!);
    const data = JSON.parse(readFileSync(entry, 'utf8')) as { data: Record<string, unknown> };
    writeFileSync(entry, JSON.stringify({ ...data, data: { ...data.data, partner: 'from-the-cache' } }));
    expect((await freshRun()).splitFrontmatter(SOURCE, kept).data['partner']).toBe('from-the-cache');
  });

  it('splits again what it cannot use: a kept entry of another shape', async () => {
    const [file] = readdirSync(keptDir);
    writeFileSync(path.join(keptDir, file!), JSON.stringify({ data: [], bodyStart: 'x' }));
    expect((await freshRun()).splitFrontmatter(SOURCE, kept).data['partner']).toBe('soc');
  });

  it('keeps no split with problems, nor data JSON would change', async () => {
    const before = readdirSync(keptDir).length;
    const broken = '---\nid: x\n  partner: : soc\n---\nBody\n';
    const module = await freshRun();
    expect(module.splitFrontmatter(broken, kept).problems.length).toBeGreaterThan(0);
    expect(module.splitFrontmatter('---\nid: y\nsize: .inf\n---\nBody\n', kept).data['size']).toBe(Infinity);
    expect(readdirSync(keptDir)).toHaveLength(before);
    expect((await freshRun()).splitFrontmatter(broken, kept).problems.length).toBeGreaterThan(0);
  });
});
