/**
 * Note: pdfkit compresses each stream (page contents, fonts) with zlib when it is ended, a
 * tenth of writing the guide. In watch mode the same process writes the guide again after
 * each save, and most of its pages come out byte for byte as last time (kept drawings:
 * segment-drawing.ts). Deflate is a function of its input, so the compressed bytes of an
 * input seen before are taken as they were: the same bytes, without compressing again.
 * Kept for the process, the most recently used up to a budget; a long document also finds
 * those of its last build (kept-deflate.ts), carried by its pdfkit document under `DEFLATED`.
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { requireFromPdfkit } from './fonts.ts';
import type { KeptDeflate } from './kept-deflate.ts';

/** Where a pdfkit document carries the streams its last build kept (set by segment-layout.ts). */
export const DEFLATED = Symbol('streams kept by the last build');

/** Compressed bytes kept, at most (the guide's page contents: ~0.5 MB). */
const BUDGET = 24 * 1024 * 1024;

type Reference = { compress: boolean; buffer: Uint8Array[] | Buffer; document: { _security?: unknown; [DEFLATED]?: KeptDeflate }; finalize(): void };

export function memoiseDeflate(): void {
  const PDFDocument = requireFromPdfkit()('pdfkit') as new (options: object) => { _root: object };
  // pdfkit does not export its reference class: one document's root is one.
  const Ref = new PDFDocument({ autoFirstPage: false })._root.constructor as { prototype: Reference };
  const finalize = Ref.prototype.finalize;
  Ref.prototype.finalize = function (this: Reference) {
    // As finalize would: the whole stream, compressed unless encrypted (never here, but alike).
    if (this.compress && Array.isArray(this.buffer) && this.buffer.length > 0 && !this.document._security) {
      this.buffer = [deflated(Buffer.concat(this.buffer), this.document[DEFLATED])];
      this.compress = false; // done; write() set the stream's filter already
    }
    finalize.call(this);
  };
}

const kept = new LRUCache<string, Buffer>({ maxSize: BUDGET, sizeCalculation: (bytes) => Math.max(1, bytes.length) });

function deflated(raw: Buffer, lastBuild: KeptDeflate | undefined): Buffer {
  const key = createHash('sha1').update(raw).digest('base64');
  let bytes = kept.get(key) ?? lastBuild?.get(key);
  if (!bytes) bytes = deflateSync(raw); // as pdfkit calls it: default options
  kept.set(key, bytes);
  lastBuild?.use(key, bytes);
  return bytes;
}
