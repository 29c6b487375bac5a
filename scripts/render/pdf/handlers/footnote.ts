/**
 * Footnotes. pdfmake cannot put notes at the foot of the page they belong to, so a
 * reference is a superscript number linked to its note, and the notes referenced in a
 * chapter are printed, small and muted, at the end of that chapter.
 */
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import type { Content } from 'pdfmake/interfaces.js';
import type { Handler, State } from '../state.ts';
import { trimBottom, where } from '../util.ts';

export const footnoteReference: Handler = (node, state, style) => {
  const { identifier } = node as FootnoteReference;
  if (!state.footnotes.has(identifier)) throw new Error(`footnote [^${identifier}] has no definition${where(node)}`);
  let number = state.footnoteNumbers.get(identifier);
  if (number === undefined) {
    number = state.footnoteNumbers.size + 1;
    state.footnoteNumbers.set(identifier, number);
    state.pendingNotes.push(identifier);
  }
  return [{ text: String(number), ...style, sup: true, linkToDestination: `footnote-${identifier}` }];
};

/** Definitions are printed by `flushFootnotes`, where their chapter ends. */
export const footnoteDefinition: Handler = (node) => {
  void (node as FootnoteDefinition);
  return [];
};

export function flushFootnotes(state: State): Content[] {
  const notes = state.pendingNotes.map((identifier): Content => {
    const definition = state.footnotes.get(identifier)!;
    const number = state.footnoteNumbers.get(identifier)!;
    return {
      columns: [
        { text: String(number), width: 12, id: `footnote-${identifier}` },
        { stack: trimBottom(state.all(definition.children)), width: '*' },
      ],
      style: 'footnote',
      margin: [0, 0, 0, 3],
    };
  });
  state.pendingNotes = [];
  if (notes.length === 0) return [];
  const rule: Content = { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 0.5, lineColor: state.theme.colours.rule }], margin: [0, 12, 0, 4] };
  return [{ stack: [rule, ...notes], unbreakable: true }];
}
