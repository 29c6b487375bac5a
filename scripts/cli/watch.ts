/**
 * `netpes build --watch`: builds, then rebuilds on every save. A burst of saves is one
 * rebuild (debounced); content errors are shown without exiting and the last good outputs
 * stay in place; only outputs whose inputs changed are rendered again (the build cache),
 * in this process, whose renderers stay warm between builds.
 *
 * Each rebuild comes in two passes, so that what an editor looks at first is there at once:
 * first the sheets, with the guide's page numbers as it last laid them out; then the long
 * layouts (the guide, the combined sheets) and the Word reports, and any sheet whose guide
 * page moved.
 */
import { watch as watchFiles } from 'chokidar';
import { Renderer, templatesDir } from '../build/render-one.ts';
import { buildDate } from '../build/build-date.ts';
import { InputHasher } from '../build/output-key.ts';
import { WorkerPool } from '../build/worker-pool.ts';
import type { Guide } from '../model/schemas.ts';
import { loadGuide } from '../validate/load-guide.ts';
import { buildErrorMessage } from './build-command.ts';
import { report } from './netpes.ts';
import type { CliOptions } from './options.ts';
import { formatSummary } from './summary.ts';
import { warmUp } from './warm-up.ts';

const DEBOUNCE_MS = 40;
/** The outputs whose layout takes seconds; the first pass of a rebuild leaves them for the second. */
const LONG_OUTPUTS = ['guide.pdf', 'practice-sheets.pdf'];
/**
 * The second pass also has the Word reports: on their own warm worker, they render beside
 * the guide, so the first pass (the sheets) is out sooner and the whole rebuild no later.
 */
const laterThanSheets = (output: { path: string; engine: string }) => LONG_OUTPUTS.includes(output.path) || output.engine === 'docx';
/**
 * In the second pass, the combined sheets render on that worker too, beside the guide, with
 * the guide's page numbers as it last laid them out (again after it, should one move).
 */
const besideTheGuide = (output: { path: string }) => output.path === 'practice-sheets.pdf';

export async function watch(options: CliOptions): Promise<number> {
  const { buildAll } = await import('../build/build-all.ts');
  let running = false;
  let again = false;
  /**
   * Rendering threads: this one for the PDFs, with its renderer, and one worker for the
   * Word reports (unless `--jobs 1`), both kept warm between rebuilds: the reports render
   * beside the guide.
   */
  let pool: WorkerPool | undefined;
  /** The last model that built, and its renderer. */
  let last: { guide: Guide; renderer: Renderer } | undefined;

  /** Runs `task` unless a build runs: then the build runs again once it is over. */
  const exclusive = async (task: () => Promise<void>) => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await task();
    } finally {
      running = false;
      if (again) {
        again = false;
        void rebuild();
      }
    }
  };

  const rebuild = () => exclusive(async () => {
    const started = performance.now();
    try {
      const { guide, diagnostics } = await loadGuide(options.content);
      report(diagnostics.sorted(), options);
      if (!guide) {
        process.stderr.write(`${diagnostics.errorCount} error(s); outputs kept as they were. Waiting for changes…\n`);
      } else {
        const date = buildDate(guide);
        const renderer = new Renderer(guide, date);
        if (options.jobs !== 1) {
          if (pool?.whole) pool.retarget(guide, date);
          else {
            void pool?.close();
            pool = new WorkerPool(1, guide, date);
          }
        }
        // Both passes render the model loaded above: hashing the files once keeps the cache keys
        // true to that model even if the editor saves again in between.
        const hasher = new InputHasher();
        const threads = { renderer, ...(pool ? { pool, jobs: 2 } : {}) };
        const first = await buildAll(guide, { ...options, ...threads, hasher, defer: laterThanSheets });
        const early = first.files.filter((f) => f.rendered).map((f) => f.path);
        if (early.length > 0) {
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          process.stderr.write(`first pass: ${early.join(', ')} written in ${seconds} s; now the long layouts (${LONG_OUTPUTS.join(', ')}) and the reports…\n`);
        }
        const result = await buildAll(guide, { ...options, ...threads, hasher, early: besideTheGuide });
        last = { guide, renderer };
        const shown = new Set(first.warnings);
        for (const w of [...first.warnings, ...result.warnings.filter((w) => !shown.has(w))]) process.stderr.write(`${w}\n`);
        process.stderr.write(`${formatSummary(result, options.out, Math.round(performance.now() - started))}\n`);
      }
    } catch (error) {
      const message = buildErrorMessage(error, options.out);
      if (message !== undefined) process.stderr.write(`${message}\nthe outputs this rebuild had not written yet are as they were. Waiting for changes…\n`);
      else process.stderr.write(`Internal error: ${(error as Error).stack ?? String(error)}\n`);
    }
  });

  await rebuild();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watchFiles([options.content, templatesDir()], { ignoreInitial: true });
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), DEBOUNCE_MS);
  });
  await new Promise<void>((resolve) => watcher.on('ready', resolve));
  if (last) await exclusive(() => warmUp(last!.guide, last!.renderer, pool, options.out));
  process.stderr.write(`watching ${options.content}/ and ${templatesDir()}/ (Ctrl-C to stop)\n`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      void Promise.all([watcher.close(), pool?.close()]).then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
