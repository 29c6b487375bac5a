/**
 * A quick guess of how tall a sheet's blocks are at a body size, from text length alone:
 * lines = characters × average glyph width ÷ column width, line height and spacing as the
 * PDF styles set them. It only has to rank the fit levels and say where the search starts;
 * search-fit.ts scales it by what real layouts measure.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Style } from 'pdfmake/interfaces.js';
import { pdfStyles } from '../../render/pdf/styles.ts';
import type { Theme } from '../../render/theme.ts';

/** Average advance of Roboto in running English text, in em (calibrated on the 32 sheets). */
const GLYPH_EM = 0.47;
/** Roboto's ascender + descender, in em: pdfmake's line height before `lineHeight`. */
const FONT_LINE = 1.172;
/** Indent of list item text (marker and gap), and space after an item, in points. */
const LIST_INDENT = 14;
const ITEM_GAP = 3;
/** Padding and spacing of a `:::band` (band.ts), in points. */
const BAND_EXTRA = 26;

export function estimateHeight(blocks: readonly RootContent[], theme: Theme, width: number): number {
  const { styles } = pdfStyles(theme);
  const after = (style: Style | undefined) => {
    const margin = style?.margin;
    return Array.isArray(margin) && margin.length === 4 ? (margin[1] as number) + (margin[3] as number) : 0;
  };
  const lines = (node: RootContent, size: number, w: number) => Math.max(1, Math.ceil((toString(node).length * size * GLYPH_EM) / w));
  const lineHeight = (size: number, factor = theme.lineHeight) => size * FONT_LINE * factor;

  let height = 0;
  for (const node of blocks) {
    if (node.type === 'heading') {
      const style = styles[`h${Math.min(node.depth, 4)}`];
      const size = style?.fontSize ?? theme.sizes.body;
      height += lines(node, size, width) * lineHeight(size, style?.lineHeight ?? theme.lineHeight) + after(style);
    } else if (node.type === 'list') {
      const size = theme.sizes.body;
      height += node.children.reduce((sum, item) => sum + lines(item, size, width - LIST_INDENT) * lineHeight(size) + ITEM_GAP, 0) + after(styles['list']);
    } else if (node.type === 'containerDirective') {
      const size = node.name === 'small' ? theme.sizes.small : theme.sizes.body;
      const inner = node.name === 'band' ? width - 20 : width;
      height += node.children.reduce((sum, child) => sum + lines(child, size, inner) * lineHeight(size), 0) + (node.name === 'band' ? BAND_EXTRA : 6);
    } else if (node.type !== 'definition' && node.type !== 'leafDirective') {
      height += lines(node, theme.sizes.body, width) * lineHeight(theme.sizes.body) + after(styles['paragraph']);
    }
  }
  return height;
}
