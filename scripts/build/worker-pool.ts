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
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ request: RenderRequest; pending: Pending }> = [];
  private readonly pending = new Map<number, Pending>();
  private readonly busy = new Map<Worker, number>();
  private nextId = 0;

  constructor(size: number, guide: Guide, date: Date) {
    // From the bundle the worker is a sibling .js file; from sources (tests) it is .ts, run through tsx.
    const fromSources = import.meta.url.endsWith('.ts');
    for (let i = 0; i < size; i++) {
      const worker = fromSources ? sourceWorker() : new Worker(new URL('./render-worker.js', import.meta.url));
      worker.on('message', (message: { id: number; result?: RenderResult; error?: SerialisedError }) => this.settle(worker, message));
      worker.on('error', (error) => this.fail(worker, error));
      worker.postMessage({ type: 'init', guide, date });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  render(request: RenderRequest): Promise<RenderResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const { request, pending } = this.queue.shift()!;
      const id = this.nextId++;
      this.pending.set(id, pending);
      this.busy.set(worker, id);
      worker.postMessage({ type: 'render', id, ...request });
    }
  }

  private settle(worker: Worker, message: { id: number; result?: RenderResult; error?: SerialisedError }): void {
    const pending = this.pending.get(message.id);
    this.pending.delete(message.id);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (message.result) pending?.resolve({ ...message.result, bytes: new Uint8Array(message.result.bytes) });
    else pending?.reject(deserialiseError(message.error!));
    this.dispatch();
  }

  private fail(worker: Worker, error: Error): void {
    const id = this.busy.get(worker);
    if (id !== undefined) this.pending.get(id)?.reject(error);
    for (const { pending } of this.queue.splice(0)) pending.reject(error);
  }
}

/** A worker running the TypeScript sources through tsx (tests and `tsx` runs, not the bundle). */
function sourceWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./render-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}
