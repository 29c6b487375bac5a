/**
 * A pdfmake document definition → PDF bytes. pdfmake is configured once per process: the
 * Roboto faces, no remote URL access at all, and local file access limited to the font
 * folder, so a document definition can never read other files or the network.
 * Output is byte-identical for the same definition as long as `info.creationDate` and
 * `info.modDate` are fixed (pdfkit derives the file ID from the info dictionary).
 */
import { readFileSync } from 'node:fs';
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
import { measureByInline } from './measure-by-inline.ts';
import { reuseTextMeasures } from './reuse-measures.ts';
import { copyNextWordsOnlyWhenRead } from './next-line.ts';
import { drawSegments } from './segment-drawing.ts';
import { layOutSegments } from './segment-layout.ts';
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
  // Read once per process, from pdfmake's virtual file system (the same Buffer for every
  // document), instead of from disk by every document: a cold build makes ~80 (the sheets'
  // fitting layouts among them), four faces each.
  const { virtualfs } = pm as unknown as { virtualfs: { writeFileSync(file: string, content: Buffer): void } };
  for (const file of Object.values(FONT_FILES)) virtualfs.writeFileSync(file, readFileSync(file));
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
    measureByInline();
    copyNextWordsOnlyWhenRead();
    memoiseDeflate();
    memoiseFurnitureLayout();
  }
  return pm;
}

export async function renderPdf(docDefinition: TDocumentDefinitions): Promise<Uint8Array> {
  return (await layOutPdf(docDefinition)).bytes();
}

/**
 * Loads and configures pdfmake and runs its code once on a small document written nowhere:
 * a worker about to share the sheets does it while it waits, instead of in its first sheet
 * (~0.6 s there, most of it compiling the code of pdfmake, pdfkit and fontkit; ~0.3 s since
 * that code is cached between runs, cli/code-cache.ts).
 */
export async function warmUpPdfmake(): Promise<void> {
  const words = ['Warm', { text: 'up', bold: true }, { text: 'with', italics: true }, { text: 'all faces', bold: true, italics: true }];
  await renderPdf({
    content: [{ text: words.flatMap((w) => [w, ' ']) }, { ul: ['one', 'two'] }, { table: { body: [['a', { text: 'b', bold: true }]] } }],
    defaultStyle: { font: FONT_FAMILY },
  });
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
