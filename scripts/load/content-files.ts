/**
 * Finds the content files and tells their kind from where they sit in `content/`.
 * Sorted paths make every later stage independent of the file system's listing order.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export type ContentKind = 'guide' | 'partner' | 'area' | 'practice' | 'topic' | 'chapter' | 'glossary';

export interface ContentFile {
  kind: ContentKind | 'unknown';
  /** Path relative to the working directory, as printed in diagnostics. */
  path: string;
  /** File name without `.md`: the id the file must declare. */
  stem: string;
  /** For practices: the area folder the file sits in. */
  folder?: string;
}

const FOLDER_KINDS: Record<string, ContentKind> = {
  partners: 'partner',
  areas: 'area',
  practices: 'practice',
  transversal: 'topic',
  chapters: 'chapter',
  glossary: 'glossary',
};

export async function listContentFiles(contentDir: string): Promise<ContentFile[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const files: ContentFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(contentDir, full).split(path.sep);
    const stem = entry.name.slice(0, -3);
    const shown = path.relative(process.cwd(), full) || full;
    files.push(classify(relative, stem, shown));
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function classify(relative: string[], stem: string, shown: string): ContentFile {
  if (relative.length === 1 && stem === 'guide') return { kind: 'guide', path: shown, stem };
  const kind = FOLDER_KINDS[relative[0]!];
  if (kind === 'practice' && relative.length === 3) return { kind, path: shown, stem, folder: relative[1]! };
  if (kind && kind !== 'practice' && relative.length === 2) return { kind, path: shown, stem };
  return { kind: 'unknown', path: shown, stem };
}
