/**
 * The run caches outside out/ (parsed Markdown, skeletons…) keep at most `maxFiles` files: past
 * that, the least recently used half goes. A one-off build writes only what changed, often
 * one file, so the folder is looked at on its first write in each process, not only after
 * hundreds of writes (which only watch mode would reach).
 */
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonFileCache } from '../../scripts/write/run-cache.ts';

describe('a run cache past its size', () => {
  it('drops the least recently used half at the first write of a process', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netpes-prune-'));
    // Ten entries left by earlier runs, the oldest first.
    for (let i = 0; i < 10; i++) {
      const file = path.join(dir, `old-${i}.json`);
      writeFileSync(file, '0');
      utimesSync(file, 1000 + i, 1000 + i);
    }
    const cache = new JsonFileCache<number>(dir, 8);
    cache.set('new', 1);
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(4);
    // The three most recent of the old ones, and the new one.
    expect(left.filter((f) => f.startsWith('old-'))).toEqual(['old-7.json', 'old-8.json', 'old-9.json']);
    expect(cache.get('new')).toBe(1);
  });
});
