/**
 * The compressed streams of a long document, kept for its next build
 * (out/.cache/layout/<document>/deflated.bin): memo-deflate.ts keeps them for the process
 * only, so a build after a one-word edit compressed the guide's ~100 unchanged pages and
 * its fonts again (~0.15 s). Found by the hash of the uncompressed stream; the zlib version
 * is part of the file, as it decides the bytes. Only the streams of the last build are kept.
 */
import { readFileSync } from 'node:fs';
import { writeCacheFileSync } from '../../write/run-cache.ts';
import { LastBuildEntries } from './last-build-entries.ts';

/** The file starts with this line: a file of another zlib (or format) is not read. */
const HEADER = Buffer.from(`netpes-deflated 1 zlib ${process.versions.zlib ?? '?'}\n`);

export class KeptDeflate {
  private readonly entries: LastBuildEntries<Buffer>;
  /** Of the streams this build wrote, how many came compressed from the last build. */
  readonly counts = { found: 0, streams: 0 };

  constructor(private readonly file: string) {
    const kept = new Map<string, Buffer>();
    try {
      read(readFileSync(file), kept);
    } catch {
      kept.clear(); // none yet, or unreadable: compressed again
    }
    // A stream's hash decides its compressed bytes: the same key is the same value.
    this.entries = new LastBuildEntries(kept, () => true);
  }

  /** The compressed bytes of the stream whose hash is `key`, kept by the last build. */
  get(key: string): Buffer | undefined {
    const bytes = this.entries.get(key);
    if (bytes) this.counts.found++;
    return bytes;
  }

  /** A stream this build wrote: compressed now, or found in this process's memory. */
  use(key: string, bytes: Buffer): void {
    this.counts.streams++;
    this.entries.use(key, bytes);
  }

  /** Writes the streams of this build, when they are not those of the last (whole or not at all). */
  save(): void {
    const streams = this.entries.toSave();
    if (!streams) return;
    const parts: Buffer[] = [HEADER];
    for (const [key, bytes] of streams) {
      const head = Buffer.alloc(6);
      head.writeUInt16BE(key.length, 0);
      head.writeUInt32BE(bytes.length, 2);
      parts.push(head, Buffer.from(key, 'latin1'), bytes);
    }
    writeCacheFileSync(this.file, Buffer.concat(parts));
  }
}

/** Entries of a file `save` wrote: [key length, bytes length, key, bytes]…, after the header. */
function read(data: Buffer, into: Map<string, Buffer>): void {
  if (!data.subarray(0, HEADER.length).equals(HEADER)) return;
  let at = HEADER.length;
  while (at < data.length) {
    if (at + 6 > data.length) throw new Error('torn');
    const keyLength = data.readUInt16BE(at);
    const length = data.readUInt32BE(at + 2);
    const end = at + 6 + keyLength + length;
    if (end > data.length) throw new Error('torn');
    into.set(data.toString('latin1', at + 6, at + 6 + keyLength), data.subarray(at + 6 + keyLength, end));
    at = end;
  }
}
