/** Areas, transversal topics, chapters and glossary terms: files → model entities. */
import { toString } from 'mdast-util-to-string';
import type { Entry } from '../load/read-entry.ts';
import type { Diagnostics } from '../validate/diagnostics.ts';
import { readAttributed } from './attributed.ts';
import type { AreaFrontmatter, ChapterFrontmatter, GlossaryFrontmatter, TopicFrontmatter } from './frontmatter-schemas.ts';
import { partnersNamedIn } from './partner-mentions.ts';
import type { Area, Chapter, GlossaryTerm, Partner, Topic } from './schemas.ts';
import { checkSections, startOf } from './section-rules.ts';
import { root, splitSections } from './sections.ts';

const EMPTY = root([]);

export function buildArea(entry: Entry<AreaFrontmatter>, data: AreaFrontmatter, sectionNumber: string, d: Diagnostics): Area {
  const { byTitle } = checkSections(entry.file.path, entry.body, { required: ['Introduction', 'Lessons learned'] }, d);
  return {
    ...data,
    file: entry.file.path,
    sectionNumber,
    introduction: byTitle.get('Introduction')?.content ?? EMPTY,
    lessons: byTitle.get('Lessons learned')?.content ?? EMPTY,
  };
}

export const TOPIC_SECTIONS = ['Common points', 'Specific strengths', 'Common areas for improvement'] as const;

export function buildTopic(
  entry: Entry<TopicFrontmatter>,
  data: TopicFrontmatter,
  number: string,
  partners: readonly Partner[],
  partnerIds: readonly string[],
  d: Diagnostics,
): Topic {
  const file = entry.file.path;
  const { lead, byTitle } = checkSections(file, entry.body, { required: TOPIC_SECTIONS, allowLead: true }, d);
  const strengths = readAttributed(
    byTitle.get('Specific strengths')?.content ?? EMPTY,
    { file, section: 'Specific strengths', partnerIds },
    d,
  );
  const improvementsSection = byTitle.get('Common areas for improvement');
  const list = improvementsSection?.content.children.find((n) => n.type === 'list');
  if (improvementsSection && !list) {
    d.error(
      file,
      startOf(improvementsSection.heading.position),
      '"Common areas for improvement" must be a Markdown list, one point per item',
    );
  }
  const improvements = (list?.type === 'list' ? list.children : []).map((item) => ({
    content: root(item.children),
    partners: partnersNamedIn(toString(item), partners),
  }));
  return {
    ...data,
    file,
    number,
    introduction: lead,
    commonPoints: byTitle.get('Common points')?.content ?? EMPTY,
    strengths,
    improvements,
  };
}

export function buildChapter(entry: Entry<ChapterFrontmatter>, data: ChapterFrontmatter, number: string, d: Diagnostics): Chapter {
  const { lead, sections } = splitSections(entry.body, 2);
  const kept = sections.filter((s) => {
    if (s.heading.depth === 2) return true;
    d.error(
      entry.file.path,
      startOf(s.heading.position),
      `level-1 heading "${s.title}" in a chapter; the chapter title comes from \`title\`, subsections are \`##\` headings`,
    );
    return false;
  });
  return {
    ...data,
    file: entry.file.path,
    number,
    lead,
    sections: kept.map((s, i) => ({ title: s.title, number: `${number}.${i + 1}`, content: s.content })),
  };
}

export function buildGlossaryTerm(entry: Entry<GlossaryFrontmatter>, data: GlossaryFrontmatter, d: Diagnostics): GlossaryTerm {
  if (entry.body.children.length === 0) {
    d.error(
      entry.file.path,
      { line: 1, column: 1 },
      `glossary term "${data.term}" has no definition`,
      'write the definition below the frontmatter',
    );
  }
  return { ...data, id: entry.file.stem, file: entry.file.path, definition: entry.body };
}
