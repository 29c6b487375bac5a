/**
 * Every mdast node type and every template directive the PDF backend maps, with its
 * handler. A node type or directive missing here is an internal error that names it.
 */
import type { Handler } from '../state.ts';
import { band } from './band.ts';
import { blockquote } from './blockquote.ts';
import { hardBreak } from './break.ts';
import { code } from './code.ts';
import { cover } from './cover.ts';
import { definition } from './definition.ts';
import { strikethrough } from './delete.ts';
import { emphasis } from './emphasis.ts';
import { example } from './example.ts';
import { footnoteDefinition, footnoteReference } from './footnote.ts';
import { heading } from './heading.ts';
import { inlineCode } from './inline-code.ts';
import { link, linkReference } from './link.ts';
import { listItem } from './list-item.ts';
import { list } from './list.ts';
import { pagebreak } from './pagebreak.ts';
import { paragraph } from './paragraph.ts';
import { practice } from './practice.ts';
import { qr } from './qr.ts';
import { qrBeside } from './qr-beside.ts';
import { row } from './row.ts';
import { scenariosTips } from './scenarios-tips.ts';
import { small } from './small.ts';
import { compact } from './compact.ts';
import { strong } from './strong.ts';
import { table } from './table.ts';
import { text } from './text.ts';
import { thematicBreak } from './thematic-break.ts';
import { toc } from './toc.ts';

/** mdast node types (GFM). */
export const nodeHandlers: Record<string, Handler> = {
  paragraph,
  heading,
  text,
  emphasis,
  strong,
  delete: strikethrough,
  inlineCode,
  break: hardBreak,
  link,
  linkReference,
  definition,
  list,
  listItem,
  table,
  footnoteReference,
  footnoteDefinition,
  blockquote,
  code,
  thematicBreak,
};

/** Directives of docs/directives.md, by name (container, leaf or text alike). */
export const directiveHandlers: Record<string, Handler> = {
  cover,
  toc,
  pagebreak,
  practice,
  row,
  'scenarios-tips': scenariosTips,
  example,
  qr,
  'qr-beside': qrBeside,
  band,
  small,
  compact,
};
