/**
 * Stage 3: parsed entries → the model. Checks what joins files together (ids match file
 * names, no duplicates, references to partners and areas resolve) and derives numbering.
 * Builds as much as it can, so later checks still run and report every problem at once.
 */
import type { Entries } from '../load/load-content.ts';
import type { Entry } from '../load/read-entry.ts';
import { closest } from '../validate/closest.ts';
import type { Diagnostics } from '../validate/diagnostics.ts';
import { buildArea, buildChapter, buildGlossaryTerm, buildTopic } from './build-others.ts';
import { buildPractice } from './build-practice.ts';
import type { Guide } from './schemas.ts';

export interface BuiltModel {
  guide: Guide | undefined;
  /** Kinds of which some file could not be turned into an entity: counts of them are unknown. */
  incomplete: Set<string>;
}

export function buildModel(entries: Entries, d: Diagnostics): BuiltModel {
  const incomplete = incompleteKinds(entries);
  const guideEntry = entries.guide[0];
  if (!guideEntry) {
    d.error(
      'content/guide.md',
      undefined,
      'the guide file is missing',
      "create content/guide.md with the guide's title, date, chapters and counts (see README)",
    );
  }
  const meta = guideEntry?.data;

  const partners = unique(entries.partner, 'partner', d).map((e) => ({ ...e.data!, file: e.file.path }));
  partners.sort((a, b) => a.order - b.order);
  // Ids of files that exist but failed validation still count as known: their own errors
  // are reported once, not again at every reference to them.
  const partnerIds = [...partners.map((p) => p.id), ...brokenIds(entries.partner)];
  checkDistinct(entries.partner, 'order', 'partner', d);

  const chapterIds = meta?.chapters ?? [];
  const numberOf = (id: string) => String(chapterIds.indexOf(id) + 1);
  const overview = chapterIds.includes('overview') ? `${numberOf('overview')}.` : '';
  const transversal = chapterIds.includes('transversal') ? `${numberOf('transversal')}.` : '';

  const areaEntries = unique(entries.area, 'area', d);
  checkDistinct(entries.area, 'number', 'area', d);
  const areas = areaEntries.map((e) => buildArea(e, e.data!, `${overview}${e.data!.number}`, d)).sort((a, b) => a.number - b.number);
  const areaIds = [...areas.map((a) => a.id), ...brokenIds(entries.area)];

  const practices = unique(entries.practice, 'practice', d).flatMap((e) => {
    const data = e.data!;
    let ok = checkReference(e, 'partner', data.partner, partnerIds, d);
    ok = checkReference(e, 'area', data.area, areaIds, d) && ok;
    if (ok && e.file.folder !== data.area) {
      d.error(
        e.file.path,
        e.locate(['area']),
        `practice of area "${data.area}" sits in folder "practices/${e.file.folder}/"`,
        `move the file to content/practices/${data.area}/ or correct \`area\``,
      );
    }
    const area = areas.find((a) => a.id === data.area);
    if (ok && area) return [buildPractice(e, data, `${area.sectionNumber}.${data.order}`, partnerIds, d)];
    incomplete.add('practice');
    return [];
  });
  checkDistinctBy(entries.practice, (data) => `${data.area}/${data.order}`, 'order', 'practice of the same area', d);
  practices.sort((a, b) => areaIds.indexOf(a.area) - areaIds.indexOf(b.area) || a.order - b.order);

  const topicEntries = unique(entries.topic, 'topic', d);
  checkDistinct(entries.topic, 'order', 'transversal topic', d);
  const topics = topicEntries
    .map((e) => buildTopic(e, e.data!, `${transversal}${e.data!.order}`, partners, partnerIds, d))
    .sort((a, b) => a.order - b.order);

  const chapterEntries = unique(entries.chapter, 'chapter', d, (e) => e.file.stem);
  for (const e of chapterEntries) {
    if (!chapterIds.includes(e.data!.id) && guideEntry) {
      d.error(
        e.file.path,
        e.locate(['id']),
        `chapter "${e.data!.id}" is not listed in the guide's \`chapters\``,
        `add it to \`chapters\` in ${guideEntry.file.path}, or delete the file`,
      );
    }
  }
  chapterIds.forEach((id, i) => {
    if (!chapterEntries.some((e) => e.data!.id === id) && guideEntry) {
      d.error(
        guideEntry.file.path,
        guideEntry.locate(['chapters', i]),
        `chapter "${id}" in \`chapters\` has no file`,
        `create content/chapters/${id}.md`,
      );
    }
  });
  const chapters = chapterIds.flatMap((id, i) => {
    const e = chapterEntries.find((c) => c.data!.id === id);
    return e ? [buildChapter(e, e.data!, String(i + 1), d)] : [];
  });

  const glossary = entries.glossary
    .filter((e) => e.data)
    .map((e) => buildGlossaryTerm(e, e.data!, d))
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));

  if (!meta || !guideEntry) return { guide: undefined, incomplete };
  const guide = { meta: { ...meta, file: guideEntry.file.path }, partners, areas, practices, topics, chapters, glossary };
  return { guide, incomplete };
}

