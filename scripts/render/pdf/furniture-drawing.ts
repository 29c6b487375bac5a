/**
 * Drawing a long document's running headers and footers (segment-drawing.ts draws each
 * page's body, then these): as the same blocks were last drawn, in this process or by the
 * document's last build.
 */
import { LRUCache } from 'lru-cache';
import { readBack, writeBack } from './kept-drawing.ts';
import { KeptFurniture } from './kept-furniture.ts';
import { furnitureKey, keptFurnitureKey } from './memo-furniture.ts';
import { record } from './record-drawing.ts';
import type { BodyMark, Doc, DrawnPage, Item } from './segment-drawing.ts';

/** Where a pdfkit document carries the furniture drawings its last build kept (set by segment-layout.ts). */
export const DRAWN_FURNITURE = Symbol('furniture drawings kept by the last build');

/**
 * The running header and footer of a segment's page, laid out afresh each time: drawn as
 * the same items were last drawn in this process (watch mode draws the guide after every
 * save; a sheet's footer has its QR code), found by the blocks memo-furniture.ts laid them
 * out as (writing out the items, a QR code's hundreds of squares among them, took ~20 ms
 * of each practice-sheets.pdf), else by the items themselves. A new process finds those its
 * document's last build drew (kept-furniture.ts, under `DRAWN_FURNITURE`): a one-word edit
 * drew the 32 footers of practice-sheets.pdf and their QR codes again (~60 ms).
 */
const furniture = new LRUCache<string, DrawnPage>({ max: 4096 }); // a few builds' worth

export function drawFurniture(doc: Doc, items: Item[], faceOf: BodyMark['faceOf'], draw: (item: Item) => void): void {
  // pdfkit draws text upside down from the page's top: its height is in the content.
  const { width, height } = doc.page;
  const key = (furnitureKey(items) ?? itemsKey(items, faceOf))?.concat(`@${width}x${height}`);
  // Kept for the next build by the blocks' own keys (hashed), not by this process's ids.
  const lastBuild = key === undefined ? undefined : (doc as { [DRAWN_FURNITURE]?: KeptFurniture })[DRAWN_FURNITURE];
  const blocks = lastBuild && keptFurnitureKey(items);
  const hash = blocks && `${blocks}@${width}x${height}`;
  const inMemory = key === undefined ? undefined : furniture.get(key);
  const json = hash && !inMemory ? lastBuild!.get(hash) : undefined;
  const drawn = inMemory ?? (json ? parsed(json) : undefined);
  const kept = drawn && readBack(doc, items, drawn);
  if (kept) {
    if (!inMemory) furniture.set(key!, drawn);
    if (hash) lastBuild!.use(hash, json ?? JSON.stringify(drawn), !inMemory);
    return writeBack(kept, draw);
  }
  const recorded = record(doc, items, faceOf, draw);
  if (key === undefined || !recorded) return;
  furniture.set(key, recorded);
  if (hash) lastBuild!.use(hash, JSON.stringify(recorded));
}

/** A kept drawing, or undefined for one that does not parse (it is drawn again). */
function parsed(json: string): DrawnPage | undefined {
  try {
    return JSON.parse(json) as DrawnPage;
  } catch {
    return undefined;
  }
}

/** What drawing the items depends on, as a string: fonts by face; undefined when that cannot be said. */
function itemsKey(items: Item[], faceOf: BodyMark['faceOf']): string | undefined {
  let portable = true;
  const json = JSON.stringify(items, function (this: unknown, key, value: unknown) {
    if (key === '_node') return undefined; // the definition's node the line came from: not drawn
    if (key === 'font' && typeof value === 'object' && value !== null) {
      const face = faceOf(value);
      if (!face) portable = false;
      return face;
    }
    if (key.startsWith('_') && value !== undefined) portable = false; // page references, outlines…
    return value;
  });
  return portable ? json : undefined;
}
