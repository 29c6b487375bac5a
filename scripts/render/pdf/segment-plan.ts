/**
 * Which parts of a long document can reuse their layout from the last build (see
 * segment-layout.ts for how). A segment is a run of top-level content between page breaks
 * (after a node with `pageBreak: 'after'`, such as `::pagebreak` and the guide's cover, or
 * before one with `pageBreak: 'before'`, such as each sheet of practice-sheets.pdf): it
 * starts on a fresh page, so its layout depends on its own nodes and on the styles they
 * name only. Its key hashes exactly that, with the code (`salt`). A segment whose layout is
 * cached is swapped, before pdfmake sees the definition, for a stand-in: one tiny line per
 * page it took, so everything around it (page numbers, the contents, running headers) is
 * laid out as before, and clones of its contents entries, so the contents list them.
 */
import { createHash } from 'node:crypto';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Position } from './page-of.ts';

/**
 * A cached segment that did not land or draw as before, or does not read back: the caller
 * lays the document out and draws it in full (render-segmented.ts `renderSegmented`).
 */
export class SegmentMismatch extends Error {}

/** A face as pdfmake names it: font family and `normal` | `bold` | `italics` | `bolditalics`. */
export type Face = [family: string, type: string];

/** What a segment's layout leaves for the next build. */
export interface CachedSegment {
  /** Faces in the order the segment first used them (the document's font numbering follows it). */
  faces: Face[];
  /** The words' shared fields (segment-items.ts `ItemEncoder`). */
  styles: unknown[];
  /** Each page's body items: pdfmake's positioned lines and vectors. */
  pages: unknown[][];
  /** Where each tracked node landed (`trackedIn` order), pages counted from the segment's first. */
  positions: Position[][];
}

/**
 * Where layouts are kept (a `JsonFileCache`): `get` hands out a fresh copy, which the layout
 * then takes over and changes; `set` copies (serialises) the value at once, so the items it
 * holds may be drawn afterwards.
 */
export interface SegmentStore {
  get(key: string): CachedSegment | undefined;
  set(key: string, value: CachedSegment): void;
}

export interface SegmentOptions {
  store: SegmentStore;
  /** Everything else a layout depends on: the code and package versions. */
  salt: string;
  /** Nodes whose `positions` something reads (running headers, continued rows, facts). */
  tracked: ReadonlySet<object>;
  /** What a node's `headlineLevel` stands for, as far as layout goes (keep-with-next.ts). */
  headlineLevel?: (level: number) => unknown;
}

export interface Segment {
  key: string | undefined;
  nodes: object[];
  /** Its own page breaks, as planned (keep-with-next may add or drop some while laying out). */
  breaks: { before: boolean; after: boolean };
  /** The nodes with positions to record or restore: tracked ones and contents entries. */
  marked: object[];
  cached?: CachedSegment;
  /** Cached by an earlier layout pass of the same document, not by the last build (carry-over.ts). */
  carried?: boolean;
  /** When cached: the stand-in's one line per page, and the clones of its contents entries. */
  standIn?: { lines: object[]; clones: object[] };
}

/** The segments of a definition, with the cached ones already swapped for their stand-ins. */
export function planSegments(definition: TDocumentDefinitions, options: SegmentOptions): Segment[] | undefined {
  const content = definition.content;
  if (!Array.isArray(content) || definition.background || definition.watermark) return undefined;
  const context = { styles: definition.styles ?? {}, page: JSON.stringify([definition.defaultStyle, definition.pageSize, definition.pageMargins, options.salt]) };
  const segments: Segment[] = [];
  let nodes: object[] = [];
  for (const node of content as object[]) {
    const pageBreak = (node as { pageBreak?: string }).pageBreak;
    if (pageBreak === 'before' && nodes.length > 0) {
      segments.push(segment(nodes, context, options));
      nodes = [];
    }
    nodes.push(node);
    if (pageBreak === 'after') {
      segments.push(segment(nodes, context, options));
      nodes = [];
    }
  }
  if (nodes.length > 0) segments.push(segment(nodes, context, options));
  for (const s of segments) {
    const cached = s.key === undefined ? undefined : options.store.get(s.key);
    if (isCachedSegment(cached) && cached.positions.length === s.marked.length) s.cached = cached;
  }
  (definition as { content: Content }).content = segments.flatMap((s) => (s.cached ? standIn(s, s.cached) : s.nodes)) as Content;
  return segments;
}

/**
 * The key a document of one segment (a single sheet) has as a segment: what its layout
 * depends on, hashed (`segment`). Undefined when its layout depends on more (a function, a
 * page reference) or it has page breaks of its own.
 */
