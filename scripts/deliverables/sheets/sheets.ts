/**
 * The one-page practice sheets: `sheets/<practice-id>.pdf` for each practice and
 * `practice-sheets.pdf` with all of them in guide order, one bookmark each. A sheet cites
 * the guide page where its practice starts, so every sheet needs guide.pdf (its published
 * `practicePages`). Rendered through templates/sheets/ and the shared PDF mapping.
 */
import type { Guide, Practice } from '../../model/schemas.ts';
import type { Deliverable, Output } from '../deliverable.ts';

/** What a sheet reads: the guide's title, the practice, its partner and its area. */
function sheetSources(guide: Guide, practice: Practice): string[] {
  const partner = guide.partners.find((p) => p.id === practice.partner);
  const area = guide.areas.find((a) => a.id === practice.area);
  return [...new Set([guide.meta.file, practice.file, partner?.file, area?.file].filter((f): f is string => Boolean(f)))].sort();
}

/** The guide pages of some practices, from the facts the guide published. */
function pagesOf(facts: Record<string, unknown>, ids: string[]): unknown[] {
  const pages = (facts['guide.pdf'] as { practicePages?: Record<string, number> } | undefined)?.practicePages ?? {};
  return ids.map((id) => pages[id]);
}

const sheets: Deliverable = {
  name: 'sheets',
  engine: 'pdfmake',
  plan(guide) {
    const each = guide.practices.map(
      (practice): Output => ({
        path: `sheets/${practice.id}.pdf`,
        sources: sheetSources(guide, practice),
        needs: ['guide.pdf'],
        // Its own guide page, and the first practice's (the footer height is measured on its footer).
        readsFacts: (facts) => pagesOf(facts, [practice.id, guide.practices[0]!.id]),
        render: async (ctx) => (await import('./render-sheets.ts')).renderSheet(ctx, practice.id),
      }),
    );
    const all: Output = {
      path: 'practice-sheets.pdf',
      sources: [...new Set(guide.practices.flatMap((p) => sheetSources(guide, p)))].sort(),
      // The single sheets first: their published fits save fitting all 32 again.
      needs: ['guide.pdf', ...each.map((o) => o.path)],
      render: async (ctx) => (await import('./render-sheets.ts')).renderPracticeSheets(ctx),
    };
    return [...each, all];
  },
};

export default sheets;
