/** Which partners a piece of text names, through each partner's name forms. */
import type { Partner } from './schemas.ts';

const patterns = new Map<string, RegExp>();

export function partnersNamedIn(text: string, partners: readonly Partner[]): string[] {
  // The form as a substring first: most forms are absent from most texts, and the whole-word
  // test (a Unicode-aware regular expression) cost ~25 ms of every load.
  return partners.filter((p) => [p.name, p.shortName, ...p.aliases].some((form) => text.includes(form) && pattern(form).test(text))).map((p) => p.id);
}

/** A whole-word match of the form; compiled once per form (they are few, the texts many). */
function pattern(form: string): RegExp {
  let re = patterns.get(form);
  if (!re) {
    const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u');
    patterns.set(form, re);
  }
  return re;
}
