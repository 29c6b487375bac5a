/**
 * Fitting one sheet on one page: its levels (fit-levels.ts), an estimate of each level's
 * height (estimate-height.ts), and the search (search-fit.ts) whose every try is a real
 * layout of the sheet's own PDF (sheet-document.ts). The layout that fitted is the output.
 */
import type { RenderContext } from '../deliverable.ts';
import { layOutKept } from '../../render/pdf/render-segmented.ts';
import { layoutKey } from '../../render/pdf/segment-plan.ts';
import { runCache } from '../../write/run-cache.ts';
import { contentWidth } from '../../render/pdf/util.ts';
import { pageSize } from '../../render/theme.ts';
import { estimateHeight } from './estimate-height.ts';
import { fitConfig, PARTS } from './fit-config.ts';
import { describeCuts, fitLevels } from './fit-levels.ts';
import { FOOTER_TEMPLATE } from './footer-reserve.ts';
import { NoFitError, searchFit } from './search-fit.ts';
import { bodyOf, meta, reserveFor, titleOf } from './sheet-context.ts';
import { bottomMargin, PRACTICE_SHEETS, sheetDocument, type SheetDocument, type SheetPage } from './sheet-document.ts';
import { sheetTheme } from './sheet-theme.ts';
import { sheetView, type SheetSubject, type SheetView } from './sheet-view.ts';

/** What fitting decided for one sheet; published as the fact `sheetFit` (see out/.cache/build.json). */
export interface SheetFit {
  practice: string;
  fontSize: number;
  /** What was cut, e.g. "context: 2 of 5 sentences kept"; empty when nothing was. */
  cuts: string[];
  /**
   * Layouts made (the single-sheet PDF is the last fitting one, not one more; an overflow
   * known from an earlier run is not laid out again).
   */
  layouts: number;
  /** The level chosen, the level the first estimate pointed to, and how many levels there were. */
  level: number;
  guess: number;
  levels: number;
}

/** Fits one sheet: its levels, their estimates, and the search (each try is a layout of the real PDF). */
export async function fitSheet(ctx: RenderContext, subject: SheetSubject) {
  const config = fitConfig(ctx.templates, sheetView(subject, {}));
  const levels = fitLevels(ctx.theme, subject.parts, config.cuts);
  const reserve = await reserveFor(ctx);
  const footer = ctx.templates.render(FOOTER_TEMPLATE, sheetView(subject, {}));
  const title = titleOf(ctx, subject);
  const available = pageSize(ctx.theme)[1] - ctx.theme.page.margins[1] - bottomMargin(ctx.theme, reserve);
  const estimate = estimator(ctx, subject, levels);

  let made = 0;
  const layOut = async (index: number) => {
    const level = levels[index]!;
    const page: SheetPage = { practice: subject.practice.id, body: bodyOf(ctx, subject, level.keep), footer, fontSize: level.fontSize, area: subject.area.id };
    const doc = sheetDocument(ctx.theme, [page], meta(ctx, title), reserve);
    const known = overflowOf(ctx, doc);
    if (known.height !== undefined) return { fits: false, height: known.height, bytes: noBytes, page, definition: doc.definition };
    made++;
    // Written only if it is the one kept; then practice-sheets.pdf finds its layout and drawing.
    const laidOut = await layOutKept(doc.definition, PRACTICE_SHEETS, ctx.layoutCache, doc.tracked);
    const measured = doc.measure(0);
    if (measured.pages !== 1) known.remember(measured.height);
    // The definition is the very object pdfmake laid out: tests read its QR code from it.
    return { fits: measured.pages === 1, height: measured.height, bytes: () => laidOut.bytes(), page, definition: doc.definition };
  };

  try {
    const result = await searchFit(levels.length, estimate, available, layOut);
    const level = levels[result.index]!;
    const fit: SheetFit = {
      practice: subject.practice.id,
      fontSize: level.fontSize,
      cuts: describeCuts(level, subject.parts),
      layouts: made,
      level: result.index,
      guess: result.guess,
      levels: levels.length,
    };
    return { result: result.measure, fit };
  } catch (error) {
    if (!(error instanceof NoFitError)) throw error;
    throw new Error(`${subject.practice.file}: the practice sheet does not fit on one page even with every part cut; is the name or a heading very long?`, { cause: error });
  }
}

/**
 * The page of a sheet at a level already found to fit (published by the sheet's own output
 * as `sheetFit`): no search and no layout, for practice-sheets.pdf. Undefined when the
 * levels changed since (then the caller fits again).
 */
export function pageAtLevel(ctx: RenderContext, subject: SheetSubject, fit: SheetFit): SheetPage | undefined {
  const config = fitConfig(ctx.templates, sheetView(subject, {}));
  const levels = fitLevels(ctx.theme, subject.parts, config.cuts);
  const level = levels[fit.level];
  if (!level || levels.length !== fit.levels || level.fontSize !== fit.fontSize) return undefined;
  const footer = ctx.templates.render(FOOTER_TEMPLATE, sheetView(subject, {}));
  return { practice: subject.practice.id, body: bodyOf(ctx, subject, level.keep), footer, fontSize: level.fontSize, area: subject.area.id };
}

/**
 * Sheets that overflowed their page, kept between runs in the run cache (sheet-overflows/)
 * by their layout's key (segment-plan.ts `layoutKey`: the body, its styles, the page and
 * the code). Fitting a sheet lays out the level that fits and the one before it, to prove
 * it overflows: the same proof each run for the same content, ~30 of a cold build's ~60
 * sheet layouts. Only overflows are kept: a level that fits is laid out for its bytes anyway.
 */
function overflowOf(ctx: RenderContext, doc: SheetDocument): { height?: number; remember(height: number): void } {
  const cache = runCache<{ height: number }>('sheet-overflows');
  const key = cache.enabled && ctx.layoutCache && layoutKey(doc.definition, { salt: ctx.layoutCache.salt, tracked: doc.tracked });
  if (!key) return { remember: () => {} };
  const height = cache.get(key)?.height;
  return { ...(typeof height === 'number' ? { height } : {}), remember: (measured) => cache.set(key, { height: measured }) };
}

function noBytes(): Promise<Uint8Array> {
  throw new Error('an overflowing sheet has no bytes');
}

/**
 * Estimated body height of each level: the template's fixed parts (band, name, headings)
 * from the full sheet, plus the parts as the level keeps them. Memoised per level.
 */
function estimator(ctx: RenderContext, subject: SheetSubject, levels: ReturnType<typeof fitLevels>): (index: number) => number {
  const width = contentWidth(ctx.theme);
  const full = sheetView(subject, {});
  const fullTree = bodyOf(ctx, subject, {});
  const parts = (view: SheetView) => PARTS.flatMap((p) => view[p].content.children);
  const notes = (view: SheetView) => PARTS.filter((p) => view[p].more > 0 || view[p].shortened).length;
  const note = ctx.theme.sizes.small * 1.172 * ctx.theme.lineHeight + 6;
  const memo = new Map<number, number>();
  return (index) => {
    let height = memo.get(index);
    if (height === undefined) {
      const level = levels[index]!;
      const theme = sheetTheme(ctx.theme, level.fontSize);
      const view = sheetView(subject, level.keep);
      const fixed = estimateHeight(fullTree.children, theme, width) - estimateHeight(parts(full), theme, width) - notes(full) * note;
      height = fixed + estimateHeight(parts(view), theme, width) + notes(view) * note;
      memo.set(index, height);
    }
    return height;
  };
}
