/**
 * The one date every output carries: SOURCE_DATE_EPOCH when set (reproducible builds),
 * else the guide's own date, so the same content gives the same bytes. A malformed value is
 * refused by the command line before any build.
 */
import type { Guide } from '../model/schemas.ts';

export function buildDate(guide: Guide): Date {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${guide.meta.date}T00:00:00Z`);
}
