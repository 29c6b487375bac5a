/**
 * The content files one partner's report is made of, so the build re-renders it exactly
 * when one of them changes: the guide, the partner, its practices, the practices it gave an
 * example to, the partners those name, the topics, the areas and the chapters it quotes.
 */
import type { Guide } from '../../model/schemas.ts';
import { QUOTED_CHAPTERS } from './report-context.ts';

export function reportSources(guide: Guide, partnerId: string): string[] {
  const own = guide.practices.filter((p) => p.partner === partnerId);
  const contributed = guide.practices.filter((p) => p.partner !== partnerId && p.examples.some((e) => e.partner === partnerId));
  const named = new Set<string>([partnerId, ...contributed.map((p) => p.partner), ...own.flatMap((p) => p.examples.map((e) => e.partner))]);
  const files = [
    guide.meta.file,
    ...guide.partners.filter((p) => named.has(p.id)).map((p) => p.file),
    ...own.map((p) => p.file),
    ...contributed.map((p) => p.file),
    ...guide.topics.map((t) => t.file),
    ...guide.areas.map((a) => a.file),
    ...guide.chapters.filter((c) => (Object.values(QUOTED_CHAPTERS) as string[]).includes(c.id)).map((c) => c.file),
  ];
  return [...new Set(files)].sort();
}
