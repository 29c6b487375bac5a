/**
 * The build, stage by stage:
 *   1–4. load, parse, model and validate `content/` (the caller: `loadGuide`);
 *   5.   plan the outputs, keep those whose inputs did not change (content-hash cache),
 *        render the others — on worker threads when there are several — from the model;
 *   6.   write each new file atomically, then the manifest and the cache.
 * Nothing is written until every selected output has rendered.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Guide } from '../model/schemas.ts';
import { lockOutput } from '../write/out-lock.ts';
import { writeAtomic } from '../write/write-atomic.ts';
import { BuildCache, layoutCacheIn } from './build-cache.ts';
import { buildDate } from './build-date.ts';
import { countPages } from './count-pages.ts';
import { loadDeliverables } from './deliverables.ts';
import { writeManifest } from './manifest.ts';
import { codeKey, InputHasher } from './output-key.ts';
import { Renderer, templatesDir, type RenderRequest, type RenderResult } from './render-one.ts';
import { defaultJobs, placeBatch } from './placement.ts';
import { dependencyLevels, withNeeds } from './dependency-levels.ts';
import { planOutputs, selectOutputs, type PlannedOutput, type Selection } from './select-outputs.ts';
import { WorkerPool } from './worker-pool.ts';

export interface BuildOptions extends Selection {
  out: string;
  /** Rendering threads (placement.ts); 1 renders in the main thread. Default: by the machine's cores. */
  jobs?: number;
  /** Called after each output is rendered or found unchanged. */
  onProgress?: (done: number, total: number) => void;
  /** A renderer kept warm between builds (watch mode). */
  renderer?: Renderer;
  /**
   * Workers kept warm between builds (watch mode), already given this build's model: they
   * take what `placeBatch` gives a worker (on two cores, the Word reports), and stay open.
   */
  pool?: WorkerPool;
  /**
   * Outputs left for a later build (watch mode defers the long guide layout and the Word
   * reports): they are not rendered, and what needs them reads the facts they published
   * last time (an output whose deferred need never published any waits too).
   */
  defer?: (output: PlannedOutput) => boolean;
  /**
   * Outputs rendered beside the outputs they need, from the facts those published last
   * time, on the warm worker when there is one, and rendered again afterwards should the
   * facts they read have changed (watch mode: practice-sheets.pdf beside the guide, which
   * seldom moves a practice to another page).
   */
  early?: (output: PlannedOutput) => boolean;
  /** Input hashes to share between builds of the same files (watch mode's two passes). */
  hasher?: InputHasher;
}

export interface BuiltFile {
  path: string;
  bytes: number;
  pages: number | null;
  sha256: string;
  rendered: boolean;
  /** Render time in milliseconds (0 when unchanged), for `--json` and profiling. */
  ms: number;
}

export interface BuildReport {
  files: BuiltFile[];
  warnings: string[];
}

export async function buildAll(guide: Guide, options: BuildOptions): Promise<BuildReport> {
  const unlock = await lockOutput(options.out);
  try {
    return await build(guide, options);
  } finally {
    await unlock();
  }
}

