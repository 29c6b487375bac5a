/**
 * Recording what a segment's body (or a running header or footer) draws on a page, as it
 * is drawn (segment-drawing.ts): runs of plain content, kept with the text state after
 * them, and the items whose drawing does more (links, bookmarks, new objects), kept as
 * items to draw again. Nothing is recorded when the state cannot be said (a gradient).
 */
import { numbering } from './kept-drawing.ts';
import type { BodyMark, Doc, DrawnPage, Item, TextState } from './segment-drawing.ts';

/** Items whose drawing may do more than write content, use fonts and opacity states: always drawn. */
function drawnLive({ type, item }: Item): boolean {
  if (type === 'vector') return Boolean(item['linearGradient']) || typeof item['color'] === 'object';
  if (type !== 'line') return true;
  if (item['_outline'] || item['_pageNodeRef'] || item['id']) return true;
  return (item['inlines'] as Array<Record<string, unknown>>).some((i) => i['link'] || i['linkToDestination'] || i['linkToPage'] || i['_pageNodeRef'] || i['fontFeatures']);
}

/**
 * What drawing an item may change in the file besides content, fonts and known opacity
 * states, as numbers, into `into` (asked before and after every item drawn: no strings or
 * copies made for it): the objects made but for font dictionaries, the opacity states,
 * the transformation and its stack, the page's annotations, and its other resources.
 */
function effects(doc: Doc, into: number[]): number[] {
  into.length = 0;
  into.push(doc._offsets.length - embeddedFonts(doc), doc._opacityCount, doc._ctmStack.length);
  for (const n of doc._ctm) into.push(n);
  into.push((doc.page.dictionary.data['Annots'] as unknown[] | undefined)?.length ?? 0);
  const resources = doc.page.resources.data;
  for (const key in resources) {
    if (key === 'Font' || key === 'ExtGState') continue;
    let count = 0;
    for (const _ in resources[key] as object) count++;
    into.push(count); // kinds of resources are only ever added: a new one lengthens the list
  }
  return into;
}

/** The document's fonts that have their dictionary (a font may be named by several families). */
function embeddedFonts(doc: Doc): number {
  let embedded = 0;
  const families = Object.values(doc._fontFamilies);
  families.forEach((font, i) => {
    if (font.dictionary != null && families.indexOf(font) === i) embedded++;
  });
  return embedded;
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function textState(doc: Doc, faceOf: BodyMark['faceOf']): TextState | undefined {
  const font = doc._font ? faceOf(doc._font) : null;
  // A colour by name, hex or numbers, with its opacity: anything else (a gradient) is not kept.
  const [colour, opacity] = Array.isArray(doc._fillColor) ? (doc._fillColor as unknown[]) : [];
  const plain = typeof colour === 'string' || (Array.isArray(colour) && colour.every((c) => typeof c === 'number'));
  if (font === undefined || (doc._fillColor !== undefined && (!plain || !['number', 'undefined'].includes(typeof opacity)))) return undefined;
  return { font, size: doc._fontSize, fill: doc._fillColor, x: doc.x, y: doc.y };
}

/** Draws the items (`draw`) and returns what they drew, as kept; undefined when it cannot be kept. */
export function record(doc: Doc, items: Item[], faceOf: BodyMark['faceOf'], draw: (item: Item) => void): DrawnPage | undefined {
  const chunks = doc.page.content.buffer;
  const steps: DrawnPage['steps'] = [];
  let run: Uint8Array[] = [];
  let keepable = true;
  const flush = () => {
    if (run.length === 0) return;
    const state = textState(doc, faceOf);
    if (!state) keepable = false;
    else steps.push([Buffer.concat(run).toString('latin1'), state]);
    run = [];
  };
  const before: number[] = [];
  const after: number[] = [];
  items.forEach((item, index) => {
    const from = chunks.length;
    const live = drawnLive(item);
    if (!live) effects(doc, before);
    draw(item);
    if (!live && same(effects(doc, after), before)) for (let i = from; i < chunks.length; i++) run.push(chunks[i]!);
    else {
      flush();
      steps.push(index);
    }
  });
  flush();
  return keepable ? numbering(doc, steps, faceOf) : undefined;
}

