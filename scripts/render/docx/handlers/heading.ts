/**
 * `#`–`###` become Heading 1–3 (outline, navigation pane, TOC); deeper ones Heading 4. On the
 * cover, `#` is the Title and `##` the Subtitle, so the cover stays out of the outline.
 */
import { HeadingLevel, Paragraph } from 'docx';
import { paragraphOptions } from '../paragraph-options.ts';
import type { BlockHandler } from '../types.ts';

const LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
const COVER_STYLES = ['Title', 'Subtitle', 'CoverText'] as const;

export const heading: BlockHandler<'heading'> = (node, state, ctx) => {
  const { numbering: _n, style: _s, ...frame } = paragraphOptions(state, { ...ctx, numbering: undefined });
  const children = state.inlines(node.children, ctx.run);
  if (ctx.cover) {
    return [new Paragraph({ ...frame, style: COVER_STYLES[Math.min(node.depth, 3) - 1], children })];
  }
  return [new Paragraph({ ...frame, heading: LEVELS[Math.min(node.depth, 4) - 1], children })];
};
