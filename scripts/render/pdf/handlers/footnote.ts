/**
 * Footnotes. pdfmake cannot put notes at the foot of the page they belong to, so a
 * reference is a superscript number linked to its note, and the notes referenced in a
 * chapter are printed, small and muted, at the end of that chapter.
 */
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import type { Content } from 'pdfmake/interfaces.js';
import { noteKey } from '../../note-key.ts';
import type { Handler, State } from '../state.ts';
import { trimBottom } from '../util.ts';
import { where } from '../../template/attributes.ts';

export const footnoteReference: Handler = (node, state, style) => {
  const reference = node as FootnoteReference;
  // Content notes travel with their reference (resolve-references.ts); a template's own
  // notes are definitions in the rendered Markdown.
  const note = reference.data?.note ?? state.footnotes.get(reference.identifier);
  if (!note) throw new Error(`footnote [^${reference.identifier}] has no definition${where(node)}`);
  const key = noteKey(note);
  let number = state.footnoteNumbers.get(key);
  if (number === undefined) {
    number = state.footnoteNumbers.size + 1;
    state.footnoteNumbers.set(key, number);
    state.pendingNotes.push(note);
  }
  return [{ text: String(number), ...style, sup: true, linkToDestination: `footnote-${number}` }];
};

/** Definitions are printed by `flushFootnotes`, where their chapter ends. */
export const footnoteDefinition: Handler = (node) => {
  void (node as FootnoteDefinition);
  return [];
};

export function flushFootnotes(state: State): Content[] {
  const notes = state.pendingNotes.map((definition): Content => {
    const number = state.footnoteNumbers.get(noteKey(definition))!;
    return {
      columns: [
        { text: String(number), width: 12, id: `footnote-${number}` },
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
