/**
 * `out/manifest.json`: every output in `out/` with its sha256, size, page count and the
 * content files it came from. Sorted and free of timestamps, so it is byte-identical for
 * identical content like every other output.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../write/write-atomic.ts';
import type { BuildCache } from './build-cache.ts';

export async function writeManifest(outDir: string, cache: BuildCache): Promise<void> {
  const outputs = [...cache.entries]
    .filter(([file]) => exists(path.join(outDir, file)))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, entry]) => ({
      path: file,
      sha256: entry.sha256,
      bytes: statSync(path.join(outDir, file)).size,
      pages: entry.pages,
      sources: entry.sources,
    }));
  await writeAtomic(path.join(outDir, 'manifest.json'), `${JSON.stringify({ outputs }, null, 2)}\n`);
}

function exists(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
