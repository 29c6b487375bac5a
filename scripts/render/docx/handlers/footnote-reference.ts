/** A GFM footnote reference becomes a Word footnote; the notes themselves are gathered in create-state. */
import { FootnoteReferenceRun } from 'docx';
import { DocxError, type InlineHandler } from '../types.ts';

export const footnoteReference: InlineHandler<'footnoteReference'> = (node, state) => {
  const id = state.footnoteId(node);
  if (id === undefined) throw new DocxError(`footnote reference [^${node.identifier}] has no definition`);
  return [new FootnoteReferenceRun(id)];
};
