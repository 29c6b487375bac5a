/** A practice file → the model's practice: its seven sections, scenario/tip lists, examples. */
import type { Root } from 'mdast';
import type { Entry } from '../load/read-entry.ts';
import type { Diagnostics } from '../validate/diagnostics.ts';
import { readAttributed } from './attributed.ts';
import type { PracticeFrontmatter } from './frontmatter-schemas.ts';
import { arePaired, toListSection } from './list-section.ts';
import type { Practice } from './schemas.ts';
import { checkSections } from './section-rules.ts';

export const PRACTICE_SECTIONS = [
  'Description',
  'Context',
  'Key success factors',
  'Results/outcomes',
  'Areas for improvement',
  'Recommendations',
  'Examples from other partners',
] as const;

export function buildPractice(
  entry: Entry<PracticeFrontmatter>,
  data: PracticeFrontmatter,
  number: string,
  partnerIds: readonly string[],
  diagnostics: Diagnostics,
): Practice {
  const file = entry.file.path;
  const { byTitle } = checkSections(file, entry.body, { required: PRACTICE_SECTIONS }, diagnostics);
  const content = (title: (typeof PRACTICE_SECTIONS)[number]): Root => byTitle.get(title)?.content ?? { type: 'root', children: [] };
  const scenarios = toListSection(content('Areas for improvement'));
  const tips = toListSection(content('Recommendations'));
  const examples = readAttributed(
    content('Examples from other partners'),
    { file, section: 'Examples from other partners', partnerIds, forbidden: data.partner },
    diagnostics,
  );
  return {
    ...data,
    file,
    number,
    description: content('Description'),
    context: content('Context'),
    keySuccessFactors: content('Key success factors'),
    results: content('Results/outcomes'),
    scenarios,
    tips,
    paired: arePaired(scenarios, tips),
    examples,
    summaries: Object.fromEntries(entry.frontmatterMarkdown.map(({ path, tree }) => [path.at(-1)!, tree])),
  };
}
