/** Run cache files (scripts/write/run-cache-files.ts): written whole, into folders made once, or again when removed since; pruned least recently used first. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneLeastRecentlyUsed, writeCacheFileSync } from '../../scripts/write/run-cache-files.ts';

describe('cache files', () => {
  it('are written into their folder, made again when it was removed since the last write', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'netpes-cache-files-'));
    try {
      const dir = path.join(root, 'a', 'b');
      writeCacheFileSync(path.join(dir, 'one.json'), '1');
      expect(readFileSync(path.join(dir, 'one.json'), 'utf8')).toBe('1');
      rmSync(path.join(root, 'a'), { recursive: true });
      writeCacheFileSync(path.join(dir, 'two.json'), '2');
      expect(readFileSync(path.join(dir, 'two.json'), 'utf8')).toBe('2');
      expect(existsSync(path.join(dir, 'one.json'))).toBe(false);
      expect(readdirSync(dir)).toEqual(['two.json']); // no temporary file left
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('are pruned by bytes, least recently used first, down to half the limit, other files left alone', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netpes-cache-prune-'));
    try {
      for (const [i, name] of ['a', 'b', 'c', 'd'].entries()) {
        writeFileSync(path.join(dir, `${name}.bin`), Buffer.alloc(100));
        utimesSync(path.join(dir, `${name}.bin`), 1000 + i, 1000 + i); // a oldest, d newest
      }
      writeFileSync(path.join(dir, 'other.json'), Buffer.alloc(1000));
      pruneLeastRecentlyUsed(dir, '.bin', 400, 'bytes');
      expect(readdirSync(dir).sort()).toEqual(['a.bin', 'b.bin', 'c.bin', 'd.bin', 'other.json']); // 400 bytes: not past the limit
      pruneLeastRecentlyUsed(dir, '.bin', 300, 'bytes');
      expect(readdirSync(dir).sort()).toEqual(['d.bin', 'other.json']); // down to 150 bytes or less
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
