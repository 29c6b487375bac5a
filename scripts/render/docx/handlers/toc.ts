/**
 * `::toc{title}`: Word's TOC field over Heading 1–3, its entries written in advance (docx
 * fills them from the headings) so it is not blank before Word updates the fields, which
 * the document asks it to do on opening (`updateFields`).
 */
import { Paragraph, TableOfContents } from 'docx';
import { paragraphOptions } from '../paragraph-options.ts';
import type { DirectiveHandler } from '../types.ts';
import { attribute } from '../../template/attributes.ts';

export const toc: DirectiveHandler = (node, state, ctx) => {
  const title = attribute(node, 'title', true);
  return [
    new Paragraph({ ...paragraphOptions(state, ctx), style: 'TOCHeading', text: title }),
    new TableOfContents(title, { hyperlink: true, headingStyleRange: '1-3' }),
  ];
};
