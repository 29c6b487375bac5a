/**
 * The worker pool's end of life: `close` asks each worker to exit (so that it keeps its
 * compiled code, cli/code-cache.ts) and returns once all have; a worker that exits unasked
 * fails what it was given instead of leaving the build waiting.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDate } from '../../scripts/build/build-date.ts';
import { WorkerPool } from '../../scripts/build/worker-pool.ts';
import type { Guide } from '../../scripts/model/schemas.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { materialise } from '../helpers/fixture.ts';

let content: string;
let guide: Guide;

beforeAll(async () => {
  content = materialise();
  guide = (await loadGuide(content)).guide!;
});
afterAll(() => rmSync(path.dirname(content), { recursive: true, force: true }));

const workersOf = (pool: WorkerPool) => (pool as unknown as { workers: Worker[] }).workers;

describe('the worker pool', () => {
  it('fails the renders of a worker that exits unasked', async () => {
    const pool = new WorkerPool(1, guide, buildDate(guide));
    const rendering = pool.render({ path: 'guide.pdf', facts: {} });
    await workersOf(pool)[0]!.terminate();
    await expect(rendering).rejects.toThrow(/render worker exited/);
    expect(pool.whole).toBe(false);
    await pool.close();
  }, 60_000);

  it('closes once every worker has exited of its own accord', async () => {
    const pool = new WorkerPool(2, guide, buildDate(guide));
    const exits = workersOf(pool).map((worker) => new Promise<number>((resolve) => worker.once('exit', resolve)));
    await pool.close();
    // Exit code 0: process.exit in the worker, not `terminate` (which exits with 1).
    expect(await Promise.all(exits)).toEqual([0, 0]);
  }, 60_000);
});
