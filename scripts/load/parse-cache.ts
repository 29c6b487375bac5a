/**
 * A cache of parsed Markdown keyed by the text's hash. Parsing (micromark) is most of
 * `netpes check`'s time; an unchanged file is not parsed twice. In memory for the process, and on
 * disk between runs, one file per tree (JsonFileCache in node_modules/.cache/netpes/mdast):
 * a run reads only the trees of its own files, and a run on other content (the tests' fixture)
 * adds its trees beside them. A file that cannot be read is parsed again: the cache can only
 * make things faster, never different.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Root } from 'mdast';
import { JsonFileCache, runCachePath } from '../write/run-cache.ts';
import { splitFrontmatter, type KeptSplit, type SplitFile } from './frontmatter.ts';

/** Bump when the parser or its options change, so old trees are not reused. */
const VERSION = 'mdast-gfm-v4-notes-comments';

/**
 * Trees parsed or read in this process, shared by every load: watch mode loads the content
 * again on each save, and all but the saved file are as before (~10 ms of reading them back).
 * The model treats its trees as read-only, so one tree can serve every load.
 */
const recent = new LRUCache<string, Root>({ max: 4000 });

export class ParseCache {
  private readonly disk: JsonFileCache<Root>;
  private readonly splits: JsonFileCache<KeptSplit>;

  /**
   * `dir`: where trees are kept between runs (undefined: in this process only); `splitsDir`:
   * where the files' frontmatter, split and parsed, is (frontmatter.ts).
   */
  constructor(dir: string | undefined, splitsDir?: string) {
    this.disk = new JsonFileCache(dir);
    this.splits = new JsonFileCache(splitsDir);
  }

  /** A file's frontmatter and body, split (frontmatter.ts), kept beside the trees. */
  split(source: string): SplitFile {
    return splitFrontmatter(source, this.splits);
  }

  static key(text: string, lineOffset: number): string {
    return createHash('sha1').update(`${VERSION}\0${lineOffset}\0${text}`).digest('base64url');
  }

  get(key: string): Root | undefined {
    let tree = recent.get(key);
    if (!tree) {
      tree = this.disk.get(key);
      if (tree) recent.set(key, tree);
    }
    return tree;
  }

  set(key: string, tree: Root): void {
    recent.set(key, tree);
    this.disk.set(key, tree);
  }
}

export function defaultCacheDir(): string | undefined {
  return runCachePath('mdast');
}

export function defaultSplitsDir(): string | undefined {
  return runCachePath('frontmatter');
}
