/**
 * Watch mode rebuilds with the templates it compiled last time, as long as they are the
 * same: a template saved with other text is compiled again, and renders the new text.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { loadTemplateSet } from '../../scripts/render/template/load-template-set.ts';

describe('the template set', () => {
  it('is compiled again only when a template changed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netpes-templates-'));
    cpSync('templates', dir, { recursive: true });
    const first = loadTemplateSet(dir);
    expect(loadTemplateSet(dir)).toBe(first);

    const footer = path.join(dir, 'guide', 'page-footer.md.hbs');
    writeFileSync(footer, readFileSync(footer, 'utf8').replace(/\n*$/, ' (draft)\n'));
    const edited = loadTemplateSet(dir);
    expect(edited).not.toBe(first);
    expect(toString(edited.render('guide/page-footer', { page: '3', pages: '9' }))).toMatch(/3.*9.*\(draft\)/);
    expect(toString(first.render('guide/page-footer', { page: '3', pages: '9' }))).not.toContain('(draft)');
    // Another folder with the very same templates is a set of its own (errors name their files).
    expect(loadTemplateSet('templates')).not.toBe(edited);
  });
});
