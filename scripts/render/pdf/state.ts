/**
 * What the mdast→pdfmake mapping knows while it walks a tree: the theme, the model data
 * directives read, where it is (cover, area, band), the headings it has numbered into the
 * outline, and the footnotes still to print. Handlers receive it; only they change it.
 */
import type { Definition, FootnoteDefinition, Nodes } from 'mdast';
import type { Content, ContentText } from 'pdfmake/interfaces.js';
import type { LabelledRow } from './continued-rows.ts';
import { FIRST_KEPT, type KeptNode } from './keep-with-next.ts';
import { trimBottomDeep } from './util.ts';
import type { Theme } from '../theme.ts';

/** Style a phrasing node passes down: pdfmake does not inherit styles into nested text. */
export interface InlineStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  link?: string;
  linkToDestination?: string;
  decoration?: 'underline' | 'lineThrough';
  background?: string;
  sup?: boolean;
  fontSize?: number;
}

export type Handler = (node: Nodes, state: State, style: InlineStyle) => Content[];

export interface PdfOptions {
  theme: Theme;
}

/** A heading of depth 1–3: a TOC entry and an outline entry. */
export interface HeadingRecord {
  id: string;
  depth: number;
  /** Plain text, as the outline shows it. */
  text: string;
  /** The area whose band holds the heading (area headings of the guide). */
  area: string | undefined;
  /** The pdfmake node; pdfmake records where it was laid out (see page-of.ts). */
  node: ContentText;
}

export const TOC_ID = 'contents';


export class State {
  /** Area of the enclosing `:::practice` or `:::band`: tints, accents. */
  area: string | undefined;
  /** Inside `:::band`: headings take the band's text colour. */
  band: string | undefined;
  /** Inside `:::cover`: headings are the cover's title, not chapters. */
  cover = false;
  readonly headings: HeadingRecord[] = [];
  /** Labelled rows of practice tables, whose label a page they run onto sets again (continued-rows.ts). */
  readonly rows: LabelledRow[] = [];
  readonly footnotes = new Map<string, FootnoteDefinition>();
  /** Numbers by note (`noteKey`): two files' `[^1]` are different notes. */
  readonly footnoteNumbers = new Map<string, number>();
  /** Footnotes referenced since the last chapter end, printed before the next chapter. */
  pendingNotes: FootnoteDefinition[] = [];
  readonly definitions = new Map<string, Definition>();
  /** Nodes kept with what follows them, by `headlineLevel` (see keep-with-next.ts). */
  readonly kept = new Map<number, KeptNode>();
  /** Counts forced page breaks: content of different segments cannot push each other. */
  segment = 0;
  /** Outline parent id per depth (index 0 = depth 1). */
  private outlineStack: string[] = [];

  constructor(
    readonly options: PdfOptions,
    private readonly dispatch: (node: Nodes, state: State, style: InlineStyle) => Content[],
  ) {}

  get theme(): Theme {
    return this.options.theme;
  }

  /** Maps one node. */
  one(node: Nodes, style: InlineStyle = {}): Content[] {
    return this.dispatch(node, this, style);
  }

  /** Maps a node's children in order (blocks, or phrasing with the inherited style). */
  all(nodes: readonly Nodes[], style: InlineStyle = {}): Content[] {
    const result: Content[] = [];
    for (const node of nodes) {
      const mapped = this.dispatch(node, this, style);
      if (isPageBreak(mapped.at(-1))) trimBottomDeep(result);
      result.push(...mapped);
    }
    return result;
  }

  /**
   * Keeps a node with what follows it (keep-with-next.ts): it is registered, with its
   * segment, under a fresh `headlineLevel`; `minSpace` is the room, in points, it needs
   * below its start on the page.
   */
  keep<T extends { headlineLevel?: number }>(node: T, minSpace = 0, isBreak = false): T {
    node.headlineLevel = FIRST_KEPT + this.kept.size;
    this.kept.set(node.headlineLevel, { node, segment: this.segment, minSpace, ...(isBreak ? { isBreak } : {}) });
    return node;
  }

  /** A forced page break: a tiny marker that ends the segment (see keep-with-next.ts). */
  pageBreak(): Content {
    const marker: ContentText = { text: ' ', fontSize: 1, lineHeight: 1, pageBreak: 'after' };
    this.keep(marker, 0, true);
    this.segment++;
    return marker;
  }

  /** Registers a heading of depth 1–3 and returns its id and outline parent. */
  addHeading(depth: number, text: string, node: ContentText): { id: string; parent: string | undefined } {
    const id = `heading-${this.headings.length + 1}`;
    const parent = this.outlineStack.slice(0, depth - 1).findLast((p) => p !== undefined);
    this.outlineStack = [...this.outlineStack.slice(0, depth - 1)];
    this.outlineStack[depth - 1] = id;
    this.headings.push({ id, depth, text, area: this.band, node });
    return { id, parent };
  }

  /** The area's colours; outside any area, the theme's neutral ones. */
  colours(area = this.area): { tint: string; accent: string } {
    if (area === undefined) return { tint: this.theme.colours.tint, accent: this.theme.colours.primary };
    const colours = this.theme.areas[area];
    if (!colours) throw new Error(`area "${area}" in a template directive has no colours in theme.yaml (areas: ${Object.keys(this.theme.areas).join(', ')})`);
    return colours;
  }
}

/** A forced page break (`::pagebreak`): what comes before it must not end with a margin. */
function isPageBreak(content: Content | undefined): boolean {
  return typeof content === 'object' && content !== null && (content as { pageBreak?: string }).pageBreak === 'after';
}
