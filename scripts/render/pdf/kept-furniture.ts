/**
 * The running headers and footers a long document laid out, kept for its next build
 * (out/.cache/layout/<document>/furniture/): memo-furniture.ts keeps them for the process
 * only, so every build after an edit laid out the 104 pages' headers and footers of the
 * guide and the 32 of practice-sheets.pdf again (~250 ms of a one-word edit's ~3 s). A
 * block is found by the hash of its key (its node, its box and the document's styles),
 * under the code's salt; only the blocks of the last build are kept (last-build-entries.ts).
 * Their drawings are kept the same way (furniture-drawn/, segment-drawing.ts), by the
 * hash of what drawing them depends on.
 */
import { createHash } from 'node:crypto';
import type { JsonFileCache } from '../../write/run-cache.ts';
import { LastBuildEntries } from './last-build-entries.ts';

type Blocks = Record<string, string>;

export class KeptFurniture {
  private readonly entries: LastBuildEntries<string>;
  /** For the debug line (render-segmented.ts): blocks used as the last build kept them, of all this build used. */
  readonly counts = { found: 0, used: 0 };

  constructor(
    private readonly store: JsonFileCache<Blocks>,
    private readonly salt: string,
  ) {
    const kept = store.get(salt);
    const blocks = kept && typeof kept === 'object' ? Object.entries(kept).filter(([, json]) => typeof json === 'string') : [];
    this.entries = new LastBuildEntries(new Map(blocks));
  }

  /** The hash a block is kept under (its key holds the document's whole style dictionary). */
  static hashOf(key: string): string {
    return createHash('sha1').update(key).digest('base64url');
  }

  /** A block's laid-out items (segment-items.ts) or drawing as JSON, kept by the last build. */
  get(hash: string): string | undefined {
    return this.entries.get(hash);
  }

  /** A block this build used: laid out (or drawn) now, found in this process's memory, or kept by the last build (`fromLastBuild`). */
  use(hash: string, json: string, fromLastBuild = false): void {
    this.counts.used++;
    if (fromLastBuild) this.counts.found++;
    this.entries.use(hash, json);
  }

  /** Writes the blocks of this build, when they are not those of the last. */
  save(): void {
    const blocks = this.entries.toSave();
    if (!blocks) return;
    this.store.set(this.salt, Object.fromEntries(blocks));
    this.store.retainOnly([this.salt]);
  }
}
