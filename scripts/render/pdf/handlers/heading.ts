/**
 * Headings. Depth 1–3 are numbered sections: each gets an id, a TOC entry (page number,
 * clickable) and an outline entry nested under the last heading of a lower depth. Every
 * heading is kept with what follows it (keep-with-next.ts), so none is left alone at the
 * bottom of a page. Chapter-level notes print before a new chapter; inside a band the
 * heading takes the band's text colour (and the band, a table, stays whole).
 */
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Content, ContentText } from 'pdfmake/interfaces.js';
import { TOC_ID, type Handler } from '../state.ts';
import { flushFootnotes } from './footnote.ts';

/** Left indent of TOC entries by depth. */
const TOC_INDENT = [0, 14, 28];

export const heading: Handler = (node, state, style) => {
  const { depth, children } = node as Heading;
  const text = state.all(children, style);
  if (state.cover) return [{ text, style: depth === 1 ? 'coverTitle' : 'coverSubtitle' }];

  const level = Math.min(depth, 4);
  const result: ContentText = { text, style: `h${level}` };
  if (state.band) result.color = state.theme.colours.onPrimary;
  if (depth <= 3) {
    const plain = toString(node).replace(/\s+/g, ' ').trim();
    const { id, parent } = state.addHeading(depth, plain, result);
    Object.assign(result, {
      id,
      tocItem: TOC_ID,
      tocStyle: `toc${depth}`,
      tocNumberStyle: `toc${depth}`,
      tocMargin: [TOC_INDENT[depth - 1]!, depth === 1 ? 6 : 1.5, 0, 1.5],
      outline: true,
      outlineText: plain,
      ...(parent ? { outlineParentId: parent } : {}),
    });
  }
  if (!state.band) state.keep(result, state.theme.pdf.keepHeading);
  const notes: Content[] = depth === 1 ? flushFootnotes(state) : [];
  return [...notes, result];
};
