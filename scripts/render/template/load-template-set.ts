/**
 * All templates of the project (every `*.md.hbs` under templates/), compiled once per build,
 * and once for as many builds as keep the same templates: watch mode rebuilds on every save,
 * and checking and compiling the templates again took ~30 ms of each rebuild, in each thread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTemplates, type TemplateSet } from './render-template.ts';

/** The last set loaded in this thread, and what it was compiled from. */
let last: { from: string; set: TemplateSet } | undefined;

export function loadTemplateSet(dir: string): TemplateSet {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md.hbs'))
    .map((f) => f.split('\\').join('/'))
    .sort();
  const sources = files.map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const from = JSON.stringify([path.resolve(dir), files, sources]);
  if (last?.from !== from) last = { from, set: loadTemplates(dir, files, sources) };
  return last.set;
}
