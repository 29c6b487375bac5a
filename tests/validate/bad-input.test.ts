/**
 * Every kind of bad input an editor (or an e-mail attachment) can produce gives a located
 * error with a hint — never a crash, a hang or a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../scripts/validate/diagnostics.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { materialise, normalisePaths } from '../helpers/fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

const PRACTICE = 'practices/activation/first-practice.md';

async function withFile(rel: string, data: string | Uint8Array | ((old: string) => string)): Promise<string[]> {
  const content = materialise();
  const file = path.join(content, rel);
  const bytes = typeof data === 'function' ? data(readFileSync(file, 'utf8')) : data;
  writeFileSync(file, bytes);
  const { diagnostics, guide } = await loadGuide(content);
  expect(guide).toBeUndefined();
  return diagnostics
    .sorted()
    .filter((d) => d.severity === 'error')
    .map((d) => normalisePaths(formatDiagnostic(d), content));
}

const at = (line: number, column: number) => `content/${PRACTICE}:${line}:${column} error: `;

describe('bad input gives located errors', () => {
  it('an empty file', async () => {
    expect((await withFile(PRACTICE, ''))[0]).toMatch(`${at(1, 1)}the file is empty`);
  });

  it('binary bytes', async () => {
    const errors = await withFile(PRACTICE, (old) => old.replace('Started in 2022', 'Started\u0000in 2022'));
    expect(errors[0]).toMatch(`${at(16, 8)}the file contains binary data`);
  });

  it('text that is not UTF-8 (Latin-1 é)', async () => {
    const latin1 = Buffer.from('---\nid: first-practice\nname: Caf\xe9\n---\n', 'latin1');
    expect((await withFile(PRACTICE, latin1))[0]).toMatch(`${at(3, 10)}the file is not valid UTF-8 (byte 0xe9)`);
  });

  it('a missing closing ---', async () => {
    expect((await withFile(PRACTICE, (old) => old.replace('\n---\n## Description', '\n## Description')))[0]).toMatch(
      `${at(1, 1)}the frontmatter is not closed`,
    );
  });

  it('YAML indented with tabs', async () => {
    expect(await withFile('guide.md', (old) => old.replace('  partners: 2', '\tpartners: 2'))).toContainEqual(
      expect.stringMatching(/^content\/guide\.md:11:1 error: YAML: Tabs are not allowed as indentation/),
    );
  });

  it('custom YAML tags', async () => {
    expect((await withFile(PRACTICE, (old) => old.replace('name: First Practice', 'name: !!js/function "x"')))[0]).toMatch(
      `${at(3, 7)}YAML: Unresolved tag`,
    );
  });

  it('YAML alias expansion bombs', async () => {
    const bomb = (old: string) => old.replace('order: 1', 'order: 1\nx: &a ["l","l","l"]\ny: &b [*a,*a,*a]\nz: [*b,*b,*b]');
    expect((await withFile(PRACTICE, bomb))[0]).toMatch(`${at(8, 8)}YAML alias *a is not allowed`);
  });

  it('a huge file (a 5 MB paragraph) is refused at once', async () => {
    const started = performance.now();
    const errors = await withFile(PRACTICE, (old) => old.replace('Started in 2022', 'x'.repeat(5_000_000)));
    expect(errors[0]).toMatch(`${at(1, 1)}the file is too large (4.8 MB)`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('raw HTML', async () => {
    expect((await withFile(PRACTICE, (old) => old.replace('Started in 2022', '<script>alert(1)</script>\n\nStarted')))[0]).toMatch(
      `${at(16, 1)}raw HTML is not allowed`,
    );
  });

  for (const [scheme, url] of [
    ['data', 'data:text/html,<b>x</b>'],
    ['file', 'file:///etc/passwd'],
    ['relative', '../../secret.md'],
  ] as const) {
    it(`a ${scheme} link`, async () => {
      const errors = await withFile(PRACTICE, (old) => old.replace('Started in 2022', `Started in [2022](${url})`));
      expect(errors[0]).toMatch(at(16, 12));
      expect(errors[0]).toMatch(/not allowed|malformed URL/);
    });
  }

  it('an image', async () => {
    expect((await withFile(PRACTICE, (old) => old.replace('Started in 2022', '![logo](https://example.org/logo.png) Started')))[0]).toMatch(
      `${at(16, 1)}images are not supported`,
    );
  });

  it('unsafe Markdown in a sheet summary, reported at its frontmatter value', async () => {
    const summary = (old: string) => old.replace('order: 1\n', 'order: 1\nsheetSummary:\n  context: "<b>Short</b> [x](javascript:alert(1))"\n');
    const errors = await withFile(PRACTICE, summary);
    expect(errors).toHaveLength(3); // two HTML tags and the link, all at the value
    for (const e of errors) expect(e.startsWith(`${at(8, 12)}\`sheetSummary.context\`: `)).toBe(true);
    expect(errors.join('\n')).toMatch(/URL scheme "javascript" is not allowed/);
    expect(errors.join('\n')).toMatch(/raw HTML is not allowed/);
  });

  it('headings nested out of order', async () => {
    expect((await withFile(PRACTICE, (old) => old.replace('Started in 2022', '#### Detail\n\nStarted')))[0]).toMatch(
      `${at(16, 1)}heading level 4 follows level 2`,
    );
  });

  it('never shows a stack trace on the command line', () => {
    const content = materialise();
    writeFileSync(path.join(content, PRACTICE), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const run = runCli(['check', '--content', content]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at |Internal error/);
  });
});
