/**
 * What a sheet reads from the render context: its practice with partner, area and guide page
 * (the guide's published `practicePages`), the guide's order, the document metadata and title,
 * the rendered body, and the footer height every sheet reserves.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RenderContext } from '../deliverable.ts';
import type { PdfMeta } from '../../render/pdf/document.ts';
import { fitConfig, SHEET_TEMPLATE, takeFitConfig } from './fit-config.ts';
import { footerReserve } from './footer-reserve.ts';
import { sheetSubject, sheetView, type Keep, type SheetSubject } from './sheet-view.ts';

/** A practice with all a sheet needs: partner, area, its guide page and its parts. */
export function sheetSubjectFor(ctx: RenderContext, practiceId: string): SheetSubject {
  const guidePage = practicePage(ctx, practiceId);
  const config = fitConfig(ctx.templates, sheetView(sheetSubject(ctx.guide, practiceId, guidePage, { top: Infinity }), {}));
  return sheetSubject(ctx.guide, practiceId, guidePage, config);
}

/** The guide page of a practice, as the guide's own layout published it. */
function practicePage(ctx: RenderContext, practiceId: string): number {
  const facts = ctx.facts['guide.pdf'] as { practicePages?: Record<string, number> } | undefined;
  const page = facts?.practicePages?.[practiceId];
  if (typeof page !== 'number') {
    throw new Error(`sheets: guide.pdf published no page for practice "${practiceId}" (fact practicePages); the sheet's guide reference needs it`);
  }
  return page;
}

/** The sheet's body: the template rendered with `keep` applied, its `::fit` line removed. */
export function bodyOf(ctx: RenderContext, subject: SheetSubject, keep: Keep): Root {
  const tree = ctx.templates.render(SHEET_TEMPLATE, sheetView(subject, keep));
  takeFitConfig(tree);
  return tree;
}

/** The footer height every sheet reserves, measured on the footer of the guide's first practice. */
export function reserveFor(ctx: RenderContext): Promise<number> {
  return footerReserve(ctx.templates, ctx.theme, meta(ctx, ''), sheetView(sheetSubjectFor(ctx, ctx.guide.practices[0]!.id), {}));
}

/** The PDF title: the practice's sheet, or all sheets (`null`). */
export function titleOf(ctx: RenderContext, subject: SheetSubject | null): string {
  const view = subject ? sheetView(subject, {}) : { guide: { title: ctx.guide.meta.title, edition: ctx.guide.meta.edition }, practice: null };
  return toString(ctx.templates.render('sheets/title', view)).trim();
}

/** PDF metadata from the guide, with the build date (identical bytes for identical content). */
export function meta(ctx: RenderContext, title: string): PdfMeta {
  const { meta: m } = ctx.guide;
  return { title, author: m.author, subject: m.subtitle, keywords: m.keywords, language: m.language, date: ctx.date };
}
