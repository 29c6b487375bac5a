/**
 * Parsed template skeletons. The Markdown a template renders is mostly the same from one
 * render to the next: rich text sits in slots, so a sheet tried at several sizes, or the
 * guide rebuilt after a one-word edit, renders the very same skeleton. Parsing it (micromark)
 * took ~0.3 s of the guide's render and ~60 ms of each report; reading it back as JSON
 * takes a few milliseconds. So skeletons are kept in two places:
 *
 * - per thread, in memory, bounded by the Markdown's size (a parsed tree weighs some fifty
 *   times its text: a 10× content set must not fill the heap with old skeletons); each
 *   render gets its own copy to splice into;
 * - on disk between runs, one JSON file per skeleton in node_modules/.cache/netpes/skeletons,
 *   keyed by the parser's version and the Markdown (JsonFileCache). A file that cannot be
 *   read is parsed again: the cache can only make a build faster, never different.
 */
import { LRUCache } from 'lru-cache';
import type { Root } from 'mdast';
import { packageVersion, runCache } from '../../write/run-cache.ts';

const PARSED_CHARS = 1 << 20;
/** By Markdown, up to a budget of characters. */
const parsed = new LRUCache<string, Root>({
  maxSize: PARSED_CHARS,
  sizeCalculation: (_tree, markdown) => Math.max(1, markdown.length),
});

/** How skeletons are parsed: `id` names the plugins and options, and is part of the disk cache's key. */
export interface SkeletonParser {
  id: string;
  parse(markdown: string): Root;
}

/** The parsed tree of a skeleton, from memory, disk or the parser; always a copy the caller may change. */
export function parseSkeleton(markdown: string, parser: SkeletonParser): Root {
  let tree = parsed.get(markdown);
  if (!tree) {
    tree = fromDisk(markdown, parser);
    if (markdown.length > PARSED_CHARS / 4) return tree; // too big to keep: used once, not copied
    parsed.set(markdown, tree);
  }
  return structuredClone(tree);
}

function fromDisk(markdown: string, parser: SkeletonParser): Root {
  const cache = runCache<Root>('skeletons');
  const key = `${parser.id}\0${parserVersion()}\0${markdown}`;
  let tree = cache.get(key);
  if (!tree) cache.set(key, (tree = parser.parse(markdown)));
  return tree;
}

let version: string | undefined;

/** The versions of the packages that shape a parsed tree: an upgrade parses every skeleton again. */
function parserVersion(): string {
  version ??= ['mdast-util-from-markdown', 'micromark', 'remark-parse', 'remark-gfm', 'remark-directive'].map((name) => packageVersion(name)).join(' ');
  return version;
}
