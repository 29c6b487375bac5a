/**
 * Templates are code that designers edit: their mistakes are reported like content errors
 * (file, line, column, no stack trace), and they cannot print content unescaped.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { materialise } from '../helpers/fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

const content = materialise();

function withTemplateLine(line: string): { run: ReturnType<typeof runCli>; file: string; lineNumber: number } {
  const templates = mkdtempSync(path.join(tmpdir(), 'netpes-templates-'));
  cpSync('templates', templates, { recursive: true });
  const file = path.join(templates, 'guide', 'guide.md.hbs');
  appendFileSync(file, `\n${line}\n`);
  const lineNumber = readFileSync(file, 'utf8').split('\n').length - 1;
  const out = mkdtempSync(path.join(tmpdir(), 'netpes-out-'));
  const run = runCli(['build', '--only', 'guide', '--content', content, '--out', out], { NETPES_TEMPLATES: templates });
  return { run, file: path.relative(process.cwd(), file), lineNumber };
}

describe('template safety', () => {
  it('a missing variable is an error naming the template and line', () => {
    const { run, file, lineNumber } = withTemplateLine('{{subtitel}}');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:${lineNumber}:`);
    expect(run.stderr).toMatch(/"subtitel" not defined/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('unescaped output is refused', () => {
    const { run, file, lineNumber } = withTemplateLine('{{{meta.title}}}');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:${lineNumber}:1 error: unescaped output`);
  });

  it('prototype properties are not reachable', () => {
    const { run } = withTemplateLine('{{constructor.name}}');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not defined/);
  });

  it.each([
    ['::qr{caption="Scan me"}', 'directive "qr" needs the attribute url="…"'],
    ['::toc{titel="Contents"}', 'directive "toc" needs the attribute title="…"'],
    [':::exampel{label="x"}', 'unknown directive ":::exampel"; did you mean "example"?'],
    ['::band{area="activation"}', '"band" is a container directive: write it ":::band" … ":::"'],
    ['::qr{url="https://example.org/?a=b" captoin="x"}', 'directive "qr" has no attribute "captoin"; did you mean "caption"?'],
  ])('a directive mistake (%s) is reported at its template line, before rendering', (line, message) => {
    const { run, file, lineNumber } = withTemplateLine(line);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}:${lineNumber}:1 error: ${message}`);
    expect(run.stderr).not.toMatch(/\n\s+at |Internal error/);
  });
});