async function build(guide: Guide, options: BuildOptions): Promise<BuildReport> {
  const date = buildDate(guide);
  const all = planOutputs(guide, await loadDeliverables());
  const cache = new BuildCache(options.out);
  const deferred = new Set(options.defer ? all.filter(options.defer).map((o) => o.path) : []);
  const lastFacts = (p: string) => (deferred.has(p) ? cache.entries.get(p)?.facts : undefined);
  const outputs = withNeeds(selectOutputs(guide, all, options), all).filter(
    (o) => !deferred.has(o.path) && (o.needs ?? []).every((n) => !deferred.has(n) || lastFacts(n)),
  );
  const hasher = options.hasher ?? new InputHasher();
  const code = codeKey(hasher);
  // Each deliverable reads its own template folder and the theme: a report template edit
  // re-renders the reports only; a theme edit, everything.
  const templates = (deliverable: string) => {
    const dir = templatesDir();
    const own = path.join(dir, deliverable);
    return hasher.key({ sources: [path.join(dir, 'theme.yaml')], templates: existsSync(own) ? hasher.tree(own) : '', code: '', date: '' });
  };

  // A renderer kept between builds (watch mode) keeps its layouts in memory too.
  const layoutCache = layoutCacheIn(options.out, code, options.renderer !== undefined);
  const results = new Map<string, { result?: RenderResult; key: string; facts: Record<string, unknown> }>();
  const early = new Set(
    options.early ? outputs.filter((o) => options.early!(o) && (o.needs ?? []).every((n) => cache.entries.get(n)?.facts)).map((o) => o.path) : [],
  );
  /** What an output's needs published: in this build (or last time when deferred), or all last time. */
  const factsFor = (o: PlannedOutput, lastTime = early.has(o.path)) =>
    Object.fromEntries((o.needs ?? []).map((n) => [n, (lastTime ? cache.entries.get(n)?.facts : (results.get(n)?.facts ?? lastFacts(n))) ?? {}]));
  const stale = (o: PlannedOutput, facts: Record<string, unknown>) => {
    const key = hasher.key({
      sources: o.sources,
      templates: templates(o.deliverable),
      code,
      date: date.toISOString(),
      extra: JSON.stringify(o.readsFacts ? o.readsFacts(facts) : facts),
    });
    const cached = cache.fresh(o.path, key);
    if (cached) results.set(o.path, { key, facts: cached.facts ?? {} });
    return cached ? undefined : { output: o, key, facts };
  };

  const levels = dependencyLevels(outputs, (o) => (early.has(o.path) ? [] : (o.needs ?? [])));
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  let pool: WorkerPool | undefined = options.pool;
  let renderer = options.renderer;
  // One at a time in this thread, as a worker does: interleaved at their awaits, renders gain
  // nothing and each holds its laid-out document meanwhile (320 sheets of the 10× content
  // at once ran the heap into its limit).
  let inThisThread: Promise<unknown> = Promise.resolve();
  const render = (request: RenderRequest, inWorker: boolean, workers: number) => {
    if (inWorker) {
      pool ??= new WorkerPool(workers, guide, date);
      return pool.render(request);
    }
    renderer ??= new Renderer(guide, date);
    const here = renderer;
    const rendered = inThisThread.then(() => here.render(request));
    inThisThread = rendered.catch(() => undefined);
    return rendered;
  };
  let done = 0;
  const progress = () => options.onProgress?.(done, outputs.length);
  progress();

  // Outputs no later output needs (the reports) do not hold the next level back: on a
  // worker, they go on rendering beside it.
  const needed = new Set(outputs.flatMap((o) => o.needs ?? []));
  const trailing: Promise<void>[] = [];
  try {
    // Level by level: an output is rendered after the outputs whose facts it reads.
    for (const level of levels) {
      // Early outputs first: the worker renders what it is sent in order, and they take longest there.
      const batch = [...level.filter((o) => early.has(o.path)), ...level.filter((o) => !early.has(o.path))].flatMap((o) => {
        const job = stale(o, factsFor(o));
        if (!job) done++;
        return job ? [job] : [];
      });
      progress();
      // A renderer kept warm by watch mode renders everything it has no warm worker for: it
      // is warmer than any new worker.
      const threads = options.renderer && !options.pool ? 1 : jobs;
      const place = placeBatch(batch.map((j) => j.output.engine), threads, pool !== undefined);
      // An early output goes to the warm worker, beside this thread's long layout.
      const inWorker = (i: number) => place.inWorker[i]! || (threads === 2 && pool !== undefined && early.has(batch[i]!.output.path));
      const rendering = batch.map(async ({ output, key, facts }, i) => {
        const result = await render({ path: output.path, facts, ...layoutCache }, inWorker(i), place.workers);
        results.set(output.path, { result, key, facts: result.facts });
        done++;
        progress();
      });
      const later = rendering.filter((_, i) => !needed.has(batch[i]!.output.path));
      later.forEach((p) => p.catch(() => undefined)); // awaited below; not an unhandled rejection meanwhile
      trailing.push(...later);
      await Promise.all(rendering.filter((_, i) => needed.has(batch[i]!.output.path)));
    }
    await Promise.all(trailing);
    // An early output whose needs published other facts this time renders again, from those.
    for (const o of outputs) {
      if (!early.has(o.path)) continue;
      const rendered = results.get(o.path)!;
      const job = stale(o, factsFor(o, false));
      if (!job || job.key === rendered.key) continue;
      const result = await render({ path: o.path, facts: job.facts, ...layoutCache }, false, 0);
      results.set(o.path, { result, key: job.key, facts: result.facts });
    }
  } finally {
    if (pool !== options.pool) await pool?.close();
  }

  // Write only now: a render that failed above left out/ as it was.
  const files: BuiltFile[] = [];
  const warnings: string[] = [];
  for (const o of [...outputs].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const entry = results.get(o.path)!;
    if (entry.result) {
      const bytes = entry.result.bytes;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await writeAtomic(path.join(options.out, o.path), bytes);
      const pages = countPages(bytes, o.path);
      cache.set(o.path, { key: entry.key, sha256, pages, sources: [...o.sources].sort(), facts: entry.result.facts });
      warnings.push(...entry.result.warnings);
      files.push({ path: o.path, bytes: bytes.byteLength, pages, sha256, rendered: true, ms: entry.result.ms });
    } else {
      const cached = cache.entries.get(o.path)!;
      files.push({ path: o.path, bytes: 0, pages: cached.pages, sha256: cached.sha256, rendered: false, ms: 0 });
    }
  }
  await writeManifest(options.out, cache);
  await cache.save();
  return { files, warnings };
}
