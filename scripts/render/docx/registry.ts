/**
 * Every mdast node type the DOCX backend maps, and the handler that maps it: blocks become
 * paragraphs and tables, phrasing becomes runs, directives (docs/directives.md) dispatch by
 * name. A node type missing here is an internal error naming it (see create-state).
 */
import { blockquote } from './handlers/blockquote.ts';
import { band } from './handlers/band.ts';
import { breakHandler } from './handlers/break.ts';
import { cover } from './handlers/cover.ts';
import { definition } from './handlers/definition.ts';
import { deleteHandler } from './handlers/delete.ts';
import { directive, textDirective } from './handlers/directive.ts';
import { emphasis } from './handlers/emphasis.ts';
import { example } from './handlers/example.ts';
import { footnoteDefinition } from './handlers/footnote-definition.ts';
import { footnoteReference } from './handlers/footnote-reference.ts';
import { heading } from './handlers/heading.ts';
import { inlineCode } from './handlers/inline-code.ts';
import { linkReference } from './handlers/link-reference.ts';
import { link } from './handlers/link.ts';
import { listItem } from './handlers/list-item.ts';
import { list } from './handlers/list.ts';
import { page, pages } from './handlers/page-number.ts';
import { pagebreak } from './handlers/pagebreak.ts';
import { paragraph } from './handlers/paragraph.ts';
import { practice } from './handlers/practice.ts';
import { qr } from './handlers/qr.ts';
import { scenariosTips } from './handlers/scenarios-tips.ts';
import { small } from './handlers/small.ts';
import { code } from './handlers/code.ts';
import { compact } from './handlers/compact.ts';
import { strong } from './handlers/strong.ts';
import { table } from './handlers/table.ts';
import { text } from './handlers/text.ts';
import { thematicBreak } from './handlers/thematic-break.ts';
import { toc } from './handlers/toc.ts';
import type { BlockHandler, DirectiveHandler, InlineHandler, TextDirectiveHandler } from './types.ts';

type BlockHandlers = { [T in 'paragraph' | 'heading' | 'list' | 'listItem' | 'table' | 'blockquote' | 'code' | 'thematicBreak' | 'definition' | 'footnoteDefinition' | 'containerDirective' | 'leafDirective']: BlockHandler<T> };
type InlineHandlers = { [T in 'text' | 'emphasis' | 'strong' | 'delete' | 'inlineCode' | 'link' | 'linkReference' | 'break' | 'footnoteReference' | 'textDirective']: InlineHandler<T> };

export const blockHandlers: BlockHandlers = {
  paragraph,
  heading,
  list,
  listItem,
  table,
  blockquote,
  code,
  thematicBreak,
  definition,
  footnoteDefinition,
  containerDirective: directive,
  leafDirective: directive,
};

export const inlineHandlers: InlineHandlers = {
  text,
  emphasis,
  strong,
  delete: deleteHandler,
  inlineCode,
  link,
  linkReference,
  break: breakHandler,
  footnoteReference,
  textDirective,
};

/** `:::name` and `::name` directives (docs/directives.md); `:::row` is handled by its practice table. */
export const directiveHandlers: Record<string, DirectiveHandler> = {
  cover,
  toc,
  pagebreak,
  practice,
  'scenarios-tips': scenariosTips,
  example,
  qr,
  band,
  small,
  compact,
};

/** `:name` text directives: page numbers in running heads and feet. */
export const textDirectiveHandlers: Record<string, TextDirectiveHandler> = { page, pages };
