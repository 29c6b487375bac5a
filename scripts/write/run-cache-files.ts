/**
 * Where the run caches live (run-cache.ts) and how their files are written: apart, so that
 * the code cache (cli/code-cache.ts), loaded before the pipeline, needs nothing else.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
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
