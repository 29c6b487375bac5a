/**
 * The code cache (scripts/cli/code-cache.ts): a run keeps V8's compiled code of the files
 * it loaded, the main thread's and each worker's; the next run uses it and writes nothing;
 * data V8 rejects (here: garbage) is compiled over and written again; NETPES_NO_CACHE keeps
 * none. Outputs with the cache empty, full and off are compared in speed-ups.test.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheName } from '../../scripts/cli/code-cache.ts';
import { runCli } from '../helpers/run-cli.ts';

const made: string[] = [];
const tmp = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `netpes-${name}-`));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Each file of the code cache with the sha256 of its bytes. */
function kept(cache: string): Map<string, string> {
  const dir = path.join(cache, 'code');
  if (!existsSync(dir)) return new Map();
  return new Map(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));
}

/** The bundle bin/netpes.js runs (it removes older ones). */
function bundled(file: string): string {
  const dir = path.resolve('node_modules', '.cache', 'netpes');
  const dist = readdirSync(dir).filter((d) => d.startsWith('dist-') && !d.endsWith('.tmp'));
  expect(dist).toHaveLength(1);
  return path.join(dir, dist[0]!, file);
}

describe('the code cache', () => {
  it('keeps the compiled code of a run and of its workers, uses it next time, and replaces data V8 rejects', () => {
    const cache = tmp('code-cache');
    // Three workers render the reports: the worker threads keep their code too.
    const build = () => runCli(['build', '--quiet', '--only', 'reports', '--jobs', '3', '--out', tmp('out')], { NETPES_CACHE_DIR: cache });
    const first = build();
    expect(first.code, first.stderr).toBe(0);
    const written = kept(cache);
    expect(written.has(`${codeCacheName('build', bundled('netpes.cjs'))}.bin`)).toBe(true);
    expect(written.has(`${codeCacheName('worker', bundled('render-worker.cjs'))}.bin`)).toBe(true);
    expect([...written.keys()].some((f) => f.endsWith('.tmp'))).toBe(false);

    const second = build();
    expect(second.code, second.stderr).toBe(0);
    expect(kept(cache)).toEqual(written);

    // Each file a run loads gets its data written again (not those only the first run
    // loaded: the Handlebars compiler, whose templates are now in the template cache).
    for (const f of written.keys()) writeFileSync(path.join(cache, 'code', f), 'not V8 code');
    const third = build();
    expect(third.code, third.stderr).toBe(0);
    const rewritten = kept(cache);
    expect([...rewritten.keys()].sort()).toEqual([...written.keys()].sort());
    const garbage = createHash('sha256').update('not V8 code').digest('hex');
    for (const [kind, file] of [['build', 'netpes.cjs'], ['worker', 'render-worker.cjs']] as const) {
      const name = `${codeCacheName(kind, bundled(file))}.bin`;
      expect(rewritten.get(name), name).not.toBe(garbage);
      expect(readFileSync(path.join(cache, 'code', name)).length, name).toBeGreaterThan(100_000);
    }
    expect([...rewritten.values()].filter((sha) => sha !== garbage).length).toBeGreaterThan(2);
  }, 120_000);

  it('keeps nothing with NETPES_NO_CACHE', () => {
    const cache = tmp('no-code-cache');
    const run = runCli(['check'], { NETPES_CACHE_DIR: cache, NETPES_NO_CACHE: '1' });
    expect(run.code, run.stderr).toBe(0);
    expect(kept(cache).size).toBe(0);
  });
});
