/** Which partners a piece of text names, through each partner's name forms. */
import type { Partner } from './schemas.ts';

export function partnersNamedIn(text: string, partners: readonly Partner[]): string[] {
  return partners
    .filter((p) => [p.name, p.shortName, ...p.aliases].some((form) => mentions(text, form)))
    .map((p) => p.id);
}

function mentions(text: string, form: string): boolean {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}
