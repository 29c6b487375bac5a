/**
 * One partner's report: 1. select what concerns the partner (report-context.ts);
 * 2. render the templates (`reports/report` for the body, `reports/frame` for running
 * heads and document properties) to mdast; 3. map it to .docx (scripts/render/docx/).
 */
import type { PhrasingContent } from 'mdast';
import type { RenderContext } from '../deliverable.ts';
import { readFrame } from '../../render/docx/read-frame.ts';
import { renderDocx } from '../../render/docx/render-docx.ts';
import { reportContext } from './report-context.ts';

export async function renderReport(ctx: RenderContext, partnerId: string): Promise<Uint8Array> {
  const guide = ctx.guide;
  const partner = guide.partners.find((p) => p.id === partnerId);
  if (!partner) throw new Error(`reports: no partner "${partnerId}" in the model`);

  const mark = inlineOf(ctx.templates.render('reports/concerns-you', { partner }));
  const context = reportContext(guide, partner, mark);
  const body = ctx.templates.render('reports/report', context);
  const frame = readFrame(ctx.templates.render('reports/frame', context));
  return renderDocx({ body, frame, theme: ctx.theme, language: guide.meta.language, creator: guide.meta.author, date: ctx.date });
}

/** The phrasing of a one-paragraph template (the "concerns you" mark). */
function inlineOf(tree: { children: unknown[] }): PhrasingContent[] {
  const first = tree.children[0] as { type?: string; children?: PhrasingContent[] } | undefined;
  return first?.type === 'paragraph' ? (first.children ?? []) : [];
}
