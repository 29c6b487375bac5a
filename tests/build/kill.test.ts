/**
 * A build killed at any moment (SIGKILL) leaves every file in out/ either the previous
 * version or the new one, each a valid PDF or DOCX; the next build recovers (stale lock,
 * temporary files). Two builds at once into the same out/ do not interleave.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { materialise } from '../helpers/fixture.ts';
import { snapshot } from '../helpers/build.ts';
import { runCli } from '../helpers/run-cli.ts';

const env = { SOURCE_DATE_EPOCH: '1767225600' };
const content = materialise();
const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `netpes-${name}-`));
let before: Map<string, Buffer>;
let after: Map<string, Buffer>;
let out: string;

function build(outDir: string): void {
  const run = runCli(['build', '--quiet', '--content', content, '--out', outDir], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}

function killAfter(ms: number, outDir: string): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve('bin/netpes.js'), 'build', '--quiet', '--content', content, '--out', outDir], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function assertValid(file: string, bytes: Buffer): void {
  if (file.endsWith('.pdf')) {
    const copy = path.join(tmp('check'), 'file.pdf');
    writeFileSync(copy, bytes);
    const check = spawnSync('qpdf', ['--check', copy], { encoding: 'utf8' });
    expect(check.status, `${file}: ${check.stdout}${check.stderr}`).toBe(0);
  } else if (file.endsWith('.docx')) {
    expect(Object.keys(unzipSync(bytes))).toContain('word/document.xml');
  } else if (file.endsWith('.json')) {
    expect(() => JSON.parse(bytes.toString('utf8'))).not.toThrow();
  }
}

beforeAll(() => {
  out = tmp('out');
  build(out);
  before = snapshot(out);
  const practice = path.join(content, 'practices/activation/first-practice.md');
  writeFileSync(practice, readFileSync(practice, 'utf8').replace('Started in 2022', 'Started in 2020'));
  const fresh = tmp('fresh');
  build(fresh);
  after = snapshot(fresh);
  rmSync(fresh, { recursive: true, force: true });
});

describe('interrupted builds', () => {
  it('leave each output whole: the previous version or the new one', async () => {
    for (const ms of [80, 250, 500, 800, 1200, 1700, 2500]) {
      await killAfter(ms, out);
      for (const [file, bytes] of snapshot(out)) {
        if (file === '.lock') continue;
        // Killed between writing a file's temporary and renaming it over the file, the
        // temporary stays: hidden, never under an output's name, and removed by the next
        // build (the last check below).
        if (file.endsWith('.tmp')) {
          expect(path.basename(file), 'a temporary file is hidden').toMatch(/^\./);
          continue;
        }
        if (file !== 'manifest.json')
          expect(bytes.equals(before.get(file)!) || bytes.equals(after.get(file)!), `${file} after ${ms} ms`).toBe(true);
        assertValid(file, bytes);
      }
    }
    build(out); // recovers: a stale lock is taken over, temporaries are removed
    const final = snapshot(out);
    expect([...final.keys()]).toEqual([...after.keys()]);
    for (const [file, bytes] of final)
      expect(bytes.equals(after.get(file)!), `${file} (equals previous: ${bytes.equals(before.get(file)!)})`).toBe(true);
  });

  it('refuse a second build into the same out/ while one runs', async () => {
    const shared = tmp('shared');
    cpSync(out, shared, { recursive: true });
    rmSync(path.join(shared, '.cache'), { recursive: true, force: true });
    const first = spawn(process.execPath, [path.resolve('bin/netpes.js'), 'build', '--quiet', '--content', content, '--out', shared], {
      env: { ...process.env, ...env },
    });
    await new Promise((r) => setTimeout(r, 600));
    const second = runCli(['build', '--content', content, '--out', shared], env);
    await new Promise((r) => first.on('exit', r));
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/another build \(pid \d+\) is writing to/);
  });
});
