/**
 * A cache of parsed Markdown keyed by the text's hash. Parsing (micromark) is most of
 * `netpes check`'s time; an unchanged file is not parsed twice. One JSON file, read once
 * and rewritten atomically when something new was parsed. A corrupt or stale cache is
 * simply ignored: it can only make things faster, never different.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { runCachePath } from '../write/run-cache.ts';
import { writeAtomic } from '../write/write-atomic.ts';

/** Bump when the parser or its options change, so old trees are not reused. */
const VERSION = 'mdast-gfm-v4-notes-comments';

export class ParseCache {
  private entries = new Map<string, Root>();
  private used = new Set<string>();
  private dirty = false;

  constructor(private readonly file: string | undefined) {
    if (!file) return;
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { version: string; entries: Record<string, Root> };
      if (data.version === VERSION) this.entries = new Map(Object.entries(data.entries));
    } catch {
      // No cache yet, or unreadable: start empty.
    }
  }

  static key(text: string, lineOffset: number): string {
    return createHash('sha1').update(`${lineOffset}\0${text}`).digest('base64url');
  }

  get(key: string): Root | undefined {
    const tree = this.entries.get(key);
    if (tree) this.used.add(key);
    return tree;
  }

  set(key: string, tree: Root): void {
    this.entries.set(key, tree);
    this.used.add(key);
    this.dirty = true;
  }

  /** Writes the trees used in this run (dropping stale ones) if anything was parsed anew. */
  async save(): Promise<void> {
    if (!this.file || (!this.dirty && this.used.size === this.entries.size)) return;
    const entries = Object.fromEntries([...this.used].sort().map((k) => [k, this.entries.get(k)!]));
    try {
      await writeAtomic(this.file, JSON.stringify({ version: VERSION, entries }));
    } catch {
      // A read-only checkout still validates; it is just not faster next time.
    }
  }
}

export function defaultCacheFile(): string | undefined {
  return runCachePath('mdast.json');
}
