/**
 * The shapes every DOCX handler shares: what a handler gets (the node, the document's state,
 * the context its parent sets) and what it gives back (docx blocks or runs).
 */
import type { ExternalHyperlink, FootnoteReferenceRun, NumberingDefinition, Paragraph, Table, TableOfContents, TextRun } from 'docx';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { FootnoteReference, Nodes, PhrasingContent, RootContent } from 'mdast';
import type { Theme } from '../theme.ts';

/** The list a paragraph is numbered in: a numbering reference (or a list's own definition), its level and instance. */
export interface ListFrame {
  reference: string | NumberingDefinition;
  level: number;
  instance: number;
}

/** A block of the document body; a table cell takes only paragraphs and tables. */
export type Block = Paragraph | Table | TableOfContents;
/** What phrasing content becomes inside a paragraph. */
export type Inline = TextRun | ExternalHyperlink | FootnoteReferenceRun;

/** Character formatting a parent imposes on every run below it (emphasis, a band's white text). */
export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  /** rrggbb, no '#'. */
  color?: string;
  /** Half-points, as Word counts font sizes. */
  size?: number;
  font?: string;
  /** A character style id, e.g. Hyperlink. */
  style?: string;
}

/** What a parent block tells the blocks inside it. */
export interface BlockContext {
  run: RunFormat;
  /** The list a list item belongs to; only the item's first paragraph carries the number. */
  list?: ListFrame;
  /** Numbering for the next paragraph (set by a list item for its first paragraph). */
  numbering?: ListFrame;
  /** Left indent in twips (a list item's later paragraphs, an example's text). */
  indent?: number;
  /** Colour (rrggbb) of a bar down the left of each paragraph: text set off (examples, quotes). */
  bar?: string;
  /** Paragraph style id for plain paragraphs. */
  paragraphStyle?: string;
  /** Inside the cover: headings become Title and Subtitle, not outline headings. */
  cover?: boolean;
  /** Inside a table cell: tighter spacing, and no page breaks (Word ignores them there). */
  inTable?: boolean;
}

/** Per-document state: the theme, counters and collected notes. */
export interface DocxState {
  theme: Theme;
  /** Link reference definitions of the document, by identifier. */
  definitions: Map<string, string>;
  /** The docx footnote id of a reference, numbered in order of first reference. */
  footnoteId(reference: FootnoteReference): number | undefined;
  /** A fresh numbering instance: every list restarts its numbers. */
  nextListInstance(): number;
  /** The next paragraph outside a table starts a new page. */
  requestPageBreak(): void;
  /** True once after a requested page break: the paragraph asking takes it. */
  takePageBreak(): boolean;
  blocks(nodes: readonly RootContent[], ctx: BlockContext): Block[];
  inlines(nodes: readonly PhrasingContent[], run: RunFormat): Inline[];
}

type NodeOf<T extends Nodes['type']> = Extract<Nodes, { type: T }>;
export type BlockHandler<T extends Nodes['type']> = (node: NodeOf<T>, state: DocxState, ctx: BlockContext) => Block[];
export type InlineHandler<T extends Nodes['type']> = (node: NodeOf<T>, state: DocxState, run: RunFormat) => Inline[];
export type DirectiveHandler = (node: ContainerDirective | LeafDirective, state: DocxState, ctx: BlockContext) => Block[];
export type TextDirectiveHandler = (node: TextDirective, state: DocxState, run: RunFormat) => Inline[];

/** A mistake in a template or in this backend, not in the content: the build reports it as internal. */
export class DocxError extends Error {
  constructor(message: string) {
    super(`DOCX backend: ${message}`);
    this.name = 'DocxError';
  }
}
