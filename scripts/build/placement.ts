/**
 * Which thread renders each output of a batch (outputs that can render at the same time).
 * Each thread warms up the engines it runs (module loading, fonts, V8's compiled code), and
 * that warm-up is a large part of a render, so work only moves to a worker where it pays:
 *
 * - `jobs` 1: everything here.
 * - `jobs` 2 (the default on two cores): this thread and one worker, split by engine. The
 *   pdfmake outputs stay here, the DOCX reports go to the worker when they render beside a
 *   PDF: each engine warms up once, and the reports overlap the guide, the longest path.
 *   (Two workers sharing every output were slower here than one thread: each warmed
 *   pdfmake up on its own.) A worker is started for `WORKER_REPORTS` reports or more: for
 *   fewer (a practice edit re-renders its owner's report and those of the partners it
 *   quotes, often two) its start-up costs more than it saves. Several pdfmake outputs
 *   placed here while that worker runs (the sheets) are shared with it (build-all.ts).
 * - `jobs` 3 or more: a pool of that many workers takes every output of a batch of several,
 *   and every output once it runs (it is warm then).
 */
import { availableParallelism } from 'node:os';
import type { Deliverable } from '../deliverables/deliverable.ts';

export type Engine = Deliverable['engine'];

export interface Placement {
  /** For each output of the batch, in order: whether a worker renders it. */
  inWorker: boolean[];
  /** How many workers the pool needs, should it not run yet. */
  workers: number;
}

/**
 * With two jobs, the fewest reports a new worker is started for. A one-word edit (two
 * reports beside the guide), 6 interleaved runs each: 2.88 s with the worker, 2.70 s
 * without (and 1 s less CPU); a cold build (eight reports): ~5.7 s with it, ~6.1 s without.
 */
export const WORKER_REPORTS = 3;

export function placeBatch(engines: readonly Engine[], jobs: number, poolRunning: boolean): Placement {
  if (jobs <= 1) return { inWorker: engines.map(() => false), workers: 0 };
  if (jobs === 2) {
    const mixed = new Set(engines).size > 1;
    const reports = engines.filter((e) => e === 'docx').length;
    const worthIt = poolRunning || (mixed && reports >= WORKER_REPORTS);
    return { inWorker: engines.map((e) => e === 'docx' && worthIt), workers: 1 };
  }
  const pooled = poolRunning || engines.length > 1;
  return { inWorker: engines.map(() => pooled), workers: Math.min(jobs, engines.length) };
}

/**
 * Rendering threads by default (placed as above): on two cores, this thread and one worker
 * (measured at first: ~2 s off a 10–12 s build, 20 s off the 10× content's 85 s; for the 1×
 * content now within the noise, see README "Parallel"); with more, a pool
 * of cores − 1 (at most 4), leaving one core to this thread and V8's own threads. `--jobs N`
 * overrides.
 */
export function defaultJobs(): number {
  const cores = availableParallelism();
  return cores > 2 ? Math.min(cores - 1, 4) : cores;
}
