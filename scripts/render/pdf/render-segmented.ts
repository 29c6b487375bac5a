/**
 * Long documents whose parts keep their layout and drawing for the next build
 * (segment-plan.ts, segment-layout.ts, segment-drawing.ts), in the layout cache
 * (out/.cache/layout): the guide and practice-sheets.pdf; and the single sheets, each of
 * which leaves its page there for practice-sheets.pdf.
 */
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { JsonFileCache } from '../../write/run-cache.ts';
import { KeptDeflate } from './kept-deflate.ts';
import { KeptFurniture } from './kept-furniture.ts';
import { layOutPdf } from './render-pdf.ts';
import type { DrawnSegment } from './segment-drawing.ts';
import { attachPlan } from './segment-layout.ts';
import { planSegments, SegmentMismatch, type CachedSegment, type SegmentOptions } from './segment-plan.ts';

/** Where the layouts of a build are kept (out/.cache/layout), and what they depend on besides content. */
export interface LayoutCache {
  dir: string;
  salt: string;
  /** Keep them in memory too, for the next build in this process (watch mode). */
  remember?: boolean;
}

/**
 * A long document whose unchanged parts keep the layout of the last build (segment-plan.ts),
 * kept under `name` in the layout cache. `make` builds a fresh definition (pdfmake writes its
 * layout into the one it gets). Should a cached part not land as before or not read back
 * (`SegmentMismatch`), a second definition is laid out in full, and its layouts replace the
 * kept ones. Only the layouts of this build are kept: the next build needs no others.
 * Without a cache, a plain render. `laidOut` is called once the document is laid out,
 * before it is drawn and written (again, should the full layout follow).
 */
export async function renderSegmented<T extends { definition: TDocumentDefinitions }>(
  name: string,
  make: () => T,
  cache: LayoutCache | undefined,
  options: (made: T) => Omit<SegmentOptions, 'store' | 'salt'>,
  laidOut?: (made: T) => void,
): Promise<{ made: T; bytes: Uint8Array }> {
  const write = async (made: T) => {
    const document = await layOutPdf(made.definition);
    if (laidOut) {
      laidOut(made);
      // Drawing runs for long without yielding: let what heard `laidOut` act first (the
      // build hands the sheets to a worker).
      await new Promise((resolve) => setImmediate(resolve));
    }
    return document.bytes();
  };
  if (!cache) {
    const made = make();
    return { made, bytes: await write(made) };
  }
  const { store, drawings } = keptUnder(name, cache);
  // For a new process: watch mode's keeps the furniture it laid out and drew and the streams
  // it compressed in memory already (memo-furniture.ts, segment-drawing.ts, memo-deflate.ts).
  const furniture = cache.remember ? undefined : new KeptFurniture(new JsonFileCache(path.join(cache.dir, name, 'furniture')), cache.salt);
  const drawnFurniture = cache.remember ? undefined : new KeptFurniture(new JsonFileCache(path.join(cache.dir, name, 'furniture-drawn')), cache.salt);
  const deflated = cache.remember ? undefined : new KeptDeflate(path.join(cache.dir, name, 'deflated.bin'));
  const render = async (reuse: boolean) => {
    const made = make();
    const segments: SegmentOptions = { ...options(made), store: reuse ? store : writeOnly(store), salt: cache.salt };
    const plan = planSegments(made.definition, segments);
    // Carried between layout passes only here, where a stand-in that lands elsewhere than
    // planned gets the full layout below.
    const run = plan && attachPlan(made.definition.content, plan, (key, value) => segments.store.set(key, value), reuse ? drawings : writeOnly(drawings), { carry: reuse, furniture, deflated, drawnFurniture });
    const bytes = await write(made);
    if (plan) {
      const keys = plan.flatMap((s) => (s.key === undefined ? [] : [s.key]));
      store.retainOnly(keys);
      drawings.retainOnly(keys);
      furniture?.save();
      drawnFurniture?.save();
      deflated?.save();
    }
    if (plan && run && process.env['NETPES_DEBUG_LAYOUT']) {
      const reused = plan.filter((s) => s.cached && !s.carried).length;
      const carried = plan.filter((s) => s.carried).length;
      const always = plan.filter((s) => s.key === undefined).length; // a table of contents, page references
      process.stderr.write(
        `layout: ${name}: ${reused} of ${plan.length} segments kept their last layout, ${plan.length - reused} laid out ` +
          `(${always} every time; ${carried} only in the first of its layout passes)${reuse ? '' : '; in full, as a kept layout did not land as before'}; ` +
          `${run.drawing.kept} of ${run.drawing.pages} segment pages drawn as kept` +
          (drawnFurniture ? `; ${drawnFurniture.counts.found} of ${drawnFurniture.counts.used} headers and footers drawn as kept` : '') +
          (deflated ? `; ${deflated.counts.found} of ${deflated.counts.streams} streams compressed as kept` : '') +
          '\n',
      );
    }
    return { made, bytes };
  };
  try {
    return await render(true);
  } catch (error) {
    if (!(error instanceof SegmentMismatch)) throw error;
    return render(false);
  }
}

/** The layouts and drawings kept under `name`. */
function keptUnder(name: string, cache: LayoutCache) {
  // Layouts are revived in place (each get parses its own copy); drawings are only read.
  return {
    store: new JsonFileCache<CachedSegment>(path.join(cache.dir, name), undefined, cache.remember ? 'text' : undefined),
    drawings: new JsonFileCache<DrawnSegment>(path.join(cache.dir, name, 'drawn'), undefined, cache.remember ? 'value' : undefined),
  };
}

/**
 * `layOutPdf` for a document that is also a segment of the long document `name` (a single
 * sheet, a page of practice-sheets.pdf): once written (`bytes()`), its layout and drawing
 * are kept under `name`, so that document finds them in the same build and neither lays
 * out nor draws that page again. Only a written layout is kept: fitting a sheet lays it
 * out several times and writes one.
 */
export async function layOutKept(
  definition: TDocumentDefinitions,
  name: string,
  cache: LayoutCache | undefined,
  tracked: ReadonlySet<object>,
): Promise<{ bytes(): Promise<Uint8Array> }> {
  if (!cache) return layOutPdf(definition);
  const { store, drawings } = keptUnder(name, cache);
  let laidOut: Array<[key: string, json: string]> = [];
  // Copied at once (as a store does): drawing changes the items afterwards.
  const segments: SegmentOptions = { tracked, salt: cache.salt, store: { get: () => undefined, set: (key, value) => laidOut.push([key, JSON.stringify(value)]) } };
  const plan = planSegments(definition, segments);
  // Drawn afresh, never from a kept drawing: one that did not write back would fail the
  // drawing half-way, and this definition cannot be laid out again (renderSegmented can).
  if (plan) attachPlan(definition.content, plan, (key, value) => segments.store.set(key, value), writeOnly(drawings));
  const result = await layOutPdf(definition);
  return {
    bytes: () => {
      for (const [key, json] of laidOut) store.setJson(key, json);
      laidOut = [];
      return result.bytes();
    },
  };
}

/** A store that is written to but finds nothing: a full layout records what it lays out and draws. */
function writeOnly<T>(store: { set(key: string, value: T): void }): { get(key: string): undefined; set(key: string, value: T): void } {
  return { get: () => undefined, set: (key, value) => store.set(key, value) };
}
