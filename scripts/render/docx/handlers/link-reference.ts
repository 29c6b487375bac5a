/**
 * `[text][id]` resolves through the document's definitions. One without a definition keeps
 * its text: the content check has already reported a missing URL to the editor.
 */
import type { InlineHandler } from '../types.ts';
import { hyperlink } from './link.ts';

export const linkReference: InlineHandler<'linkReference'> = (node, state, run) => {
  const url = state.definitions.get(node.identifier);
  return url ? [hyperlink(url, node.children, state, run)] : state.inlines(node.children, run);
};