type WithId = { id: string };

function brokenIds(entries: Entry<unknown>[]): string[] {
  return entries.filter((e) => !e.data).map((e) => (typeof e.raw['id'] === 'string' ? e.raw['id'] : e.file.stem));
}

/** Kinds with a file that failed validation: their counts are unknown, so not checked. */
function incompleteKinds(entries: Entries): Set<string> {
  return new Set(
    Object.entries(entries)
      .filter(([, list]) => list.some((e) => !e.data))
      .map(([kind]) => kind),
  );
}

/** Entries with valid data whose ids match their file names and are not taken twice. */
function unique<T extends WithId>(entries: Entry<T>[], kind: string, d: Diagnostics, expected = (e: Entry<T>) => e.file.stem): Entry<T>[] {
  const byId = new Map<string, Entry<T>>();
  for (const e of entries) {
    if (!e.data) continue;
    if (e.data.id !== expected(e)) {
      d.error(
        e.file.path,
        e.locate(['id']),
        `${kind} id "${e.data.id}" does not match the file name "${e.file.stem}.md"`,
        `rename the file to ${e.data.id}.md or set \`id: ${e.file.stem}\``,
      );
    }
    const first = byId.get(e.data.id);
    if (first) {
      d.error(
        e.file.path,
        e.locate(['id']),
        `duplicate ${kind} id "${e.data.id}": also used by ${first.file.path}`,
        'give each file its own id',
      );
      continue;
    }
    byId.set(e.data.id, e);
  }
  return [...byId.values()];
}

function checkReference(e: Entry<unknown>, key: string, value: string, known: readonly string[], d: Diagnostics): boolean {
  if (known.includes(value)) return true;
  const guess = closest(value, known);
  d.error(
    e.file.path,
    e.locate([key]),
    `unknown ${key} "${value}" in \`${key}\`; expected one of: ${known.join(', ')}`,
    guess ? `did you mean "${guess}"?` : undefined,
  );
  return false;
}

function checkDistinct<T extends Record<string, unknown>>(entries: Entry<T>[], key: keyof T & string, kind: string, d: Diagnostics): void {
  checkDistinctBy(entries, (data) => String(data[key]), key, kind, d);
}

function checkDistinctBy<T>(entries: Entry<T>[], keyOf: (data: T) => string, key: string, kind: string, d: Diagnostics): void {
  const seen = new Map<string, string>();
  for (const e of entries) {
    if (!e.data) continue;
    const k = keyOf(e.data);
    const first = seen.get(k);
    if (first)
      d.error(e.file.path, e.locate([key]), `\`${key}\` ${k.split('/').at(-1)} is already used by ${first}; each ${kind} needs its own`);
    else seen.set(k, e.file.path);
  }
}
