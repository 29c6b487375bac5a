/**
 * The running headers and footers a long document laid out, kept for its next build
 * (out/.cache/layout/<document>/furniture/): memo-furniture.ts keeps them for the process
 * only, so every build after an edit laid out the 104 pages' headers and footers of the
 * guide and the 32 of practice-sheets.pdf again (~250 ms of a one-word edit's ~3 s). A
 * block is found by its key (its node, its box and the document's styles), under the code's
 * salt; only the blocks of the last build are kept, so the file does not grow with edits.
 */
import { createHash } from 'node:crypto';
import type { JsonFileCache } from '../../write/run-cache.ts';

type Blocks = Record<string, string>;

export class KeptFurniture {
  private readonly kept: Blocks;
  /** The blocks this build used, found or laid out: what the next build gets. */
  private readonly used: Blocks = {};
  private changed = false;

  constructor(
    private readonly store: JsonFileCache<Blocks>,
    private readonly salt: string,
  ) {
    const kept = store.get(salt);
    this.kept = kept && typeof kept === 'object' ? kept : {};
  }

  /** A block's laid-out items as JSON (segment-items.ts), kept by the last build. */
  get(key: string): string | undefined {
    const hash = hashOf(key);
    const json = this.kept[hash];
    if (typeof json !== 'string') return undefined;
    this.used[hash] = json;
    return json;
  }

  /** A block this build used: laid out now, or found in this process's memory. */
  use(key: string, json: string): void {
    const hash = hashOf(key);
    if (this.kept[hash] !== json) this.changed = true;
    this.used[hash] = json;
  }

  /** Writes the blocks of this build, when they are not those of the last. */
  save(): void {
    if (!this.changed && Object.keys(this.used).length === Object.keys(this.kept).length) return;
    this.store.set(this.salt, this.used);
    this.store.retainOnly([this.salt]);
  }
}

const hashOf = (key: string) => createHash('sha1').update(key).digest('base64url');
