/** `::toc{title="Contents"}`: the table of contents (page numbers, clickable entries). */
import type { Handler } from '../state.ts';
import { TOC_ID } from '../state.ts';
import { attribute } from '../../template/attributes.ts';

export const toc: Handler = (node) => {
  const title = attribute(node, 'title', true);
  return [
    { text: title, style: 'h1', id: `${TOC_ID}-title`, outline: true, outlineText: title },
    { toc: { id: TOC_ID } },
  ];
};
