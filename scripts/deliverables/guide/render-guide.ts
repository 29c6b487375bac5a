/**
 * The guide, from model to bytes:
 *   1. join the model into the template context (view-model.ts);
 *   2. render templates/guide/guide.md.hbs to one mdast tree;
 *   3. map it to pdfmake content (scripts/render/pdf);
 *   4. wrap it in the document: theme, metadata, running header and footer;
 *   5. lay it out, publish each practice's page (the sheets start then), and write the PDF.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { RenderContext } from '../deliverable.ts';
import { pdfDocument } from '../../render/pdf/document.ts';
import { pageOf } from '../../render/pdf/page-of.ts';
import { renderSegmented } from '../../render/pdf/render-segmented.ts';
import type { SegmentOptions } from '../../render/pdf/segment-plan.ts';
import type { HeadingRecord } from '../../render/pdf/state.ts';
import { mdastToPdf } from '../../render/pdf/to-pdf.ts';
import { pageFooter, pageHeader } from './page-furniture.ts';
import { guideView, type GuideView } from './view-model.ts';

export interface GuideDocument {
  definition: TDocumentDefinitions;
  view: GuideView;
  headings: HeadingRecord[];
  /** How the unchanged parts keep their last layout (segment-plan.ts). */
  segments: Omit<SegmentOptions, 'store' | 'salt'>;
}

export function guideDocument(ctx: RenderContext): GuideDocument {
  const view = guideView(ctx.guide);
  const tree = ctx.templates.render('guide/guide', view);
  const { content, headings, kept, rows } = mdastToPdf(tree, { theme: ctx.theme });
  const { meta } = ctx.guide;
  const definition = pdfDocument({
    theme: ctx.theme,
    meta: { title: meta.title, author: meta.author, subject: meta.subtitle, keywords: meta.keywords, language: meta.language, date: ctx.date },
    content,
    header: pageHeader(ctx, headings),
    footer: pageFooter(ctx, rows),
    kept,
  });
  const segments = {
    // What the running header, the continued rows and the practice pages read.
    tracked: new Set([...headings.map((h) => h.node), ...rows.flatMap((r) => [r.table, r.labelNode])]),
    headlineLevel: (level: number) => {
      const entry = kept.get(level);
      return entry ? [entry.minSpace, entry.isBreak ?? false] : level;
    },
  };
  return { definition, view, headings, segments };
}

export async function renderGuide(ctx: RenderContext): Promise<Uint8Array> {
  const publish = (made: GuideDocument) => ctx.publish('practicePages', practicePages(made.view, made.headings));
  return (await renderSegmented('guide', () => guideDocument(ctx), ctx.layoutCache, (doc) => doc.segments, publish)).bytes;
}

/**
 * Practice id → the page its heading landed on. A practice heading is the depth-3
 * heading whose text starts with the practice's number ("2.1.3. COUP DE BOOST …").
 */
function practicePages(view: GuideView, headings: readonly HeadingRecord[]): Record<string, number> {
  const pages: Record<string, number> = {};
  for (const practice of view.practices) {
    const heading = headings.find((h) => h.depth === 3 && h.text.startsWith(`${practice.number}. `));
    const page = heading && pageOf(heading.node);
    if (page !== undefined) pages[practice.id] = page;
  }
  return pages;
}
