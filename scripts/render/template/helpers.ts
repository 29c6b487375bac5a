/**
 * The helpers templates may call. `md` is the only way model rich text enters a document;
 * everything else is a plain string, HTML-escaped by Handlebars (entities that the Markdown
 * parser decodes back), so content can never inject markup.
 */
import type { ListItem, Root, RootContent } from 'mdast';
import type { Environment } from './compile-template.ts';
import { listSectionBlocks } from '../../model/list-section.ts';
import type { ListSection } from '../../model/schemas.ts';

export function registerHelpers(hb: Environment, slots: RootContent[][]): void {
  hb.registerHelper('md', (value: Root | ListItem | ListSection | undefined) => {
    if (!value || typeof value !== 'object') return '';
    if ('items' in value) slots.push(listSectionBlocks(value)); // scenarios, tips: list and paragraphs
    else if ('children' in value) slots.push(value.children as RootContent[]);
    else return '';
    return new hb.SafeString(`\n::slot{n=${slots.length - 1}}\n`);
  });
  hb.registerHelper('upper', (s: unknown) => String(s ?? '').toLocaleUpperCase('en'));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
  hb.registerHelper('len', (list: unknown) => (Array.isArray(list) ? list.length : 0));
  /** A value for a directive attribute: quotes and newlines would end the attribute. */
  hb.registerHelper('attr', (s: unknown) => new hb.SafeString(String(s ?? '').replace(/["\n\r]/g, (c) => (c === '"' ? '&quot;' : ' '))));
  hb.registerHelper('find', (list: unknown, key: string, value: unknown) =>
    Array.isArray(list) ? list.find((item) => item?.[key] === value) : undefined,
  );
  hb.registerHelper('filter', (list: unknown, key: string, value: unknown) =>
    Array.isArray(list) ? list.filter((item) => item?.[key] === value) : [],
  );
}
