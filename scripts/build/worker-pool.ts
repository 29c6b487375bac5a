/**
 * Renders outputs on worker threads, one per core. Each worker gets the model once and
 * renders whole outputs, so the bytes do not depend on how many workers there are.
 */
import { Worker } from 'node:worker_threads';
import type { Guide } from '../model/schemas.ts';
import type { RenderRequest, RenderResult } from './render-one.ts';
import { deserialiseError, type SerialisedError } from './render-errors.ts';

interface Pending {
  resolve(result: RenderResult): void;
  reject(error: Error): void;
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Workers that died (an uncaught error, out of memory): they get no more requests. */
  private readonly dead = new Map<Worker, Error>();
  private readonly pending = new Map<number, Pending & { worker: Worker }>();
  /** Requests sent to each worker and not yet answered. */
  private readonly load = new Map<Worker, number>();
  private nextId = 0;

  constructor(size: number, guide: Guide, date: Date) {
    // From the bundle the worker is a sibling .js file; from sources (tests) it is .ts, run through tsx.
    const fromSources = import.meta.url.endsWith('.ts');
    for (let i = 0; i < size; i++) {
      const worker = fromSources ? sourceWorker() : new Worker(new URL('./render-worker.js', import.meta.url));
      worker.on('message', (message: { id: number; result?: RenderResult; error?: SerialisedError }) => this.settle(message));
      worker.on('error', (error) => this.fail(worker, error));
      worker.postMessage({ type: 'init', guide, date });
      this.workers.push(worker);
      this.load.set(worker, 0);
    }
  }

  /**
   * Sends the request at once to the least loaded worker, which queues it. A worker must not
   * wait for this thread to hand out its next output: this thread may be busy for seconds
   * laying out the guide, and would only read the worker's answer afterwards.
   */
  render(request: RenderRequest): Promise<RenderResult> {
    return new Promise((resolve, reject) => {
      const alive = this.workers.filter((w) => !this.dead.has(w));
      if (alive.length === 0) return reject(this.dead.values().next().value!);
      const worker = alive.reduce((a, b) => (this.load.get(b)! < this.load.get(a)! ? b : a));
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject, worker });
      this.load.set(worker, this.load.get(worker)! + 1);
      worker.postMessage({ type: 'render', id, ...request });
    });
  }

  /** Whether every worker is still alive: a pool kept between builds is replaced when not. */
  get whole(): boolean {
    return this.dead.size === 0;
  }

  /**
   * The model of the next build, for a pool kept between builds (watch mode). Sent before
   * that build's requests, so each worker renders them from it.
   */
  retarget(guide: Guide, date: Date): void {
    for (const worker of this.workers) worker.postMessage({ type: 'init', guide, date });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(message: { id: number; result?: RenderResult; error?: SerialisedError }): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    this.load.set(pending.worker, this.load.get(pending.worker)! - 1);
    if (message.result) pending.resolve({ ...message.result, bytes: new Uint8Array(message.result.bytes) });
    else pending.reject(deserialiseError(message.error!));
  }

  private fail(worker: Worker, error: Error): void {
    this.dead.set(worker, error);
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
  }
}

/** A worker running the TypeScript sources through tsx (tests and `tsx` runs, not the bundle). */
function sourceWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./render-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}
