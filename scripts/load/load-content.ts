/**
 * Stage 1–2: read every file of `content/` and parse it (frontmatter validated against its
 * kind's schema, body → mdast). Files that cannot be read as content become diagnostics.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import {
  areaFrontmatter,
  chapterFrontmatter,
  glossaryFrontmatter,
  guideFrontmatter,
  partnerFrontmatter,
  practiceFrontmatter,
  topicFrontmatter,
} from '../model/frontmatter-schemas.ts';
import type { Diagnostics } from '../validate/diagnostics.ts';
import { listContentFiles, type ContentFile, type ContentKind } from './content-files.ts';
import { decodeSource } from './decode-source.ts';
import { defaultCacheDir, defaultSplitsDir, ParseCache } from './parse-cache.ts';
import { readEntry, type Entry, type ParseMarkdown } from './read-entry.ts';

const SCHEMAS = {
  guide: guideFrontmatter,
  partner: partnerFrontmatter,
  area: areaFrontmatter,
  practice: practiceFrontmatter,
  topic: topicFrontmatter,
  chapter: chapterFrontmatter,
  glossary: glossaryFrontmatter,
} satisfies Record<ContentKind, z.ZodType>;

export type Entries = { [K in ContentKind]: Entry<z.infer<(typeof SCHEMAS)[K]>>[] };

/** The folder's entries, or undefined when it cannot be read (reported in `diagnostics`). */
export async function loadContent(contentDir: string, diagnostics: Diagnostics): Promise<Entries | undefined> {
  let files;
  try {
    files = await listContentFiles(contentDir);
  } catch {
    diagnostics.error(
      contentDir,
      undefined,
      `cannot read the content folder "${contentDir}"`,
      'run from the project root or pass --content DIR',
    );
    return undefined;
  }
  const sources = await Promise.all(files.map((f) => readFile(f.path)));
  return parseContent(files, sources, diagnostics, new ParseCache(defaultCacheDir(), defaultSplitsDir()));
}

/** Files and their bytes → entries; also used on in-memory content (property tests). */
export async function parseContent(
  files: readonly ContentFile[],
  sources: readonly Uint8Array[],
  diagnostics: Diagnostics,
  cache = new ParseCache(undefined),
): Promise<Entries> {
  const entries: Entries = { guide: [], partner: [], area: [], practice: [], topic: [], chapter: [], glossary: [] };
  let parser: typeof import('./markdown.ts') | undefined;
  // The parser (micromark) is loaded only when some file is not in the cache.
  const parse: ParseMarkdown = async (markdown, lineOffset) => {
    const key = ParseCache.key(markdown, lineOffset);
    const cached = cache.get(key);
    if (cached) return cached;
    parser ??= await import('./markdown.ts');
    const tree = parser.parseMarkdown(markdown, lineOffset);
    cache.set(key, tree);
    return tree;
  };
  for (const [i, file] of files.entries()) {
    if (file.kind === 'unknown') {
      diagnostics.error(
        file.path,
        undefined,
        'this file is not in a content folder, so it is not part of the guide',
        'content files are guide.md, partners/, areas/, practices/<area-id>/, transversal/, chapters/ and glossary/ (*.md)',
      );
      continue;
    }
    const kind = file.kind;
    const decoded = decodeSource(sources[i]!);
    if ('problem' in decoded) {
      diagnostics.error(file.path, decoded.at, decoded.problem, decoded.hint);
      // Kept as an entry without data, so its kind is known to be incomplete (no count errors).
      const locate = () => decoded.at;
      (entries[kind] as Entry<unknown>[]).push({ file, data: undefined, raw: {}, body: { type: 'root', children: [] }, locate, source: '', frontmatterMarkdown: [] });
      continue;
    }
    (entries[kind] as Entry<unknown>[]).push(await readEntry(file, decoded.text, SCHEMAS[kind], diagnostics, parse, (text) => cache.split(text)));
  }
  return entries;
}
