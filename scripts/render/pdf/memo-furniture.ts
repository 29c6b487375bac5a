/**
 * Speed-up: pdfmake lays out the running header and footer of every page at every layout
 * pass: the guide's 104 pages cost ~60 ms of each rebuild in watch mode, the sheets' footers
 * with their QR codes ~45 ms. What a page's header or footer becomes depends on its node
 * (what the header or footer function returned for that page), the block it is laid out in
 * and the document's styles; the same three give the same items. So the items are kept per
 * process, by those three, with fonts named by face (as kept layouts are: segment-items.ts):
 * the guide's section header repeats from page to page, and after a save most pages'
 * furniture is as it was. Blocks that would give anything but lines and vectors, or that
 * pdfmake's own fields mark (page references), are laid out as before. The blocks on the
 * pages are known by their key (`furnitureKey`), for their drawing to be found by it too.
 * A long document's builder also carries its blocks kept by the last build
 * (kept-furniture.ts, under `FURNITURE`): a new process finds them there.
 * The output bytes do not change.
 */
import { LRUCache } from 'lru-cache';
import { pdfmakeInternal } from './pdfmake-internals.ts';
import { KeptFurniture } from './kept-furniture.ts';
import { facesOf, ItemEncoder, revive, type Page, type PdfDocument } from './segment-items.ts';
import type { CachedSegment } from './segment-plan.ts';

/** Where a builder carries the furniture its document kept from its last build (set by segment-layout.ts). */
export const FURNITURE = Symbol('furniture kept by the last build');

type Sizes = { x: number; y: number; width: number; height: number };
type Getter = (page: number, pages: number, size: unknown) => unknown;
interface Context {
  page: number;
  pages: Array<Page & { pageSize: unknown; pageMargins: unknown; customProperties: Record<string, unknown> }>;
  getCurrentPage(): Context['pages'][number];
}
interface Builder {
  writer: { context(): Context; beginUnbreakableBlock(width: number, height: number): void; commitUnbreakableBlock(x: number, y: number): void };
  docPreprocessor: { preprocessBlock(node: unknown): unknown };
  docMeasure: { measureBlock(node: unknown): unknown; pdfDocument: PdfDocument; styleStack: { styleDictionary: object; defaultStyle: object } };
  processNode(node: unknown): void;
  [FURNITURE]?: KeptFurniture;
}

/** Laid-out furniture blocks, as JSON (each use revives its own copy), and a short id for the key, by key. */
const laidOut = new LRUCache<string, { json: string; id: number }>({ maxSize: 16 * 1024 * 1024, sizeCalculation: ({ json }) => Math.max(1, json.length) });
let nextId = 0;
/**
 * The blocks on pages now, by their first item: their key's id and how many items they
 * are, and the hash of their key where a long document's build computed it (`FURNITURE`).
 */
const blocks = new WeakMap<object, { id: number; count: number; hash?: string | undefined }>();
/** Each style dictionary's part of the keys, worked out once per document. */
const styleKeys = new WeakMap<object, string>();

export function memoiseFurnitureLayout(): void {
  const LayoutBuilder = pdfmakeInternal<{ prototype: Builder & { addDynamicRepeatable(getter: Getter, size: (pageSize: unknown, margins: unknown) => Sizes, name: string): void } }>('LayoutBuilder');
  // As pdfmake's own loop (LayoutBuilder.addDynamicRepeatable), with the block kept or taken.
  LayoutBuilder.prototype.addDynamicRepeatable = function (nodeGetter, sizeFunction, customPropertyName) {
    const pages = this.writer.context().pages;
    for (let pageIndex = 0, l = pages.length; pageIndex < l; pageIndex++) {
      this.writer.context().page = pageIndex;
      const page = this.writer.context().getCurrentPage();
      const custom = page.customProperties[customPropertyName];
      const getter = (custom || custom === null ? custom : nodeGetter) as Getter | null | undefined;
      if (getter === undefined || getter === null) continue;
      let node = getter(pageIndex + 1, l, pages[pageIndex]!.pageSize);
      if (!node) continue;
      const sizes = sizeFunction(page.pageSize, page.pageMargins);
      // The last page's furniture is always laid out: keep-with-next.ts reads the end of a
      // layout pass from its footer node, which pdfmake lists only when it lays it out.
      const key = pageIndex === l - 1 ? undefined : keyOf(this, node, sizes);
      const lastBuild = key === undefined ? undefined : this[FURNITURE];
      const hash = lastBuild && KeptFurniture.hashOf(key!); // once per block: the key is long
      const kept = key === undefined ? undefined : (laidOut.get(key) ?? fromLastBuild(key, lastBuild, hash));
      const items = kept && revived(kept.json, this.docMeasure.pdfDocument);
      if (kept && items) {
        if (hash) lastBuild!.use(hash, kept.json);
        if (items[0]) blocks.set(items[0], { id: kept.id, count: items.length, hash });
        page.items.push(...items);
        continue;
      }
      if (kept) laidOut.delete(key!); // a block from the last build that does not read back: laid out again
      const before = page.items.slice();
      this.writer.beginUnbreakableBlock(sizes.width, sizes.height);
      node = this.docPreprocessor.preprocessBlock(node);
      this.processNode(this.docMeasure.measureBlock(node));
      this.writer.commitUnbreakableBlock(sizes.x, sizes.y);
      const json = key === undefined ? undefined : keep(key, before, page.items, this.docMeasure.pdfDocument, hash);
      if (json !== undefined && hash) lastBuild!.use(hash, json);
    }
  };
}

