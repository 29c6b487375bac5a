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
import { templatesDir, type Renderer, type RenderResult } from './render-one.ts';
import { RenderThreads } from './render-threads.ts';
import { firstFacts } from './first-facts.ts';
import { defaultJobs, placeBatch } from './placement.ts';
import { dependencyLevels, withNeeds } from './dependency-levels.ts';
import { planOutputs, selectOutputs, type PlannedOutput, type Selection } from './select-outputs.ts';
import type { WorkerPool } from './worker-pool.ts';

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
  /** Facts published so far by outputs still rendering (`Output.publishesFirst`). */
  const published = new Map<string, Record<string, unknown>>();
  const early = new Set(
    options.early ? outputs.filter((o) => options.early!(o) && (o.needs ?? []).every((n) => cache.entries.get(n)?.facts)).map((o) => o.path) : [],
  );
  /** Outputs rendered from facts that may still change: checked once everything rendered. */
  const provisional = new Set(early);
  /** What an output's needs published: in this build (or last time when deferred), or all last time. */
  const factsFor = (o: PlannedOutput, lastTime = early.has(o.path)) =>
    Object.fromEntries(
      (o.needs ?? []).map((n) => [n, (lastTime ? cache.entries.get(n)?.facts : (results.get(n)?.facts ?? published.get(n) ?? lastFacts(n))) ?? {}]),
    );
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
  const threads = new RenderThreads(guide, date, options.renderer, options.pool);
  let done = 0;
  const progress = () => options.onProgress?.(done, outputs.length);
  progress();

  const needed = new Set(outputs.flatMap((o) => o.needs ?? []));
  const rendering: Promise<void>[] = [];
  try {
    // Level by level: an output is rendered once the outputs whose facts it reads published
    // them. Outputs no later output needs (the reports) do not hold the next level back: on
    // a worker, they go on rendering beside it.
    for (const [depth, level] of levels.entries()) {
      // Early outputs first: the worker renders what it is sent in order, and they take longest there.
      const batch = [...level.filter((o) => early.has(o.path)), ...level.filter((o) => !early.has(o.path))].flatMap((o) => {
        const job = stale(o, factsFor(o));
        if (!job) done++;
        else if ((o.needs ?? []).some((n) => published.has(n) && !results.has(n))) provisional.add(o.path);
        return job ? [job] : [];
      });
      progress();
      // A renderer kept warm by watch mode renders everything it has no warm worker for: it
      // is warmer than any new worker.
      const threadCount = options.renderer && !options.pool ? 1 : jobs;
      const place = placeBatch(batch.map((j) => j.output.engine), threadCount, threads.pool !== undefined);
      // An early output goes to the warm worker, beside this thread's long layout.
      const inWorker = batch.map((job, i) => place.inWorker[i]! || (threadCount === 2 && threads.pool !== undefined && early.has(job.output.path)));
      // What this thread would render one after the other while the worker waits for the
      // next level: shared with the worker instead (on two cores; with more, the pool takes all).
      const requests = batch.map((job) => ({ path: job.output.path, facts: job.facts, ...layoutCache }));
      const here = batch.flatMap((_, i) => (inWorker[i] ? [] : [i]));
      const sharing = threadCount === 2 && threads.pool !== undefined && here.length > 1;
      const shared = new Map(sharing ? threads.share(here.map((i) => requests[i]!)).map((result, k) => [here[k]!, result]) : []);
      const waits = batch.map((job, i) => {
        const first = firstFacts(job.output, (facts) => published.set(job.output.path, facts));
        const result = shared.get(i) ?? threads.render(requests[i]!, inWorker[i]!, place.workers, first?.heard);
        const rendered = result.then((r) => {
          results.set(job.output.path, { result: r, key: job.key, facts: r.facts });
          done++;
          progress();
        });
        rendered.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
        rendering.push(rendered);
        return needed.has(job.output.path) ? Promise.race([rendered, ...(first ? [first.ready] : [])]) : undefined;
      });
      // A worker started for the reports will share the sheets (above), after the guide's
      // layout: it warms pdfmake up meanwhile, not in its first sheet.
      const pdfsLater = levels.slice(depth + 1).some((later) => later.filter((o) => o.engine === 'pdfmake').length > 1);
      if (depth === 0 && threadCount === 2 && threads.pool && threads.pool !== options.pool && pdfsLater) threads.pool.warm('pdfmake');
      await Promise.all(waits);
    }
    await Promise.all(rendering);
    // An output rendered from facts its needs published last time, or before they ended,
    // renders again should those have changed.
    for (const o of outputs) {
      if (!provisional.has(o.path)) continue;
      const rendered = results.get(o.path)!;
      const job = stale(o, factsFor(o, false));
      if (!job || job.key === rendered.key) continue;
      const result = await threads.render({ path: o.path, facts: job.facts, ...layoutCache }, false, 0);
      results.set(o.path, { result, key: job.key, facts: result.facts });
    }
  } finally {
    if (threads.pool !== options.pool) await threads.pool?.close();
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
