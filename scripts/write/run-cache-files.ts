/**
 * Where the run caches live (run-cache.ts) and how their files are written: apart, so that
 * the code cache (cli/code-cache.ts), loaded before the pipeline, needs nothing else.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

/** The path of a cache file or folder by name, or undefined when caching is off. */
export function runCachePath(name: string): string | undefined {
  if (process.env['NETPES_NO_CACHE']) return undefined;
  // The project's node_modules (bin/netpes.js sets NETPES_ROOT), not one in the working directory.
  const root = process.env['NETPES_ROOT'] ?? '.';
  return path.join(process.env['NETPES_CACHE_DIR'] ?? path.join(root, 'node_modules', '.cache', 'netpes'), name);
}

/** Folders this thread made or found: a cold build writes ~150 layout files into a few. */
const made = new Set<string>();

/**
 * Writes a cache file whole or not at all (temp file, then rename): threads and runs may
 * write the same file at once. Failures are ignored: a read-only checkout still builds.
 */
export function writeCacheFileSync(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file);
  const write = () => {
    const temp = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, file);
  };
  try {
    if (made.has(dir)) return write();
  } catch {
    // The folder was removed since (out/ emptied by hand, a test): made again below.
  }
  try {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
    write();
  } catch {
    // Not faster next time; nothing else.
  }
}

/**
 * Past `limit` (counted in files, or in bytes), removes the least recently used of a
 * folder's files ending in `suffix` (oldest modification time: readers touch what they
 * read) until half of it is left.
 */
export function pruneLeastRecentlyUsed(dir: string, suffix: string, limit: number, unit: 'files' | 'bytes'): void {
  try {
    const names = readdirSync(dir).filter((f) => f.endsWith(suffix));
    if (unit === 'files' && names.length <= limit) return; // counted without a stat each
    const entries = names.map((name) => {
      const { size, mtimeMs } = statSync(path.join(dir, name));
      return { name, weight: unit === 'files' ? 1 : size, mtimeMs };
    });
    let total = entries.reduce((sum, e) => sum + e.weight, 0);
    if (total <= limit) return;
    for (const e of entries.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
      if (total <= limit / 2) break;
      rmSync(path.join(dir, e.name), { force: true });
      total -= e.weight;
    }
  } catch {
    // Another thread pruned at the same time: the next prune will do.
  }
}
