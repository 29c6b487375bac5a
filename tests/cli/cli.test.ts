/** The command line as users meet it: exit codes, help, messages without stack traces. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, materialise } from '../helpers/fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('netpes check', () => {
  it('accepts the valid fixture (exit 0)', () => {
    const run = runCli(['check', '--content', materialise()]);
    expect(run.stderr).toMatch(/content OK: 4 practices, 2 partners/);
    expect(run.code).toBe(0);
  });

  it('reports an unknown partner at its line and column with the known ids (exit 1, no stack trace)', () => {
    const content = materialise(path.join(FIXTURES, 'invalid', 'unknown-partner'));
    const run = runCli(['check', '--content', content]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /practices\/activation\/first-practice\.md:4:10 error: unknown partner "alpah" in `partner`; expected one of: alpha, beta/,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toMatch(/Internal error/);
  });

  it('prints every problem of a run, not just the first', () => {
    const content = materialise(path.join(FIXTURES, 'invalid', 'unknown-key'));
    const run = runCli(['check', '--content', content]);
    expect(run.stderr.match(/ error: /g)).toHaveLength(2);
    expect(run.stderr).toMatch(/2 error\(s\), 0 warning\(s\); nothing was written/);
  });

  it('emits JSON diagnostics with --json', () => {
    const content = materialise(path.join(FIXTURES, 'invalid', 'unknown-area'));
    const run = runCli(['check', '--json', '--content', content]);
    const parsed = JSON.parse(run.stdout) as { diagnostics: Array<{ line: number; column: number; message: string }> };
    expect(parsed.diagnostics[0]).toMatchObject({ line: 5, column: 7, severity: 'error' });
    expect(run.code).toBe(1);
  });

  it('uses colour only on a TTY and never with NO_COLOR', () => {
    const esc = `${String.fromCharCode(27)}[`;
    const content = materialise(path.join(FIXTURES, 'invalid', 'unknown-area'));
    const check = `node ${path.resolve('bin/netpes.js')} check --content ${content}`;
    // `script` gives the command a pseudo-terminal, as an editor's shell would.
    const onTty = (env: string) => spawnSync('script', ['-qec', `${env} ${check}`, '/dev/null'], { encoding: 'utf8' }).stdout;
    expect(onTty('NO_COLOR=')).toContain(esc);
    expect(onTty('NO_COLOR=1')).not.toContain(esc);
    expect(runCli(['check', '--content', content]).stderr).not.toContain(esc);
  });
});

describe('usage', () => {
  it('shows help with types and defaults for each command', () => {
    for (const command of ['check', 'build']) {
      const run = runCli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/--content DIR\s+string\s+.*\(default: content\)/);
    }
    expect(runCli(['build', '--help']).stdout).toMatch(/--out DIR\s+string\s+.*\(default: out\)/);
  });

  it('exits 2 on an unknown command or option', () => {
    expect(runCli(['publish']).code).toBe(2);
    const run = runCli(['check', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/netpes: Unknown option '--bogus'/);
  });

  it('exits 1 with a located message when the content folder does not exist', () => {
    const run = runCli(['check', '--content', '/nonexistent/netpes-content']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot read the content folder/);
    expect(run.stderr).not.toMatch(/guide file is missing/); // no cascade from the unreadable folder
  });
});

describe('netpes build', () => {
  it('refuses a malformed SOURCE_DATE_EPOCH (exit 2) instead of dating the outputs otherwise', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'netpes-out-'));
    const run = runCli(['build', '--content', path.join(FIXTURES, 'valid', 'content'), '--out', out], { SOURCE_DATE_EPOCH: '2025-12-01' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('SOURCE_DATE_EPOCH="2025-12-01" is not a whole number of seconds');
    expect(readdirSync(out)).toEqual([]);
  });

  it('exits 1 with a plain message when --out is a file or lies under one', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'netpes-out-')), 'a-file');
    writeFileSync(file, '');
    for (const [out, reason] of [[file, 'a file of that name is in the way of a folder (EEXIST)'], [path.join(file, 'out'), 'part of that path is a file, not a folder (ENOTDIR)']] as const) {
      const run = runCli(['build', '--content', path.join(FIXTURES, 'valid', 'content'), '--out', out, '--only', 'guide']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`netpes: cannot write ${out}: ${reason}; pass another --out`);
      expect(run.stderr).not.toMatch(/Internal error|\n\s+at /);
    }
  });

  it('prints one JSON document with --json: diagnostics, files and time', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'netpes-out-'));
    const run = runCli(['build', '--json', '--only', 'reports', '--content', materialise(), '--out', out]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { diagnostics: unknown[]; files: Array<{ path: string; rendered: boolean }>; ms: number };
    expect(report.diagnostics).toEqual([]);
    expect(report.files.map((f) => f.path)).toEqual(['reports/alpha.docx', 'reports/beta.docx']);
    expect(report.ms).toBeGreaterThan(0);
  });

  it('writes nothing when validation fails', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'netpes-out-'));
    const content = materialise(path.join(FIXTURES, 'invalid', 'missing-section'));
    const run = runCli(['build', '--content', content, '--out', out]);
    expect(run.code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(path.join(out, 'guide.pdf'))).toBe(false);
  });
});
