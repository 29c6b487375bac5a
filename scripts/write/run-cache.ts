/**
 * Caches kept between runs, outside out/: what they hold depends only on the inputs and
 * the packages that made it (parsed Markdown, shaped words), never on a build's outputs,
 * so emptying out/ does not need to empty them. They live in node_modules/.cache/netpes
 * (NETPES_CACHE_DIR elsewhere; none with NETPES_NO_CACHE), and can only make a run faster:
 * whatever cannot be read is computed again.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { pruneLeastRecentlyUsed, runCachePath, writeCacheFileSync } from './run-cache-files.ts';

export { runCachePath, writeCacheFileSync };

/** The run caches of this process, by folder. */
const byFolder = new Map<string, JsonFileCache<unknown>>();

/**
 * The run cache `name` (one file per entry, in `runCachePath(name)`), one object per folder.
 * The folder is looked up at each call: tests point runs at folders of their own.
 */
export function runCache<T>(name: string): JsonFileCache<T> {
  const dir = runCachePath(name);
  let cache = byFolder.get(dir ?? '');
  if (!cache) byFolder.set(dir ?? '', (cache = new JsonFileCache(dir)));
  return cache as JsonFileCache<T>;
}

/**
 * `name@version` of an installed package, for cache keys (an upgrade recomputes what it
 * made). Read from the package's own package.json, which package exports rarely list.
 * `resolve` finds the package's entry: another package's copy can be meant.
 */
export function packageVersion(name: string, resolve: (name: string) => string = createRequire(import.meta.url).resolve): string {
  try {
    let dir = path.dirname(resolve(name));
    while (path.basename(dir) !== name && path.dirname(dir) !== dir) dir = path.dirname(dir);
    return `${name}@${(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version}`;
  } catch {
    return `${name}@?`;
  }
}

/** What caches that `remember` read and wrote in this process, by file, up to a budget of JSON text. */
const remembered = new LRUCache<string, { text: string } | { value: unknown; size: number }>({
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (kept) => Math.max(1, 'text' in kept ? kept.text.length : kept.size),
});

/** Writes per folder in this process: a folder is pruned at its first write, then every few hundred. */
const writesTo = new Map<string, number>();

/**
 * JSON values on disk, one file per key (the key's hash): a run reads only the entries it
 * needs, and runs on other content (tests, the benchmark's 10× set) add files instead of
 * replacing each other's. A file read is marked recently used; past `maxFiles`, the least
 * recently used half is removed. No folder (caching off): nothing is kept.
 */
export class JsonFileCache<T> {
  /**
   * `remember`: keep what is read and written in memory too, for the process, so that watch
   * mode's next build need not read it again: `'text'` the JSON (each `get` parses its own
   * copy, for values the caller changes), `'value'` the value itself (for values nobody
   * changes once written).
   */
  constructor(
    private readonly dir: string | undefined,
    private readonly maxFiles = 4000,
    private readonly remember?: 'text' | 'value',
  ) {}

  /** Whether anything is kept (caching is on). */
  get enabled(): boolean {
    return this.dir !== undefined;
  }

  get(key: string): T | undefined {
    if (!this.dir) return undefined;
    const file = this.fileOf(key);
    const known = this.remember && remembered.get(file);
    if (known) return 'value' in known ? (known.value as T) : (JSON.parse(known.text) as T);
    try {
      const text = readFileSync(file, 'utf8');
      const value = JSON.parse(text) as T;
      const now = new Date();
      utimesSync(file, now, now);
      this.keep(file, text, value);
      return value;
    } catch {
      return undefined; // not cached yet, or unreadable
    }
  }

  set(key: string, value: T): void {
    this.setJson(key, JSON.stringify(value), value);
  }

  /** `set`, from the value's JSON (`value`: the value itself, when the caller has it). */
  setJson(key: string, text: string, value: T = JSON.parse(text) as T): void {
    if (!this.dir) return;
    const file = this.fileOf(key);
    this.keep(file, text, value);
    writeCacheFileSync(file, text);
    // At the first write (a one-off build may write only a few), then every few hundred, as
    // listing the folder costs more than a write.
    const written = (writesTo.get(this.dir) ?? 0) + 1;
    writesTo.set(this.dir, written);
    if (written % 200 === 1) pruneLeastRecentlyUsed(this.dir, '.json', this.maxFiles, 'files');
  }

  /** Removes every entry but those of `keys`: for a cache that needs only the last run's entries. */
  retainOnly(keys: Iterable<string>): void {
    if (!this.dir) return;
    const kept = new Set([...keys].map((key) => path.basename(this.fileOf(key))));
    try {
      for (const f of readdirSync(this.dir)) if (f.endsWith('.json') && !kept.has(f)) rmSync(path.join(this.dir, f), { force: true });
    } catch {
      // No folder yet: nothing to remove.
    }
  }

  private keep(file: string, text: string, value: T): void {
    if (this.remember === 'text') remembered.set(file, { text });
    else if (this.remember === 'value') remembered.set(file, { value, size: text.length });
  }

  private fileOf(key: string): string {
    return path.join(this.dir!, `${createHash('sha1').update(key).digest('base64url')}.json`);
  }
}
