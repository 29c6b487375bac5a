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

/** What drawing an item may change in the file besides content, fonts and known opacity states. */
function effects(doc: Doc): string {
  const fonts = new Set(Object.values(doc._fontFamilies));
  const embedded = [...fonts].filter((f) => f.dictionary != null).length;
  const { Font: _fonts, ExtGState: _states, ...resources } = doc.page.resources.data;
  const other = Object.entries(resources).map(([k, v]) => `${k}:${Object.keys(v as object).length}`);
  const annotations = (doc.page.dictionary.data['Annots'] as unknown[] | undefined)?.length ?? 0;
  return [doc._offsets.length - embedded, doc._opacityCount, doc._ctm.join(), doc._ctmStack.length, annotations, ...other].join('|');
}

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
  items.forEach((item, index) => {
    const from = chunks.length;
    const before = drawnLive(item) ? undefined : effects(doc);
    draw(item);
    if (before !== undefined && effects(doc) === before) run.push(...chunks.slice(from));
    else {
      flush();
      steps.push(index);
    }
  });
  flush();
  return keepable ? numbering(doc, steps, faceOf) : undefined;
}

