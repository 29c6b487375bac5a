/** Run cache files (scripts/write/run-cache-files.ts): written whole, into folders made once, or again when removed since. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCacheFileSync } from '../../scripts/write/run-cache-files.ts';

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
});
