/**
 * The per-document state and the two dispatchers every handler calls back into:
 * `blocks` (flow content → paragraphs/tables) and `inlines` (phrasing → runs). Link
 * definitions and footnotes are gathered first, so references resolve wherever they stand;
 * notes are numbered in order of first reference, as the PDF numbers them.
 */
import { PageBreak, Paragraph } from 'docx';
import type { FootnoteDefinition, FootnoteReference, Nodes, Root } from 'mdast';
import { noteKey } from '../note-key.ts';
import type { Theme } from '../theme.ts';
import { blockHandlers, inlineHandlers } from './registry.ts';
import { DocxError, type Block, type DocxState, type Inline } from './types.ts';

type AnyHandler<R> = (node: Nodes, state: DocxState, ctx: never) => R;

export interface MappedState extends DocxState {
  /** The footnotes' definitions in docx id order. */
  footnotes: Array<{ id: number; node: FootnoteDefinition }>;
}

export function createState(tree: Root, theme: Theme): MappedState {
  const definitions = new Map<string, string>();
  const templateNotes = new Map<string, FootnoteDefinition>(); // a template's own notes
  walk(tree, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
    if (node.type === 'footnoteDefinition') templateNotes.set(node.identifier, node);
  });
  // Content notes travel with their reference (resolve-references.ts), and may hold references too.
  const noteOf = (reference: FootnoteReference) => reference.data?.note ?? templateNotes.get(reference.identifier);
  const notes = new Map<string, { id: number; node: FootnoteDefinition }>();
  const number = (node: Nodes): void => {
    if (node.type !== 'footnoteReference') return;
    const note = noteOf(node);
    const key = note && noteKey(note);
    if (!note || !key || notes.has(key)) return;
    notes.set(key, { id: notes.size + 1, node: note });
    walk(note, number);
  };
  walk(tree, number);
  let instances = 0;
  let pageBreak = false;

  const state: MappedState = {
    theme,
    definitions,
    footnoteId: (reference) => {
      const note = noteOf(reference);
      return note && notes.get(noteKey(note))?.id;
    },
    footnotes: [...notes.values()],
    nextListInstance: () => ++instances,
    requestPageBreak: () => {
      pageBreak = true;
    },
    takePageBreak: () => {
      const taken = pageBreak;
      pageBreak = false;
      return taken;
    },
    blocks(nodes, ctx) {
      return nodes.flatMap((node) => {
        const pending = pageBreak;
        const blocks = handlerFor<Block[]>(blockHandlers, node)(node, state, ctx as never);
        // Nothing took the page break (the block starts with a table): give it a paragraph of its own.
        if (pending && pageBreak && blocks.length > 0) {
          pageBreak = false;
          return [new Paragraph({ children: [new PageBreak()] }), ...blocks];
        }
        return blocks;
      });
    },
    inlines(nodes, run) {
      return nodes.flatMap((node) => handlerFor<Inline[]>(inlineHandlers, node)(node, state, run as never));
    },
  };
  return state;
}

function handlerFor<R>(handlers: object, node: Nodes): AnyHandler<R> {
  const handler = (handlers as Record<string, AnyHandler<R> | undefined>)[node.type];
  if (!handler) {
    const where = node.position ? ` (line ${node.position.start.line})` : '';
    throw new DocxError(`no handler for mdast node type "${node.type}"${where}; add one in scripts/render/docx/handlers/ and list it in registry.ts`);
  }
  return handler;
}

function walk(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children) walk(child, fn);
}