/** A kept block's items for this document; undefined when they do not read back. */
function revived(json: string, pdfDocument: PdfDocument): Page['items'] | undefined {
  try {
    const items = revive(JSON.parse(json) as CachedSegment, pdfDocument)[0];
    return Array.isArray(items) ? items : undefined;
  } catch {
    return undefined;
  }
}

/** A block the last build kept, taken into this process's memo. */
function fromLastBuild(key: string, furniture: KeptFurniture | undefined, hash: string | undefined): { json: string; id: number } | undefined {
  const json = hash === undefined ? undefined : furniture?.get(hash);
  if (json === undefined) return undefined;
  const block = { json, id: nextId++ };
  laidOut.set(key, block);
  return block;
}

/** The node, its block and the document's styles as one string; undefined for a node JSON cannot say whole (functions). */
function keyOf(builder: Builder, node: unknown, sizes: Sizes): string | undefined {
  const { styleDictionary, defaultStyle } = builder.docMeasure.styleStack;
  let styles = styleKeys.get(styleDictionary);
  if (styles === undefined) styleKeys.set(styleDictionary, (styles = JSON.stringify([styleDictionary, defaultStyle])));
  let whole = true;
  try {
    const json = JSON.stringify([node, sizes], (_key, value: unknown) => {
      if (typeof value === 'function' || typeof value === 'symbol') whole = false;
      return value;
    });
    return whole ? `${styles}\n${json}` : undefined;
  } catch {
    return undefined; // circular
  }
}

/**
 * Keeps the items the block added at the end of the page, if it added only those, and only
 * lines and vectors; returns their JSON when kept.
 */
function keep(key: string, before: Page['items'], after: Page['items'], pdfDocument: PdfDocument, hash: string | undefined): string | undefined {
  if (!before.every((item, i) => after[i] === item)) return undefined; // pdfmake put some before the page's own
  const added = after.slice(before.length);
  if (!added.every(({ type }) => type === 'line' || type === 'vector')) return undefined;
  const encoder = new ItemEncoder(facesOf(pdfDocument));
  const items = added.map((item) => encoder.item(item));
  if (!encoder.portable) return undefined;
  const block: CachedSegment = { faces: encoder.faces, styles: encoder.styles, pages: [items], positions: [] };
  const id = nextId++;
  const json = JSON.stringify(block);
  laidOut.set(key, { json, id });
  if (added[0]) blocks.set(added[0], { id, count: added.length, hash });
  return json;
}

/**
 * What a page's furniture items are, as a short string, when they are all blocks of this
 * memo (the same key, the same items): what their drawing depends on, without writing the
 * items out (segment-drawing.ts keeps furniture drawings by it). Undefined otherwise.
 */
export function furnitureKey(items: readonly object[]): string | undefined {
  const ids = blocksOf(items, (block) => block.id);
  return ids ? `#${ids.join(',')}` : undefined;
}

/**
 * The same for a drawing kept for the next build: the hashes of the blocks' keys (the ids
 * above are this process's own). Undefined unless every block has one.
 */
export function keptFurnitureKey(items: readonly object[]): string | undefined {
  return blocksOf(items, (block) => block.hash)?.join(',');
}

function blocksOf<T>(items: readonly object[], part: (block: { id: number; hash?: string | undefined }) => T | undefined): T[] | undefined {
  const parts: T[] = [];
  for (let i = 0; i < items.length; ) {
    const block = blocks.get(items[i]!);
    const value = block && part(block);
    if (value === undefined) return undefined;
    parts.push(value);
    i += block!.count;
  }
  return parts.length > 0 ? parts : undefined;
}
