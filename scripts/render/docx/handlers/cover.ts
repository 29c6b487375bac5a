/**
 * `:::cover`: its `#` is the Title, `##` the Subtitle, `###` cover text; set down the page
 * a little, closed by a rule in the primary colour; a page break follows.
 */
import { BorderStyle, Paragraph } from 'docx';
import type { DirectiveHandler } from '../types.ts';
import { hex } from '../units.ts';

export const cover: DirectiveHandler = (node, state, ctx) => {
  const blocks = [
    new Paragraph({ spacing: { before: 2400, after: 0 } }),
    ...state.blocks(node.children, { ...ctx, cover: true, paragraphStyle: 'CoverText' }),
    new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: hex(state.theme.colours.primary), space: 1 } } }),
  ];
  state.requestPageBreak();
  return blocks;
};
