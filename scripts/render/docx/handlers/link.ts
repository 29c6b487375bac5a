/** Links become external hyperlinks (a relationship each), styled with Word's Hyperlink style. */
import { ExternalHyperlink } from 'docx';
import type { Inline, InlineHandler, DocxState, RunFormat } from '../types.ts';
import type { PhrasingContent } from 'mdast';

export const link: InlineHandler<'link'> = (node, state, run) => [hyperlink(node.url, node.children, state, run)];

export function hyperlink(url: string, children: readonly PhrasingContent[], state: DocxState, run: RunFormat): Inline {
  return new ExternalHyperlink({ link: url, children: state.inlines(children, { ...run, style: 'Hyperlink' }) });
}
