/**
 * Outputs that start before the outputs they need have ended (the sheets, once the guide
 * is laid out: `Output.publishesFirst`), and batches shared between this thread and a
 * worker (shared-claims.ts): same bytes as a serial build, each output rendered once,
 * and rendered again when the facts it started from were not the final ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDate } from '../../scripts/build/build-date.ts';
import { Renderer } from '../../scripts/build/render-one.ts';
import { claimNext, newClaims, THIS_THREAD } from '../../scripts/build/shared-claims.ts';
import { WorkerPool } from '../../scripts/build/worker-pool.ts';
import type { Guide } from '../../scripts/model/schemas.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { buildContent, snapshot } from '../helpers/build.ts';
import { materialise } from '../helpers/fixture.ts';

const made: string[] = [];
const tmp = (name: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `netpes-${name}-`));
  made.push(dir);
  return dir;
};

let content: string;
let guide: Guide;
let serial: Map<string, Buffer>;

beforeAll(async () => {
  content = materialise();
  made.push(path.dirname(content));
  guide = (await loadGuide(content)).guide!;
  const out = tmp('serial');
  await buildContent(content, { out, jobs: 1 });
  serial = snapshot(out);
}, 120_000);

afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function expectSerialBytes(out: string) {
  const built = snapshot(out);
  expect([...built.keys()]).toEqual([...serial.keys()]);
  for (const [file, bytes] of serial) expect(bytes.equals(built.get(file)!), file).toBe(true);
}

describe('claims on a shared batch', () => {
  it('give every output to exactly one thread, then none', () => {
    const claims = newClaims(5);
    const taken = [claimNext(claims, THIS_THREAD), claimNext(claims, 2), claimNext(claims, 2), claimNext(claims, THIS_THREAD), claimNext(claims, 3)];
    expect(taken).toEqual([0, 1, 2, 3, 4]);
    expect([...claims]).toEqual([THIS_THREAD, 2, 2, THIS_THREAD, 3]);
    expect(claimNext(claims, 2)).toBe(-1);
    expect(claimNext(claims, THIS_THREAD)).toBe(-1);
  });
});

describe('outputs that start from facts published before their need ends', () => {
  it('with two jobs, shares the sheets with the worker once the guide is laid out, before it is written', async () => {
    const date = buildDate(guide);
    const renderer = new Renderer(guide, date);
    const pool = new WorkerPool(1, guide, date);
    const events: string[] = [];
    const here: string[] = [];
    const onWorker: string[] = [];
    const render = renderer.render.bind(renderer);
    renderer.render = async (request, published) => {
      const result = await render(request, published);
      here.push(request.path);
      if (request.path === 'guide.pdf') events.push('guide written');
      return result;
    };
    const share = pool.share.bind(pool);
    pool.share = (requests, claims, settle) => {
      events.push(`shared ${requests.map((r) => r.path).join(' ')}`);
      return share(requests, claims, (index, outcome) => {
        if (!(outcome instanceof Error)) onWorker.push(requests[index]!.path);
        settle(index, outcome);
      });
    };
    const out = tmp('shared');
    try {
      await buildContent(content, { out, jobs: 2, renderer, pool });
    } finally {
      await pool.close();
    }
    const sheets = guide.practices.map((p) => `sheets/${p.id}.pdf`);
    // The sheets were handed out while the guide was still being written…
    expect(events[0]).toBe(`shared ${sheets.join(' ')}`);
    expect(events[1]).toBe('guide written');
    // …each rendered once, here or on the worker, with the same bytes as one by one.
    expect([...here.filter((p) => p.startsWith('sheets/')), ...onWorker].sort()).toEqual([...sheets].sort());
    expectSerialBytes(out);
  }, 120_000);

  it('renders an output again when the facts it started from were not its need’s final ones', async () => {
    const renderer = new Renderer(guide, buildDate(guide));
    const render = renderer.render.bind(renderer);
    const rendered: string[] = [];
    renderer.render = (request, published) => {
      rendered.push(request.path);
      // The guide first publishes every practice a page later than it ends up on.
      const early =
        published &&
        ((name: string, value: unknown) =>
          published(name, name === 'practicePages' ? Object.fromEntries(Object.entries(value as Record<string, number>).map(([id, page]) => [id, page + 1])) : value));
      return render(request, early);
    };
    const out = tmp('provisional');
    await buildContent(content, { out, jobs: 1, renderer });
    const sheets = guide.practices.map((p) => `sheets/${p.id}.pdf`);
    for (const sheet of sheets) expect(rendered.filter((p) => p === sheet), sheet).toHaveLength(2);
    expectSerialBytes(out);
  }, 120_000);

  it('with two jobs, has the worker started for the reports warm pdfmake up for the sheets while this thread lays the guide out', async () => {
    // The real content: eight reports start a worker beside the guide (placement.ts).
    const real = (await loadGuide('content')).guide!;
    const warm = vi.spyOn(WorkerPool.prototype, 'warm');
    const share = vi.spyOn(WorkerPool.prototype, 'share');
    try {
      const report = await buildContent('content', { out: tmp('warm'), jobs: 2 });
      expect(report.files.filter((f) => f.rendered)).toHaveLength(real.partners.length + real.practices.length + 2);
      expect(warm.mock.calls).toEqual([['pdfmake']]);
      expect(share.mock.calls.map(([requests]) => requests.length)).toEqual([real.practices.length]);
    } finally {
      warm.mockRestore();
      share.mockRestore();
    }
  }, 180_000);
});
