/** The counts the guide file promises (partners, areas, practices per area …) hold. */
import type { Guide } from '../model/schemas.ts';
import type { Diagnostics } from './diagnostics.ts';

/** Which counts depend on which kinds of file: a count is not checked while one of its files is broken. */
const DEPENDS: Record<string, string[]> = {
  partners: ['partner'],
  areas: ['area'],
  practicesPerArea: ['practice', 'area'],
  practicesPerPartnerPerArea: ['practice', 'partner', 'area'],
  transversalTopics: ['topic'],
  glossaryTerms: ['glossary'],
};

export function checkCounts(
  guide: Guide,
  d: Diagnostics,
  locate: (path: string[]) => { line: number; column: number },
  incomplete: ReadonlySet<string>,
): void {
  const { counts, file } = guide.meta;
  const promise = (key: keyof typeof counts, what: string, actual: number, detail = '') => {
    if (DEPENDS[key]!.some((kind) => incomplete.has(kind))) return;
    if (actual !== counts[key]) {
      d.error(
        file,
        locate(['counts', key]),
        `the guide promises ${counts[key]} ${what} (\`counts.${key}\`) but the content has ${actual}${detail}`,
        `add or remove content, or change \`counts.${key}\``,
      );
    }
  };
  promise('partners', 'partners', guide.partners.length);
  promise('areas', 'benchlearning areas', guide.areas.length);
  for (const area of guide.areas) {
    const n = guide.practices.filter((p) => p.area === area.id).length;
    promise('practicesPerArea', 'practices per area', n, ` in area "${area.id}"`);
    for (const partner of guide.partners) {
      const m = guide.practices.filter((p) => p.area === area.id && p.partner === partner.id).length;
      promise('practicesPerPartnerPerArea', 'practices per partner and area', m, ` for partner "${partner.id}" in area "${area.id}"`);
    }
  }
  promise('transversalTopics', 'transversal topics', guide.topics.length);
  promise('glossaryTerms', 'glossary terms', guide.glossary.length);

  for (const topic of guide.topics) {
    const missing = guide.partners.filter((p) => !topic.strengths.some((s) => s.partner === p.id)).map((p) => p.id);
    if (missing.length > 0) {
      d.error(
        topic.file,
        undefined,
        `"Specific strengths" has no text for: ${missing.join(', ')}; each partner has one`,
        'add a `### <partner-id>` sub-heading with its strength',
      );
    }
  }
}
