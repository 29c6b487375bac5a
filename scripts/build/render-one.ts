/**
 * Renders one output by path, in whichever thread runs it: the main thread for a serial
 * build, a worker for a parallel one. Same inputs → same bytes, wherever it runs.
 */
import path from 'node:path';
import type { Deliverable, Output, RenderContext } from '../deliverables/deliverable.ts';
import type { Guide } from '../model/schemas.ts';
import type { LayoutCache } from '../render/pdf/render-segmented.ts';
import { loadTemplateSet } from '../render/template/load-template-set.ts';
import { loadTheme } from '../render/theme.ts';
import { loadDeliverables } from './deliverables.ts';
import { templatesDir } from './project-root.ts';

export { templatesDir };

export interface RenderRequest {
  path: string;
  /** Facts published by outputs this one depends on (the guide's practice pages). */
  facts: Record<string, unknown>;
  /** Where the long PDFs keep their layouts for the next build (out/.cache/layout). */
  layoutCache?: LayoutCache;
}

export interface RenderResult {
  path: string;
  bytes: Uint8Array;
  warnings: string[];
  facts: Record<string, unknown>;
  /** Render time in the thread that rendered it, in milliseconds. */
  ms: number;
}

export class Renderer {
  /** Every planned output by path, planned once per renderer (a worker renders many). */
  private outputs: Map<string, Output> | undefined;
  private shared: Omit<RenderContext, 'warn' | 'facts' | 'publish'> | undefined;

  constructor(
    private readonly guide: Guide,
    private readonly date: Date,
  ) {}

  /** Loads and runs an engine's code once, rendering nothing (render-pdf.ts `warmUpPdfmake`). */
  async warm(engine: Deliverable['engine']): Promise<void> {
    if (engine === 'pdfmake') await (await import('../render/pdf/render-pdf.ts')).warmUpPdfmake();
  }

  /** `published` hears each fact as it is published, before the render ends (`Output.publishesFirst`). */
  async render(request: RenderRequest, published?: (name: string, value: unknown) => void): Promise<RenderResult> {
    const started = performance.now();
    this.outputs ??= new Map((await loadDeliverables()).flatMap((d) => d.plan(this.guide)).map((o) => [o.path, o]));
    this.shared ??= {
      guide: this.guide,
      theme: loadTheme(path.join(templatesDir(), 'theme.yaml')),
      templates: loadTemplateSet(templatesDir()),
      date: this.date,
    };
    const output = this.outputs.get(request.path);
    if (!output) throw new Error(`no deliverable plans an output "${request.path}"`);
    const warnings: string[] = [];
    const facts: Record<string, unknown> = {};
    const ctx: RenderContext = {
      ...this.shared,
      facts: request.facts,
      ...(request.layoutCache ? { layoutCache: request.layoutCache } : {}),
      publish: (name, value) => {
        facts[name] = value;
        published?.(name, value);
      },
      warn: (file, message) => warnings.push(`${file}: warning: ${message}`),
    };
    const bytes = await output.render(ctx);
    return { path: request.path, bytes, warnings, facts, ms: Math.round(performance.now() - started) };
  }
}
