/** The paragraph properties a block context implies: list numbering, indent, the set-off bar, page break. */
import { BorderStyle, type IParagraphOptions } from 'docx';
import type { BlockContext, DocxState } from './types.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function paragraphOptions(state: DocxState, ctx: BlockContext): Mutable<IParagraphOptions> {
  const options: Mutable<IParagraphOptions> = {};
  if (ctx.numbering) options.numbering = ctx.numbering;
  const style = ctx.numbering ? 'ListParagraph' : ctx.paragraphStyle;
  if (style) options.style = style;
  // Numbered paragraphs take their indent from the numbering level; a plain one from its context.
  if (ctx.indent && !ctx.numbering) options.indent = { left: ctx.indent };
  if (ctx.bar) options.border = { left: { style: BorderStyle.SINGLE, size: 18, color: ctx.bar, space: 6 } };
  if (ctx.inTable) options.spacing = { before: 0, after: 80 };
  // Word ignores a page break inside a table cell: those are left to the caller (see create-state).
  else if (state.takePageBreak()) options.pageBreakBefore = true;
  return options;
}
