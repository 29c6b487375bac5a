/**
 * What a sheet's template sees: the practice, its partner and area, the guide page, the QR
 * target, and each part of the sheet as mdast with the units fitting keeps of it. Wording
 * stays in templates/sheets/; this only selects and joins data.
 *   - a part is the practice's section, or its `sheetSummary` text when the editor gave one;
 *   - recommendations are the first `top` tips (the template's `::fit`);
 *   - the results' figures are made strong (emphasise-figures.ts).
 */
import type { List, Root } from 'mdast';
import type { Area, Guide, Partner, Practice } from '../../model/schemas.ts';
import { emphasiseFigures } from './emphasise-figures.ts';
import { PARTS, type FitConfig, type Part } from './fit-config.ts';
import { countUnits, keepUnits } from './shorten-section.ts';

/** A part before fitting: its full text and how many units it has. */
export interface PartSource {
  root: Root;
  units: number;
  /** The text is the editor's `sheetSummary`, not the section. */
  summarised: boolean;
  /** List items the sheet never shows (recommendations beyond `top`). */
  hidden: number;
}

export type PartSources = Record<Part, PartSource>;

/** Units kept of each part; a part not named is kept whole. */
export type Keep = Partial<Record<Part, number>>;

/** Everything about one practice a sheet needs, resolved once. */
export interface SheetSubject {
  guide: Guide;
  practice: Practice;
  partner: Partner;
  area: Area;
  /** Page of the guide where the practice starts. */
  guidePage: number;
  parts: PartSources;
}

export function sheetSubject(guide: Guide, practiceId: string, guidePage: number, config: Pick<FitConfig, 'top'>): SheetSubject {
  const practice = guide.practices.find((p) => p.id === practiceId);
  if (!practice) throw new Error(`sheets: no practice "${practiceId}" in the model`);
  const partner = guide.partners.find((p) => p.id === practice.partner);
  const area = guide.areas.find((a) => a.id === practice.area);
  if (!partner || !area) throw new Error(`sheets: practice "${practiceId}" names a partner or area that is not in the model`);
  return { guide, practice, partner, area, guidePage, parts: partSources(practice, config.top) };
}

function partSources(practice: Practice, top: number): PartSources {
  const tips = practice.tips;
  const list: List = { type: 'list', ordered: tips.ordered, start: 1, spread: false, children: tips.items.slice(0, top) };
  const sections: Record<Part, Root> = {
    description: practice.description,
    context: practice.context,
    keySuccessFactors: practice.keySuccessFactors,
    results: practice.results,
    recommendations: { type: 'root', children: tips.items.length ? [list] : [] },
  };
  const entries = PARTS.map((part): [Part, PartSource] => {
    const summary = practice.summaries[part];
    const root = summary ?? sections[part];
    const hidden = part === 'recommendations' && !summary ? Math.max(0, tips.items.length - top) : 0;
    return [part, { root, units: countUnits(root), summarised: Boolean(summary), hidden }];
  });
  return Object.fromEntries(entries) as PartSources;
}

/** The template context of a sheet with `keep` applied. */
export function sheetView(subject: SheetSubject, keep: Keep) {
  const { guide, practice, partner, area, guidePage, parts } = subject;
  const part = (name: Part) => {
    const source = parts[name];
    const kept = keep[name];
    const cut = kept !== undefined && kept < source.units;
    const root = cut ? keepUnits(source.root, kept) : source.root;
    const dropped = cut && name === 'recommendations' && !source.summarised ? source.units - kept : 0;
    return {
      content: name === 'results' ? emphasiseFigures(root) : root,
      shortened: cut || source.summarised,
      more: source.hidden + dropped,
    };
  };
  return {
    guide: { title: guide.meta.title, edition: guide.meta.edition },
    area: { id: area.id, number: area.number, sectionNumber: area.sectionNumber, title: area.title },
    practice: { id: practice.id, number: practice.number, name: practice.name, moreInfoUrl: practice.moreInfoUrl ?? null },
    partner: { name: partner.name, shortName: partner.shortName, country: partner.country, region: partner.region },
    guidePage,
    qr: qrTarget(practice.moreInfoUrl ?? partner.website, !practice.moreInfoUrl),
    description: part('description'),
    context: part('context'),
    keySuccessFactors: part('keySuccessFactors'),
    results: part('results'),
    recommendations: part('recommendations'),
  };
}

export type SheetView = ReturnType<typeof sheetView>;

/** Longest link text a footer shows; the QR code and the link carry the whole URL. */
const SHOWN_URL = 64;

/** The QR code's target and its link as printed: without the scheme, shortened at a "/" when long. */
function qrTarget(url: string, partnerSite: boolean) {
  let shown = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  if (shown.length > SHOWN_URL) {
    const slash = shown.lastIndexOf('/', SHOWN_URL - 1);
    shown = `${shown.slice(0, slash > shown.indexOf('/') ? slash + 1 : SHOWN_URL - 1)}…`;
  }
  const link: Root = {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', value: shown }] }] }],
  };
  return { url, partnerSite, link };
}
