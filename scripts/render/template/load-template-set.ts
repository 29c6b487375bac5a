/** All templates of the project (every `*.md.hbs` under templates/), compiled once per build. */
import { readdirSync } from 'node:fs';
import { loadTemplates, type TemplateSet } from './render-template.ts';

export function loadTemplateSet(dir: string): TemplateSet {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md.hbs'))
    .map((f) => f.split('\\').join('/'))
    .sort();
  return loadTemplates(dir, files);
}
