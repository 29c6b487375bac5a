/**
 * mdast → .docx, for every Word deliverable:
 *   1. gather definitions and footnotes, map the body through the handlers (registry.ts);
 *   2. assemble the document: theme styles, list numbering, page, running head and foot,
 *      properties and language; TOC page numbers estimated now, and updated by Word on opening;
 *   3. pack with docx, then normalise (normalise-docx.ts) so equal input gives equal bytes.
 */
import { Document, Footer, Header, Packer, Paragraph } from 'docx';
import type { Root, RootContent } from 'mdast';
import type { Theme } from '../theme.ts';
import { createState, type MappedState } from './create-state.ts';
import { normaliseDocx } from './normalise-docx.ts';
import { numbering } from './numbering.ts';
import { pageGeometry } from './page.ts';
import type { DocxFrame } from './read-frame.ts';
import { createStyles } from './styles.ts';

export interface DocxInput {
  body: Root;
  frame: DocxFrame;
  theme: Theme;
  /** BCP 47 tag of the text (the default language of every run). */
  language: string;
  /** Author (core property `creator`). */
  creator: string;
  /** Written as created/modified date. */
  date: Date;
  /**
   * Lay the pages out as Word would (docx/layout) to write the TOC's page numbers, so they
   * show in readers that never update fields (LibreOffice, previews). Costs ~1 s a report,
   * 80% of rendering, so it is off by default: Word fills them in on open (updateFields).
   * docx/layout is loaded only then: 1.7 MB of code, ~0.1 s of every thread that renders a report.
   */
  tocPageNumbers?: boolean;
}

export async function renderDocx(input: DocxInput): Promise<Uint8Array> {
  const { theme, frame } = input;
  const state = createState(input.body, theme);
  const body = state.blocks(input.body.children, { run: {} });
  state.takePageBreak(); // a page break ending the body must not reach the running head or the notes
  const { styles, externalStyles } = createStyles(theme, input.language);
  const { size, margin } = pageGeometry(theme);
  const running = (nodes: RootContent[], style: string) =>
    state.blocks(nodes, { run: {}, paragraphStyle: style }).filter((b): b is Paragraph => b instanceof Paragraph);
  const empty = () => [new Paragraph({})];

  const document = new Document({
    title: frame.title,
    subject: frame.subject,
    creator: input.creator,
    lastModifiedBy: input.creator,
    keywords: frame.keywords,
    revision: 1,
    features: { updateFields: true },
    ...(input.tocPageNumbers ? { pageNumbers: (await import('docx/layout')).estimatePageNumbers } : {}),
    styles,
    externalStyles,
    numbering,
    footnotes: footnotes(state),
    sections: [{
      properties: { titlePage: true, page: { size, margin: { ...margin, header: 400, footer: 400 } } },
      headers: {
        default: new Header({ children: running(frame.header, 'Header') }),
        first: new Header({ children: empty() }),
      },
      footers: {
        default: new Footer({ children: running(frame.footer, 'Footer') }),
        first: new Footer({ children: empty() }),
      },
      children: body,
    }],
  });
  return normaliseDocx(await compiled(document), input.date);
}

/**
 * The document's parts, unzipped: docx's `Packer` compiles them, then deflates them into a
 * zip that `normaliseDocx` would only inflate again (~15 ms of each report). Its compiler is
 * not in docx's typings; should a docx release move it, the zip is read back as before.
 */
async function compiled(document: Document): Promise<Map<string, string | Uint8Array> | Uint8Array> {
  const { compiler } = Packer as unknown as { compiler?: { compile(file: Document): unknown } };
  const parts = compiler?.compile(document);
  return parts instanceof Map ? (parts as Map<string, string | Uint8Array>) : Packer.toBuffer(document);
}

function footnotes(state: MappedState): Record<number, { children: Paragraph[] }> {
  return Object.fromEntries(state.footnotes.map(({ id, node }) => [
    id,
    { children: state.blocks(node.children, { run: {}, paragraphStyle: 'FootnoteText' }).filter((b): b is Paragraph => b instanceof Paragraph) },
  ]));
}
