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
 *   pdfmake up on its own.)
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

export function placeBatch(engines: readonly Engine[], jobs: number, poolRunning: boolean): Placement {
  if (jobs <= 1) return { inWorker: engines.map(() => false), workers: 0 };
  if (jobs === 2) {
    const mixed = new Set(engines).size > 1;
    return { inWorker: engines.map((e) => e === 'docx' && (mixed || poolRunning)), workers: 1 };
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
