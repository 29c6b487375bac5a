/**
 * What the last builds produced (`out/.cache/build.json`): for each output, the key of
 * its inputs and the sha256 of its bytes. An output whose key is unchanged and whose file
 * still has that sha256 is not rendered again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../write/write-atomic.ts';
import type { RenderRequest } from './render-one.ts';

export interface CachedOutput {
  key: string;
  sha256: string;
  pages: number | null;
  sources: string[];
  /** Facts the output published for others (e.g. the guide's page of each practice). */
  facts?: Record<string, unknown>;
}

const VERSION = 1;

export class BuildCache {
  readonly entries: Map<string, CachedOutput>;

  constructor(private readonly outDir: string) {
    this.entries = new Map();
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as { version: number; outputs: Record<string, CachedOutput> };
      if (data.version === VERSION) this.entries = new Map(Object.entries(data.outputs));
    } catch {
      // First build, or a cache from another version: everything renders.
    }
  }

  get file(): string {
    return path.join(this.outDir, '.cache', 'build.json');
  }

  /** The cached entry when the key matches and the file on disk is still the one we wrote. */
  fresh(outputPath: string, key: string): CachedOutput | undefined {
    const entry = this.entries.get(outputPath);
    if (!entry || entry.key !== key) return undefined;
    try {
      const sha = createHash('sha256')
        .update(readFileSync(path.join(this.outDir, outputPath)))
        .digest('hex');
      return sha === entry.sha256 ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  set(outputPath: string, entry: CachedOutput): void {
    this.entries.set(outputPath, entry);
  }

  async save(): Promise<void> {
    const outputs = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : 1)));
    await writeAtomic(this.file, `${JSON.stringify({ version: VERSION, outputs }, null, 2)}\n`);
  }
}

/**
 * Where the long PDFs keep their layouts in `out` (none with NETPES_NO_CACHE), as a render
 * request names it; `code` is `codeKey`; `remember`: in memory too, for the next build.
 */
export function layoutCacheIn(out: string, code: string, remember = false): Pick<RenderRequest, 'layoutCache'> {
  return process.env['NETPES_NO_CACHE'] ? {} : { layoutCache: { dir: path.join(out, '.cache', 'layout'), salt: code, ...(remember ? { remember } : {}) } };
}
