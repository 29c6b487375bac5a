/**
 * A watch-mode session driven like an editor would: save a change and see the guide
 * rewritten; save a mistake and see the error, with the last good guide kept.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/build.ts';
import { materialise } from '../helpers/fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

const content = materialise();
const out = mkdtempSync(path.join(tmpdir(), 'netpes-watch-'));
const practice = path.join(content, 'practices/activation/first-practice.md');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
let child: ChildProcessWithoutNullStreams | undefined;
let log = '';

function waitFor(pattern: RegExp, from: number, ms = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = pattern.exec(log.slice(from));
      if (match) {
        clearInterval(timer);
        clearTimeout(deadline);
        resolve(match[0]);
      }
    }, 25);
    const deadline = setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`timed out waiting for ${pattern}; log:\n${log}`));
    }, ms);
  });
}

afterAll(() => {
  child?.kill('SIGINT');
  second?.kill('SIGINT');
  third?.kill('SIGINT');
});
let second: ChildProcessWithoutNullStreams | undefined;
let third: ChildProcessWithoutNullStreams | undefined;

describe('netpes build --watch', () => {
  it('rebuilds on save, reports errors without exiting and keeps the last good outputs', async () => {
    child = spawn(
      process.execPath,
      [path.resolve('bin/netpes.js'), 'build', '--watch', '--only', 'guide', '--content', content, '--out', out],
      {
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitFor(/watching /, 0);
    const guide = path.join(out, 'guide.pdf');
    const first = sha(guide);

    let from = log.length;
    writeFileSync(practice, readFileSync(practice, 'utf8').replace('Started in 2022', 'Started in 2019'));
    await waitFor(/1 rendered/, from);
    const second = sha(guide);
    expect(second).not.toBe(first);

    from = log.length;
    writeFileSync(practice, readFileSync(practice, 'utf8').replace('partner: alpha', 'partner: alhpa'));
    await waitFor(/outputs kept as they were/, from);
    expect(log.slice(from)).toMatch(/first-practice\.md:4:10 error: unknown partner "alhpa"/);
    expect(sha(guide)).toBe(second);
    expect(child.exitCode).toBeNull();

    from = log.length;
    writeFileSync(practice, readFileSync(practice, 'utf8').replace('partner: alhpa', 'partner: alpha'));
    await waitFor(/file\(s\) in /, from);
    expect(sha(guide)).toBe(second); // back to the same content: the same bytes
  });
});

describe('netpes build --watch, all deliverables', () => {
  it('writes the edited practice\'s sheet first, then the guide and its reports', async () => {
    const ownContent = materialise();
    const ownOut = mkdtempSync(path.join(tmpdir(), 'netpes-watch-all-'));
    const edited = path.join(ownContent, 'practices/activation/first-practice.md');
    second = spawn(process.execPath, [path.resolve('bin/netpes.js'), 'build', '--watch', '--content', ownContent, '--out', ownOut], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    const start = log.length;
    second.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitFor(/watching /, start);
    const sheet = path.join(ownOut, 'sheets/first-practice.pdf');
    const guide = path.join(ownOut, 'guide.pdf');
    const report = path.join(ownOut, 'reports/alpha.docx'); // the practice's owner
    const [sheetBefore, guideBefore, reportBefore] = [sha(sheet), sha(guide), sha(report)];

    const from = log.length;
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Started in 2022', 'Started in 2018'));
    const firstPass = await waitFor(/first pass: [^\n]*\n/, from);
    const written = /first pass: (.*) written in/.exec(firstPass)![1]!.split(', ');
    expect(written).toEqual(['sheets/first-practice.pdf']);
    expect(sha(sheet)).not.toBe(sheetBefore);
    const after = log.indexOf(firstPass, from) + firstPass.length;
    await waitFor(/file\(s\) in /, after);
    expect(sha(guide)).not.toBe(guideBefore);
    expect(sha(report)).not.toBe(reportBefore);

    // Once more: the process reuses what it drew and compressed for the last build
    // (kept drawings, page furniture, deflated streams). What it wrote is what a build from
    // scratch, with no cache of any kind, writes.
    const again = log.length;
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Started in 2018', 'Started in 2017'));
    await waitFor(/file\(s\) in /, again);
    const fresh = mkdtempSync(path.join(tmpdir(), 'netpes-watch-fresh-'));
    expect(runCli(['build', '--quiet', '--content', ownContent, '--out', fresh], { NETPES_NO_CACHE: '1' }).code).toBe(0);
    const [expected, actual] = [snapshot(fresh), snapshot(ownOut)];
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of expected) expect(actual.get(file)!.equals(bytes), file).toBe(true);
  });
});

describe('netpes build --watch, template mistakes', () => {
  it('reports a template error located, without a stack trace, and goes on watching', async () => {
    const templates = mkdtempSync(path.join(tmpdir(), 'netpes-watch-templates-'));
    cpSync('templates', templates, { recursive: true });
    const template = path.join(templates, 'guide', 'guide.md.hbs');
    const good = readFileSync(template, 'utf8');
    const ownOut = mkdtempSync(path.join(tmpdir(), 'netpes-watch-tpl-'));
    third = spawn(process.execPath, [path.resolve('bin/netpes.js'), 'build', '--watch', '--only', 'guide', '--content', materialise(), '--out', ownOut], {
      env: { ...process.env, NO_COLOR: '1', NETPES_TEMPLATES: templates },
    });
    const start = log.length;
    third.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitFor(/watching /, start);

    let from = log.length;
    writeFileSync(template, `${good}\n{{subtitel}}\n`);
    await waitFor(/Waiting for changes/, from);
    expect(log.slice(from)).toMatch(/guide\.md\.hbs:\d+:\d+ error: .*"subtitel" not defined/);
    expect(log.slice(from)).not.toMatch(/Internal error|\n\s+at /);

    from = log.length;
    writeFileSync(template, good);
    await waitFor(/file\(s\) in /, from);
    expect(third.exitCode).toBeNull();
  });
});
