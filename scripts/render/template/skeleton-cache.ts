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
 *   named by the hash of the parser's version and the Markdown. A file that cannot be read
 *   is parsed again: the cache can only make a build faster, never different.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { packageVersion, runCachePath, writeCacheFileSync } from '../../write/run-cache.ts';

const parsed = new Map<string, Root>();
const PARSED_CHARS = 1 << 20;
let parsedChars = 0;

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
    while (parsedChars + markdown.length > PARSED_CHARS) {
      const oldest = parsed.keys().next().value!;
      parsedChars -= oldest.length;
      parsed.delete(oldest);
    }
    parsed.set(markdown, tree);
    parsedChars += markdown.length;
  }
  return structuredClone(tree);
}

/** Files kept on disk; past this, the least recently used half is removed. */
const MAX_FILES = 4000;

function fromDisk(markdown: string, parser: SkeletonParser): Root {
  const dir = runCachePath('skeletons');
  if (!dir) return parser.parse(markdown);
  const key = `${parser.id}\0${parserVersion()}\0${markdown}`;
  const file = path.join(dir, `${createHash('sha1').update(key).digest('base64url')}.json`);
  try {
    const tree = JSON.parse(readFileSync(file, 'utf8')) as Root;
    const now = new Date();
    utimesSync(file, now, now); // recently used: kept when the folder is pruned
    return tree;
  } catch {
    // Not cached yet (or unreadable): parse it.
  }
  const tree = parser.parse(markdown);
  writeCacheFileSync(file, JSON.stringify(tree));
  prune(dir);
  return tree;
}

let written = 0;

/** Every few hundred writes, keeps the folder under MAX_FILES by removing the least recently used. */
function prune(dir: string): void {
  if (++written % 200 !== 0) return;
  try {
    pruneNow(dir);
  } catch {
    // Another thread pruned at the same time: the next prune will do.
  }
}

function pruneNow(dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  if (files.length <= MAX_FILES) return;
  const byAge = files.map((f) => ({ f, t: statSync(path.join(dir, f)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { f } of byAge.slice(0, files.length - MAX_FILES / 2)) rmSync(path.join(dir, f), { force: true });
}

let version: string | undefined;

/** The versions of the packages that shape a parsed tree: an upgrade parses every skeleton again. */
function parserVersion(): string {
  version ??= ['mdast-util-from-markdown', 'micromark', 'remark-parse', 'remark-gfm', 'remark-directive'].map((name) => packageVersion(name)).join(' ');
  return version;
}
