/**
 * A pdfmake document definition → PDF bytes. pdfmake is configured once per process: the
 * Roboto faces, no remote URL access at all, and local file access limited to the font
 * folder, so a document definition can never read other files or the network.
 * Output is byte-identical for the same definition as long as `info.creationDate` and
 * `info.modDate` are fixed (pdfkit derives the file ID from the info dictionary).
 */
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FONT_DIR, FONT_FAMILY, FONT_FILES } from './fonts.ts';
import { capUnbreakableWidths } from './break-long-words.ts';
import { drawWhenWritten } from './draw-when-written.ts';
import { mergeLineInlines } from './merge-inlines.ts';
import { memoiseQrCodes, mergeQrModules } from './qr-codes.ts';
import { memoiseDeflate } from './memo-deflate.ts';
import { memoiseFurnitureLayout } from './memo-furniture.ts';
import { memoiseStyleLookups } from './memo-style-lookups.ts';
import { reuseTextMeasures } from './reuse-measures.ts';
import { drawSegments, type DrawnSegment } from './segment-drawing.ts';
import { attachPlan, layOutSegments } from './segment-layout.ts';
import { planSegments, SegmentMismatch, type CachedSegment, type SegmentOptions } from './segment-plan.ts';
import { JsonFileCache } from '../../write/run-cache.ts';
import { flushShapes, shareParsedFonts, shareScaledShapes } from './share-fonts.ts';

type PdfMake = typeof import('pdfmake');

let configured: Promise<PdfMake> | undefined;

/**
 * The speed-ups patch pdfmake, pdfkit and fontkit (share-fonts, reuse-measures,
 * memo-style-lookups), each claiming the same bytes as without it; NETPES_PLAIN_PDFMAKE
 * leaves them out, so tests can hold them to that.
 */
const speedUps = !process.env['NETPES_PLAIN_PDFMAKE'];

/** pdfmake, configured and patched once per process. */
function pdfmake(): Promise<PdfMake> {
  configured ??= configure();
  return configured;
}

async function configure(): Promise<PdfMake> {
  if (speedUps) shareParsedFonts(); // before pdfkit loads fontkit
  const module = await import('pdfmake');
  const pm = ((module as { default?: PdfMake }).default ?? module) as PdfMake;
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));
  pm.setFonts({ [FONT_FAMILY]: { ...FONT_FILES } });
  mergeLineInlines(); // changes the bytes, not what a reader sees: not a speed-up to leave out
  capUnbreakableWidths(); // changes the layout of tables with very long words: not a speed-up either
  mergeQrModules(); // changes the bytes, not the code's shape
  layOutSegments(); // does nothing to a document without a segment plan
  drawSegments(); // nor this (before drawWhenWritten, which defers it)
  if (speedUps) {
    shareScaledShapes();
    memoiseQrCodes();
    drawWhenWritten();
    reuseTextMeasures();
    memoiseStyleLookups();
    memoiseDeflate();
    memoiseFurnitureLayout();
  }
  return pm;
}

export async function renderPdf(docDefinition: TDocumentDefinitions): Promise<Uint8Array> {
  return (await layOutPdf(docDefinition)).bytes();
}

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
 * Without a cache, a plain render.
 */
export async function renderSegmented<T extends { definition: TDocumentDefinitions }>(
  name: string,
  make: () => T,
  cache: LayoutCache | undefined,
  options: (made: T) => Omit<SegmentOptions, 'store' | 'salt'>,
): Promise<{ made: T; bytes: Uint8Array }> {
  if (!cache) {
    const made = make();
    return { made, bytes: await renderPdf(made.definition) };
  }
  const { store, drawings } = keptUnder(name, cache);
  const render = async (reuse: boolean) => {
    const made = make();
    const segments: SegmentOptions = { ...options(made), store: reuse ? store : writeOnly(store), salt: cache.salt };
    const plan = planSegments(made.definition, segments);
    const run = plan && attachPlan(made.definition.content, plan, (key, value) => segments.store.set(key, value), reuse ? drawings : writeOnly(drawings));
    const bytes = await renderPdf(made.definition);
    if (plan) {
      const keys = plan.flatMap((s) => (s.key === undefined ? [] : [s.key]));
      store.retainOnly(keys);
      drawings.retainOnly(keys);
    }
    if (plan && run && process.env['NETPES_DEBUG_LAYOUT']) {
      const reused = plan.filter((s) => s.cached).length;
      const always = plan.filter((s) => s.key === undefined).length; // a table of contents, page references
      process.stderr.write(
        `layout: ${name}: ${reused} of ${plan.length} segments kept their last layout, ${plan.length - reused} laid out ` +
          `(${always} every time)${reuse ? '' : '; in full, as a kept layout did not land as before'}; ` +
          `${run.drawing.kept} of ${run.drawing.pages} segment pages drawn as kept\n`,
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
  if (plan) attachPlan(definition.content, plan, (key, value) => segments.store.set(key, value), drawings);
  const result = await layOutPdf(definition);
  return {
    bytes: () => {
      for (const [key, json] of laidOut) store.set(key, JSON.parse(json) as CachedSegment);
      laidOut = [];
      return result.bytes();
    },
  };
}

/** A store that is written to but finds nothing: a full layout records what it lays out and draws. */
function writeOnly<T>(store: { set(key: string, value: T): void }): { get(key: string): undefined; set(key: string, value: T): void } {
  return { get: () => undefined, set: (key, value) => store.set(key, value) };
}

/**
 * Lays the document out (pdfmake records positions in the definition) without writing it:
 * `bytes()` then writes the file. Fitting a sheet lays it out several times and keeps one;
 * writing (drawing, font subsets, compression) is only worth it for that one.
 */
export async function layOutPdf(docDefinition: TDocumentDefinitions): Promise<{ bytes(): Promise<Uint8Array> }> {
  const pm = await pdfmake();
  const output = pm.createPdf(docDefinition) as unknown as { getStream(): Promise<unknown>; getBuffer(): Promise<Buffer> };
  await output.getStream(); // the layout (the pages are drawn then too, or when written: draw-when-written.ts)
  if (speedUps) flushShapes();
  return {
    bytes: async () => {
      const buffer = await output.getBuffer();
      if (speedUps) flushShapes();
      return fixOutlineDestinations(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
    },
  };
}

/**
 * Note: pdfkit 0.19 writes each bookmark's destination as `[page /XYZ <page width>
 * <page height> 0]`, so a viewer that honours the left coordinate scrolls to the right
 * edge of the page. The width is overwritten in place with `0` and spaces: same length,
 * so the cross-reference offsets stay right, and the bookmark opens the page at its top
 * left. Only that exact pattern is touched.
 */
export function fixOutlineDestinations(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const fixed = text.replace(
    /(\/Dest \[\d+ 0 R \/XYZ )(\d+(?:\.\d+)?)( \d+(?:\.\d+)? 0\])/g,
    (_, head: string, width: string, tail: string) => `${head}0${' '.repeat(width.length - 1)}${tail}`,
  );
  return fixed === text ? bytes : new Uint8Array(Buffer.from(fixed, 'latin1'));
}
