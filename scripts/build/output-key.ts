/**
 * The content hash of an output's inputs: the content files it depends on, the templates
 * and theme, the tool's own code and the build date. Same key → same bytes, so a cached
 * file can be kept; any change to an input gives a new key and a re-render.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from './project-root.ts';

export class InputHasher {
  private fileHashes = new Map<string, string>();
  private treeHashes = new Map<string, string>();

  /** Hash of one file's bytes (memoised for the build). */
  file(file: string): string {
    let hash = this.fileHashes.get(file);
    if (!hash) {
      hash = createHash('sha256').update(readFileSync(file)).digest('hex');
      this.fileHashes.set(file, hash);
    }
    return hash;
  }

  /** Hash of every file under a folder (names and bytes), e.g. templates/ or scripts/. */
  tree(dir: string): string {
    let hash = this.treeHashes.get(dir);
    if (!hash) {
      const h = createHash('sha256');
      const files = readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      for (const f of files) h.update(`${path.relative(dir, f)}\0${this.file(f)}\n`);
      hash = h.digest('hex');
      this.treeHashes.set(dir, hash);
    }
    return hash;
  }

  key(parts: { sources: readonly string[]; templates: string; code: string; date: string; extra?: string }): string {
    const h = createHash('sha256');
    h.update(`code ${parts.code}\ntemplates ${parts.templates}\ndate ${parts.date}\nextra ${parts.extra ?? ''}\n`);
    for (const source of [...parts.sources].sort()) h.update(`${source}\0${this.file(source)}\n`);
    return h.digest('hex');
  }
}

/** The tool's code and packages, as one hash: part of every output's key. */
export function codeKey(hasher: InputHasher): string {
  return hasher.key({ sources: [fromRoot('package-lock.json')], templates: hasher.tree(fromRoot('scripts')), code: '', date: '' });
}
