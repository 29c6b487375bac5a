/**
 * The guide's template context: the model plus what the templates cannot look up or
 * compose themselves (the partner of a practice, a glossary entry run in as one paragraph, each chapter's template name). Wording stays
 * in the templates; this only joins data.
 */
import type { List, PhrasingContent, Root } from 'mdast';
import type { Example, GlossaryTerm, Guide, Partner, Practice } from '../../model/schemas.ts';
import { dateParts } from '../date-parts.ts';

export type PracticeView = Practice & { heading: string; owner: Partner; examples: Array<Example & { partnerName: string }> };

export function guideView(guide: Guide) {
  const partner = (id: string): Partner => {
    const found = guide.partners.find((p) => p.id === id);
    if (!found) throw new Error(`partner "${id}" is not in the model`);
    return found;
  };
  const attributed = (examples: readonly Example[]) => examples.map((e) => ({ ...e, partnerName: partner(e.partner).name }));
  const practices: PracticeView[] = guide.practices.map((p) => ({
    ...p,
    heading: p.title ?? p.name,
    owner: partner(p.partner),
    examples: attributed(p.examples),
  }));
  return {
    meta: { ...guide.meta, dateParts: dateParts(guide.meta.date, guide.meta.language) },
    partners: guide.partners,
    practices,
    areas: guide.areas.map((a) => ({ ...a, practices: practices.filter((p) => p.area === a.id) })),
    topics: guide.topics.map((t) => ({
      ...t,
      strengths: attributed(t.strengths),
      // The strengths open with the partner's name, as in the source: a list, no extra label.
      strengthsList: bulletList(t.strengths.map((s) => s.content)),
      improvementsList: bulletList(t.improvements.map((i) => i.content)),
    })),
    chapters: guide.chapters.map((c) => ({ ...c, template: `guide/chapters/${c.id}` })),
    glossary: guide.glossary.map((term) => ({ ...term, entry: runIn(term) })),
  };
}

export type GuideView = ReturnType<typeof guideView>;


function bulletList(items: readonly Root[]): Root {
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((r) => ({ type: 'listItem', spread: false, children: r.children as List['children'][number]['children'] })),
  };
  return { type: 'root', children: items.length ? [list] : [] };
}

/**
 * "**ALMP-measures**: Active Labour …" — the term in bold, its separator, then the first
 * paragraph of the definition on the same line; `:` hugs the term, a dash is spaced, and
 * an empty separator runs the term into the sentence ("LAB is a way …").
 */
function runIn(term: GlossaryTerm): Root {
  const joint = term.separator === ':' ? ': ' : term.separator ? ` ${term.separator} ` : ' ';
  const prefix: PhrasingContent[] = [
    { type: 'strong', children: [{ type: 'text', value: term.term }] },
    { type: 'text', value: joint },
  ];
  const [first, ...rest] = term.definition.children;
  if (first?.type === 'paragraph') return { type: 'root', children: [{ ...first, children: [...prefix, ...first.children] }, ...rest] };
  return { type: 'root', children: [{ type: 'paragraph', children: prefix }, ...term.definition.children] };
}
