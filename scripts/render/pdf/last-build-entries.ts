/**
 * What a long document kept from its last build (kept-furniture.ts, kept-deflate.ts), and
 * what this build uses of it or adds: only this build's entries are kept for the next one,
 * so the files do not grow with edits, and they are written only when they changed.
 */
export class LastBuildEntries<V> {
  private readonly used = new Map<string, V>();
  private changed = false;

  /** `same`: whether a value this build uses is the one kept under its key. */
  constructor(
    private readonly kept: ReadonlyMap<string, V>,
    private readonly same: (kept: V, used: V) => boolean = (a, b) => a === b,
  ) {}

  /** The value the last build kept under `key`, now used by this build too. */
  get(key: string): V | undefined {
    const value = this.kept.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  /** A value this build used: made now, or found in this process's memory. */
  use(key: string, value: V): void {
    const kept = this.kept.get(key);
    if (kept === undefined || !this.same(kept, value)) this.changed = true;
    this.used.set(key, value);
  }

  /** This build's entries when they are not the last build's; undefined when there is nothing to write. */
  toSave(): ReadonlyMap<string, V> | undefined {
    return this.changed || this.used.size !== this.kept.size ? this.used : undefined;
  }
}
