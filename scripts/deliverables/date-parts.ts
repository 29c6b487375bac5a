/** A guide date's parts in the guide's language; templates decide their order ("1 December 2025"). */
export function dateParts(iso: string, language: string): { day: string; month: string; year: string } {
  const date = new Date(`${iso}T00:00:00Z`);
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(date);
  return { day: part({ day: 'numeric' }), month: part({ month: 'long' }), year: part({ year: 'numeric' }) };
}
