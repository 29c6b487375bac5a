/**
 * A cache of parsed Markdown keyed by the text's hash. Parsing (micromark) is most of
 * `netpes check`'s time; an unchanged file is not parsed twice. In memory for the run, and on
 * disk between runs, one file per tree (JsonFileCache in node_modules/.cache/netpes/mdast):
 * a run reads only the trees of its own files, and a run on other content (the tests' fixture)
 * adds its trees beside them. A file that cannot be read is parsed again: the cache can only
 * make things faster, never different.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import { JsonFileCache, runCachePath } from '../write/run-cache.ts';

/** Bump when the parser or its options change, so old trees are not reused. */
const VERSION = 'mdast-gfm-v4-notes-comments';

export class ParseCache {
  private readonly entries = new Map<string, Root>();
  private readonly disk: JsonFileCache<Root>;

  /** `dir`: where trees are kept between runs (undefined: this run only). */
  constructor(dir: string | undefined) {
    this.disk = new JsonFileCache(dir);
  }

  static key(text: string, lineOffset: number): string {
    return createHash('sha1').update(`${VERSION}\0${lineOffset}\0${text}`).digest('base64url');
  }

  get(key: string): Root | undefined {
    let tree = this.entries.get(key);
    if (!tree) {
      tree = this.disk.get(key);
      if (tree) this.entries.set(key, tree);
    }
    return tree;
  }

  set(key: string, tree: Root): void {
    this.entries.set(key, tree);
    this.disk.set(key, tree);
  }
}

export function defaultCacheDir(): string | undefined {
  return runCachePath('mdast');
}
