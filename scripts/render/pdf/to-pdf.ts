/**
 * mdast → pdfmake content: the one mapping every PDF deliverable shares. A template's
 * tree (GFM plus the directives of docs/directives.md) goes in; pdfmake nodes come out,
 * with the headings that became TOC and outline entries (for running headers).
 *   1. collect link and footnote definitions (they may come after their use);
 *   2. map each node with its handler from the registry;
 *   3. print the footnotes still pending at the end.
 */
import type { Nodes, Root } from 'mdast';
import type { Content } from 'pdfmake/interfaces.js';
import type { LabelledRow } from './continued-rows.ts';
import { flushFootnotes } from './handlers/footnote.ts';
import type { KeptNode } from './keep-with-next.ts';
import { directiveHandlers, nodeHandlers } from './handlers/registry.ts';
import { State, type HeadingRecord, type InlineStyle, type PdfOptions } from './state.ts';
import { where } from '../template/attributes.ts';

export interface PdfContent {
  content: Content[];
  /** Headings that became TOC and outline entries, in order. */
  headings: HeadingRecord[];
  /** Nodes kept with what follows them: pass to `pdfDocument`. */
  kept: ReadonlyMap<number, KeptNode>;
  /** Labelled practice-table rows, for labels on the pages they continue onto. */
  rows: LabelledRow[];
}

export function mdastToPdf(tree: Root, options: PdfOptions): PdfContent {
  const state = new State(options, dispatch);
  collectDefinitions(tree, state);
  const content = [...state.all(tree.children), ...flushFootnotes(state)];
  return { content, headings: state.headings, kept: state.kept, rows: state.rows };
}

function dispatch(node: Nodes, state: State, style: InlineStyle): Content[] {
  const isDirective = node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective';
  const handler = isDirective ? directiveHandlers[node.name] : nodeHandlers[node.type];
  if (!handler) {
    const what = isDirective ? `directive "${node.name}" (${node.type})` : `mdast node type "${node.type}"`;
    throw new Error(`the PDF backend has no handler for ${what}${where(node)}; add one to scripts/render/pdf/handlers/registry.ts`);
  }
  return handler(node, state, style);
}

function collectDefinitions(node: Nodes, state: State): void {
  if (node.type === 'definition') state.definitions.set(node.identifier, node);
  else if (node.type === 'footnoteDefinition') state.footnotes.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, state);
}
