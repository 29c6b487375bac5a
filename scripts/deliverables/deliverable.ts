/**
 * What a deliverable is to the build: a name and a plan of outputs, each one file in
 * `out/` with the content files it depends on and a function that renders its bytes.
 * The build decides what to render (selection, cache, workers) and writes atomically.
 */
import type { Guide } from '../model/schemas.ts';
import type { TemplateSet } from '../render/template/render-template.ts';
import type { LayoutCache } from '../render/pdf/render-segmented.ts';
import type { Theme } from '../render/theme.ts';

export interface RenderContext {
  guide: Guide;
  theme: Theme;
  templates: TemplateSet;
  /** The date every output carries (SOURCE_DATE_EPOCH or the guide's date). */
  date: Date;
  /** Reports something a reader of the output should know (e.g. a shortened sheet). */
  warn(file: string, message: string): void;
  /** Facts published by the outputs this one depends on (see `Output.needs`). */
  facts: Record<string, unknown>;
  /** Publishes a fact for outputs that depend on this one (e.g. the guide's practice pages). */
  publish(name: string, value: unknown): void;
  /**
   * Where a long PDF keeps the layout of its unchanged parts for the next build
   * (out/.cache/layout; segment-plan.ts), and what else the layouts depend on (the code).
   * None when caching is off.
   */
  layoutCache?: LayoutCache;
}

export interface Output {
  /** Path relative to the output folder, with `/` separators. */
  path: string;
  /** Content files (relative paths) whose change makes this output stale. */
  sources: string[];
  /** Outputs whose published facts this one reads (rendered first); e.g. sheets need `guide.pdf`. */
  needs?: string[];
  /**
   * The part of its needs' facts this output reads, for its cache key (default: all): a sheet
   * reads its own guide page, so it is not rendered again when another practice's page moves.
   */
  readsFacts?(facts: Record<string, unknown>): unknown;
  /**
   * Facts this output publishes once laid out, before it is written (drawn, its fonts
   * subset, compressed): the outputs that need it start as soon as all of them are out,
   * beside the rest of its render (the guide's practice pages: the sheets are laid out while
   * the guide is drawn). Should its final facts differ, those outputs render again.
   */
  publishesFirst?: readonly string[];
  render(ctx: RenderContext): Promise<Uint8Array>;
}

export interface Deliverable {
  name: 'guide' | 'reports' | 'sheets';
  /** The library that writes its files: the build keeps each engine warm in one thread. */
  engine: 'pdfmake' | 'docx';
  plan(guide: Guide): Output[];
}
