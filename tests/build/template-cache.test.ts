/**
 * Compiled templates are kept on disk between runs (compile-template.ts) and revived with
 * the Handlebars runtime: the same output as compiling, a kept entry found whatever was
 * compiled before it, and one that does not read back compiled again.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileTemplate, createEnvironment } from '../../scripts/render/template/compile-template.ts';

/** The module as a new run loads it: nothing compiled in this process yet. */
async function freshRun() {
  vi.resetModules();
  return import('../../scripts/render/template/compile-template.ts');
}

const SOURCE = '# {{title}}\n\n{{#each items}}- {{inc @index}}. {{this}}\n{{/each}}';
const OTHER = 'Page {{page}} of {{pages}}';
const context = { title: 'A & B', items: ['one', 'two'] };

let cache: string;
let before: string | undefined;
beforeEach(() => {
  before = process.env['NETPES_CACHE_DIR'];
  cache = mkdtempSync(path.join(tmpdir(), 'netpes-templates-cache-'));
  process.env['NETPES_CACHE_DIR'] = cache;
});
afterEach(() => {
  if (before === undefined) delete process.env['NETPES_CACHE_DIR'];
  else process.env['NETPES_CACHE_DIR'] = before;
});

function environment() {
  const hb = createEnvironment();
  hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
  return hb;
}

const kept = () => readdirSync(path.join(cache, 'templates')).filter((f) => f.endsWith('.json'));

describe('compiled templates kept between runs', () => {
  it('renders as Handlebars.compile does, compiled or revived from the disk', () => {
    const reference = Handlebars.create();
    reference.registerHelper('inc', (n: unknown) => Number(n) + 1);
    const expected = reference.compile(SOURCE, { strict: true })(context);
    expect(expected).toContain('A &amp; B');
    expect(compileTemplate(environment(), SOURCE)(context)).toBe(expected);
    expect(kept()).toHaveLength(1);
    expect(compileTemplate(environment(), SOURCE)(context)).toBe(expected);
  });

  it('reads a kept template back (a tampered entry shows), whatever was compiled before it', async () => {
    const first = await freshRun();
    first.compileTemplate(first.createEnvironment(), OTHER);
    first.compileTemplate(first.createEnvironment(), SOURCE);
    expect(kept()).toHaveLength(2);
    // The compiler adds to the options it is given: a key must not change with what a run compiled first.
    const second = await freshRun();
    second.compileTemplate(second.createEnvironment(), SOURCE);
    expect(kept()).toHaveLength(2);
    const file = kept().map((f) => path.join(cache, 'templates', f)).find((f) => readFileSync(f, 'utf8').includes('Page '))!;
    writeFileSync(file, readFileSync(file, 'utf8').replace('Page ', 'Folio '));
    expect(compileTemplate(environment(), OTHER)({ page: 1, pages: 2 })).toBe('Folio 1 of 2');
  });

  it('compiles again an entry that does not read back', () => {
    compileTemplate(environment(), OTHER);
    const [file] = kept();
    writeFileSync(path.join(cache, 'templates', file!), JSON.stringify('not a template {'));
    expect(compileTemplate(environment(), OTHER)({ page: 3, pages: 9 })).toBe('Page 3 of 9');
  });

  it('reports a syntax error with its line, as the compiler words it', () => {
    expect(() => compileTemplate(environment(), 'line one\n{{#each items}}\nunclosed')).toThrow(/line 3|3:/);
  });
});
