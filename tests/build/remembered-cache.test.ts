/**
 * Watch mode keeps the long PDFs' layouts and drawings in memory between builds
 * (`JsonFileCache` with `remember`): the next build finds them without reading the files,
 * each layout as a copy of its own (it is revived in place), each drawing as it is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonFileCache } from '../../scripts/write/run-cache.ts';

const folder = () => mkdtempSync(path.join(tmpdir(), 'netpes-remembered-'));

describe('a cache that remembers', () => {
  it('finds in memory what it wrote, as a copy or as the value', () => {
    const dir = folder();
    new JsonFileCache<{ n: number[] }>(dir, undefined, 'text').set('layout', { n: [1] });
    new JsonFileCache<{ n: number[] }>(dir, undefined, 'value').set('drawing', { n: [2] });
    rmSync(dir, { recursive: true }); // what is found now comes from memory

    const layouts = new JsonFileCache<{ n: number[] }>(dir, undefined, 'text');
    const copy = layouts.get('layout')!;
    copy.n.push(9);
    expect(layouts.get('layout')).toEqual({ n: [1] });
    const drawings = new JsonFileCache<{ n: number[] }>(dir, undefined, 'value');
    expect(drawings.get('drawing')).toBe(drawings.get('drawing'));
    expect(drawings.get('drawing')).toEqual({ n: [2] });
    // Without `remember`, only the files count.
    expect(new JsonFileCache(dir).get('layout')).toBeUndefined();
  });

  it('remembers what it read', () => {
    const dir = folder();
    new JsonFileCache<string>(dir).set('read', 'from disk');
    expect(new JsonFileCache<string>(dir, undefined, 'text').get('read')).toBe('from disk');
    rmSync(dir, { recursive: true });
    expect(new JsonFileCache<string>(dir, undefined, 'text').get('read')).toBe('from disk');
  });
});
