/**
 * The sheets, from model to bytes. For one practice:
 *   1. join the model into the template's view (sheet-view.ts), with the guide page the
 *      guide published for it (`practicePages`, from guide.pdf's layout);
 *   2. list the fit levels (fit-levels.ts) and search the first that fits on one page
 *      (search-fit.ts), each try being a real layout of the sheet's PDF (sheet-document.ts);
 *   3. keep the bytes of the layout that fitted, and warn when the sheet was shortened.
 * practice-sheets.pdf sets the 32 fitted sheets in guide order in one PDF, one bookmark each.
 */
import type { RenderContext } from '../deliverable.ts';
import type { Guide } from '../../model/schemas.ts';
import { renderSegmented } from '../../render/pdf/render-segmented.ts';
import type { TemplateSet } from '../../render/template/render-template.ts';
import { fitSheet, pageAtLevel, type SheetFit } from './fit-sheet.ts';
import { meta, reserveFor, sheetSubjectFor, titleOf } from './sheet-context.ts';
import { PRACTICE_SHEETS, sheetDocument, type SheetPage } from './sheet-document.ts';
import type { SheetSubject } from './sheet-view.ts';

/** What a thread keeps of a fit: the sheet's bytes and page, not pdfmake's laid-out definition. */
interface Fitted {
  result: { bytes: Uint8Array; page: SheetPage };
  fit: SheetFit;
}

/**
 * Sheets fitted (or being fitted) in this thread: a single sheet and practice-sheets.pdf
 * rendered by the same worker, or concurrently in the main thread, fit each sheet once.
 */
const fits = new WeakMap<TemplateSet, WeakMap<Guide, Map<string, Promise<Fitted>>>>();

export async function renderSheet(ctx: RenderContext, practiceId: string): Promise<Uint8Array> {
  const started = performance.now();
  const { subject, fitting, fresh } = fitOnce(ctx, practiceId);
  const { result, fit } = await fitting;
  if (fit.cuts.length > 0) {
    const summary = fit.cuts.map((c) => c.split(':')[0]).map((part) => `\`sheetSummary.${part}\``);
    ctx.warn(
      subject.practice.file,
      `the sheet sheets/${practiceId}.pdf was shortened to fit one page (at ${fit.fontSize} pt): ${fit.cuts.join('; ')}; ` +
        `it points to the guide, p. ${subject.guidePage}, for the full text. To choose the shorter text yourself, ` +
        `add ${summary.join(', ')} to the practice's frontmatter.`,
    );
  }
  ctx.publish('sheetFit', fit);
  debug(`${practiceId}: ${fit.fontSize} pt${fit.cuts.length ? `, cut (${fit.cuts.join('; ')})` : ''}, ${fit.layouts} layout(s), level ${fit.level} of ${fit.levels} (estimate: ${fit.guess})${fresh ? '' : ', fitted for practice-sheets.pdf'}, ${Math.round(performance.now() - started)} ms`);
  return result.bytes;
}

export async function renderPracticeSheets(ctx: RenderContext): Promise<Uint8Array> {
  const started = performance.now();
  let layouts = 0;
  const pages: SheetPage[] = [];
  let reused = 0;
  for (const practice of ctx.guide.practices) { // the model keeps them in guide order
    // The single sheets (rendered first: see `needs`) published where each one fits.
    const published = (ctx.facts[`sheets/${practice.id}.pdf`] as { sheetFit?: SheetFit } | undefined)?.sheetFit;
    const page = published && pageAtLevel(ctx, sheetSubjectFor(ctx, practice.id), published);
    if (page) {
      reused++;
      pages.push(page);
      continue;
    }
    const { fitting, fresh } = fitOnce(ctx, practice.id);
    const { result, fit } = await fitting;
    if (fresh) layouts += fit.layouts;
    pages.push(result.page);
  }
  const reserve = await reserveFor(ctx);
  // Each sheet starts a page: the sheets unchanged since the last build keep their layout.
  const { made: doc, bytes } = await renderSegmented(
    PRACTICE_SHEETS,
    () => sheetDocument(ctx.theme, pages, meta(ctx, titleOf(ctx, null)), reserve),
    ctx.layoutCache,
    (made) => ({ tracked: made.tracked }),
  );
  layouts++;
  pages.forEach((_, i) => {
    if (doc.measure(i).pages !== 1) throw new Error(`practice-sheets.pdf: sheet ${i + 1} took more than one page, though it fitted alone`);
  });
  // Not published: how many layouts this took depends on which sheets this thread had fitted before.
  debug(`practice-sheets.pdf: ${pages.length} sheets (${reused} fits reused), ${layouts} layout(s) of its own, ${Math.round(performance.now() - started)} ms`);
  return bytes;
}

/** The fit of a practice's sheet, started here (`fresh`) or earlier in this thread. */
function fitOnce(ctx: RenderContext, practiceId: string): { subject: SheetSubject; fitting: Promise<Fitted>; fresh: boolean } {
  const subject = sheetSubjectFor(ctx, practiceId);
  let byGuide = fits.get(ctx.templates);
  if (!byGuide) fits.set(ctx.templates, (byGuide = new WeakMap()));
  let sheets = byGuide.get(ctx.guide);
  if (!sheets) byGuide.set(ctx.guide, (sheets = new Map()));
  const key = `${practiceId}\0${subject.guidePage}\0${JSON.stringify(ctx.theme)}`;
  const known = sheets.get(key);
  if (known) return { subject, fitting: known, fresh: false };
  const fitting = fitSheet(ctx, subject).then(async ({ result, fit }) => ({ result: { bytes: await result.bytes(), page: result.page }, fit }));
  sheets.set(key, fitting);
  fitting.catch(() => sheets.delete(key));
  return { subject, fitting, fresh: true };
}

function debug(line: string): void {
  if (process.env['NETPES_DEBUG_SHEETS']) process.stderr.write(`sheets: ${line}\n`);
}
