/**
 * What one partner's report shows, selected from the model: its own practices, the other
 * partners' practices it gave an example to, its own strength in each transversal topic
 * (never the other partners'), the common improvements with those naming it marked, and
 * the areas' lessons. Only selection happens here; every word printed comes from the
 * templates or the content.
 */
import type { List, ListItem, PhrasingContent, Root } from 'mdast';
import type { Area, Guide, Partner, Practice, Topic } from '../../model/schemas.ts';
import { dateParts } from '../date-parts.ts';

/** Chapters quoted by the links section: the video pills' introduction, the sentence on feedback reports. */
export const QUOTED_CHAPTERS = { videoPills: 'video-pills', transversal: 'transversal' } as const;
const FEEDBACK_REPORTS_SECTION = 'Feedback reports';

export function reportContext(guide: Guide, partner: Partner, mark: PhrasingContent[]) {
  const partnerOf = (id: string) => guide.partners.find((p) => p.id === id)!;
  const areaOf = (id: string) => guide.areas.find((a) => a.id === id)!;
  const chapter = (id: string) => guide.chapters.find((c) => c.id === id);
  const empty: Root = { type: 'root', children: [] };
  return {
    guide: {
      ...guide.meta,
      date: dateParts(guide.meta.date, guide.meta.language),
      practiceCount: guide.practices.length,
      partnerCount: guide.partners.length,
    },
    partner,
    practices: guide.practices.filter((p) => p.partner === partner.id).map((p) => ({
      ...practiceView(p, areaOf(p.area)),
      examples: p.examples.map((e) => ({ partner: partnerOf(e.partner), content: e.content })),
    })),
    network: guide.practices.flatMap((p) => {
      const example = p.partner === partner.id ? undefined : p.examples.find((e) => e.partner === partner.id);
      return example ? [{ practice: practiceView(p, areaOf(p.area)), owner: partnerOf(p.partner), content: example.content }] : [];
    }),
    topics: guide.topics.map((t) => topicView(t, partner, mark)),
    areas: guide.areas,
    videoPills: chapter(QUOTED_CHAPTERS.videoPills)?.lead ?? empty,
    feedbackReports: chapter(QUOTED_CHAPTERS.transversal)?.sections.find((s) => s.title === FEEDBACK_REPORTS_SECTION)?.content ?? empty,
  };
}

function practiceView(p: Practice, area: Area) {
  return { ...p, heading: p.title ?? p.name, moreInfoUrl: p.moreInfoUrl ?? null, area };
}

function topicView(topic: Topic, partner: Partner, mark: PhrasingContent[]) {
  const strength = topic.strengths.find((s) => s.partner === partner.id)?.content ?? null;
  const items: ListItem[] = topic.improvements.map((i) => ({
    type: 'listItem',
    spread: false,
    children: i.partners.includes(partner.id) ? withMark(i.content, mark).children : i.content.children,
  })) as ListItem[];
  const list: List = { type: 'list', ordered: false, spread: false, children: items };
  return {
    number: topic.number,
    title: topic.title,
    commonPoints: topic.commonPoints,
    strength,
    improvements: { type: 'root', children: items.length ? [list] : [] } satisfies Root,
    namedIn: topic.improvements.filter((i) => i.partners.includes(partner.id)).length,
  };
}

/** The improvement with the mark appended to its last paragraph (copies; the model is not touched). */
function withMark(content: Root, mark: PhrasingContent[]): Root {
  const children = [...content.children];
  const last = children.at(-1);
  if (last?.type === 'paragraph') {
    children[children.length - 1] = { ...last, children: [...last.children, { type: 'text', value: ' ' }, ...mark] };
  } else {
    children.push({ type: 'paragraph', children: mark });
  }
  return { type: 'root', children };
}