export function layoutKey(definition: TDocumentDefinitions, options: Omit<SegmentOptions, 'store'>): string | undefined {
  const content = definition.content;
  if (!Array.isArray(content) || definition.background || definition.watermark) return undefined;
  if ((content as object[]).some((node) => pageBreakOf(node) !== undefined)) return undefined;
  const context = { styles: definition.styles ?? {}, page: JSON.stringify([definition.defaultStyle, definition.pageSize, definition.pageMargins, options.salt]) };
  return segment(content as object[], context, options).key;
}

/** Keys whose value names a style or a list of them. */
const STYLE_KEYS = new Set(['style', 'tocStyle', 'tocNumberStyle']);

function segment(nodes: object[], context: { styles: Record<string, unknown>; page: string }, options: Omit<SegmentOptions, 'store'>): Segment {
  let cacheable = true;
  const named = new Set<string>();
  const json = JSON.stringify(nodes, function (this: unknown, key, value: unknown) {
    // Where the segment's first page comes from (its own break before, the break after the
    // segment before it, or the start of the document) is not part of its layout: so the
    // same sheet alone and in practice-sheets.pdf has one key.
    if (key === 'pageBreak' && this === nodes[0] && value === 'before') return undefined;
    if (typeof value === 'function' || key === 'toc' || key === 'pageReference' || key === 'textReference') cacheable = false;
    if (STYLE_KEYS.has(key)) for (const name of [value].flat()) if (typeof name === 'string') named.add(name);
    if (key === 'headlineLevel' && typeof value === 'number' && options.headlineLevel) return options.headlineLevel(value);
    return value;
  });
  const breaks = { before: pageBreakOf(nodes[0]) === 'before', after: pageBreakOf(nodes[nodes.length - 1]) === 'after' };
  if (breaks.before && breaks.after) cacheable = false; // a stand-in line takes one or the other (`standIn`)
  const styles = [...named].sort().map((name) => [name, context.styles[name]]);
  const marked = trackedIn(nodes, (node) => options.tracked.has(node) || 'tocItem' in node);
  const key = cacheable ? createHash('sha256').update(context.page).update(JSON.stringify(styles)).update(json).digest('hex') : undefined;
  return { key, nodes, breaks, marked };
}

/** The shape of a cached segment (what is inside is checked as it is read back: segment-layout.ts). */
function isCachedSegment(value: unknown): value is CachedSegment {
  const v = value as Partial<CachedSegment> | undefined;
  return [v?.faces, v?.styles, v?.positions].every(Array.isArray) && Array.isArray(v?.pages) && v.pages.length > 0 && v.pages.every(Array.isArray);
}

function pageBreakOf(node: object | undefined): string | undefined {
  return (node as { pageBreak?: string } | undefined)?.pageBreak;
}

/** The tracked nodes under `roots`, depth first: the same order for the same content. */
function trackedIn(roots: readonly object[], isTracked: (node: object) => boolean): object[] {
  const found: object[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (!Array.isArray(value) && isTracked(value)) found.push(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child);
  };
  roots.forEach(visit);
  return found;
}

/** A face's first use sets its place in the font numbering; `FACES` has the stand-in's faces used in that order. */
export const FACES = Symbol('faces the stand-in stands for');

export function standIn(s: Segment, cached: CachedSegment): object[] {
  const [first] = cached.faces;
  const face = first ? { bold: first[1].startsWith('bold'), italics: first[1].endsWith('italics') } : {};
  const lines: object[] = cached.pages.map(() => ({ text: ' ', fontSize: 1, lineHeight: 1, ...face }));
  (lines[0] as { [FACES]?: Face[] })[FACES] = cached.faces;
  // Contents entries, laid out out of the flow: the contents lists them and links to their
  // ids; their positions are set from the cache (segment-layout.ts).
  const clones = s.marked
    .filter((node) => 'tocItem' in node)
    .map((node) => {
      const { text, style, id, tocItem, tocStyle, tocNumberStyle, tocMargin } = node as Record<string, unknown>;
      return { text, style, id, tocItem, tocStyle, tocNumberStyle, tocMargin, absolutePosition: { x: 0, y: 0 } };
    });
  s.standIn = { lines, clones };
  // The segment's own break, before its first page or after its last, and one between its
  // pages. The clones go with the first page's line, so they land on its page.
  const { before, after } = s.breaks;
  const count = lines.length;
  // (The very objects: segment-layout.ts reads where pdfmake put them.)
  return [{ stack: [lines[0]!, ...clones] }, ...lines.slice(1)].map((node, i) =>
    Object.assign(node, before ? { pageBreak: 'before' } : i < count - 1 || after ? { pageBreak: 'after' } : {}),
  );
}
