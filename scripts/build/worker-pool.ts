/**
 * Renders outputs on worker threads, one per core. Each worker gets the model once and
 * renders whole outputs, so the bytes do not depend on how many workers there are.
 */
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Guide } from '../model/schemas.ts';
import type { Engine } from './placement.ts';
import type { RenderRequest, RenderResult } from './render-one.ts';
import { deserialiseError, type SerialisedError } from './render-errors.ts';
import { THIS_THREAD } from './shared-claims.ts';

interface Pending {
  resolve(result: RenderResult): void;
  reject(error: Error): void;
  published?: (name: string, value: unknown) => void;
}

/** A batch shared with this thread (shared-claims.ts): each worker's tag, and where results go. */
interface Share {
  claims: Int32Array;
  tags: Map<Worker, number>;
  settle(index: number, outcome: RenderResult | Error): void;
  /** Indices whose result was delivered. */
  delivered: Set<number>;
  /** Workers that may still take a request. */
  busy: Set<Worker>;
}

/** How long `close` waits for a worker to exit before stopping it: a worker still starting (under load, seconds) exits once started. */
const CLOSE_WAIT_MS = 10_000;

type Message = { id: number; index?: number; fact?: [string, unknown]; result?: RenderResult; error?: SerialisedError; done?: true };

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Workers that died (an uncaught error, out of memory): they get no more requests. */
  private readonly dead = new Map<Worker, Error>();
  private readonly pending = new Map<number, Pending & { worker: Worker }>();
  private readonly shares = new Map<number, Share>();
  /** Requests sent to each worker and not yet answered. */
  private readonly load = new Map<Worker, number>();
  private nextId = 0;

  constructor(size: number, guide: Guide, date: Date) {
    // From the bundle the worker is a sibling .cjs file; from sources (tests) it is .ts, run through tsx.
    const fromSources = import.meta.url.endsWith('.ts');
    for (let i = 0; i < size; i++) {
      const worker = fromSources ? sourceWorker() : bundleWorker();
      worker.on('message', (message: Message) => this.settle(worker, message));
      worker.on('error', (error) => this.fail(worker, error));
      // Workers exit only when `close` asks: any other exit fails what they were given.
      worker.on('exit', (code) => this.fail(worker, new Error(`a render worker exited (code ${code})`)));
      worker.postMessage({ type: 'init', guide, date });
      this.workers.push(worker);
      this.load.set(worker, 0);
    }
  }

  /**
   * Sends the request at once to the least loaded worker, which queues it. A worker must not
   * wait for this thread to hand out its next output: this thread may be busy for seconds
   * laying out the guide, and would only read the worker's answer afterwards. `published`
   * hears the facts the output publishes before it ends (`Output.publishesFirst`).
   */
  render(request: RenderRequest, published?: (name: string, value: unknown) => void): Promise<RenderResult> {
    return new Promise((resolve, reject) => {
      const alive = this.alive();
      if (alive.length === 0) return reject(this.dead.values().next().value!);
      const worker = alive.reduce((a, b) => (this.load.get(b)! < this.load.get(a)! ? b : a));
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject, worker, ...(published ? { published } : {}) });
      this.load.set(worker, this.load.get(worker)! + 1);
      worker.postMessage({ type: 'render', id, ...request });
    });
  }

  /**
   * Gives every live worker a part in a batch shared with this thread: after what it was
   * sent before, each takes the next request nobody took in `claims` until none is left.
   * `settle` gets each request's result or error by index, in any order; a worker that dies
   * fails the requests it took.
   */
  share(requests: readonly RenderRequest[], claims: Int32Array, settle: Share['settle']): void {
    const alive = this.alive();
    if (alive.length === 0) return;
    const id = this.nextId++;
    const tags = new Map(alive.map((worker, i) => [worker, THIS_THREAD + 1 + i]));
    this.shares.set(id, { claims, tags, settle, delivered: new Set(), busy: new Set(alive) });
    for (const [worker, tag] of tags) worker.postMessage({ type: 'share', id, requests, claims, tag });
  }

  /** Has every worker load and run an engine's code once, after what it was sent before. */
  warm(engine: Engine): void {
    for (const worker of this.alive()) worker.postMessage({ type: 'warm', engine });
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

  /**
   * Asks each worker to exit, so that it keeps its compiled code (cli/code-cache.ts), which
   * `terminate` would not let it do; one that has not exited after `CLOSE_WAIT_MS` is stopped.
   */
  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        if (this.dead.has(worker)) return worker.terminate();
        const exited = once(worker, 'exit');
        worker.postMessage({ type: 'close' });
        const timer = setTimeout(() => void worker.terminate(), CLOSE_WAIT_MS);
        await exited.catch(() => undefined); // an error on the way out: it is stopped all the same
        clearTimeout(timer);
      }),
    );
  }

  private alive(): Worker[] {
    return this.workers.filter((w) => !this.dead.has(w));
  }

  private settle(worker: Worker, message: Message): void {
    const share = this.shares.get(message.id);
    if (share && message.done) return this.leaveShare(message.id, share, worker);
    if (share && message.index !== undefined) return this.settleShared(share, message.index, outcomeOf(message));
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.fact) return pending.published?.(...message.fact);
    this.pending.delete(message.id);
    this.load.set(pending.worker, this.load.get(pending.worker)! - 1);
    const outcome = outcomeOf(message);
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  }

  /** A worker took its last request of a shared batch: forgotten once none is left. */
  private leaveShare(id: number, share: Share, worker: Worker): void {
    share.busy.delete(worker);
    if (share.busy.size === 0) this.shares.delete(id);
  }

  private settleShared(share: Share, index: number, outcome: RenderResult | Error): void {
    if (share.delivered.has(index)) return;
    share.delivered.add(index);
    share.settle(index, outcome);
  }

  private fail(worker: Worker, error: Error): void {
    if (!this.dead.has(worker)) this.dead.set(worker, error); // the first: an error, then its exit
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
    for (const [id, share] of this.shares) {
      const tag = share.tags.get(worker);
      share.claims.forEach((claimant, index) => {
        if (claimant === tag) this.settleShared(share, index, error);
      });
      this.leaveShare(id, share, worker);
    }
  }
}

/** A worker's answer: the result (its bytes in a transferred buffer) or the error. */
function outcomeOf(message: Message): RenderResult | Error {
  return message.result ? { ...message.result, bytes: new Uint8Array(message.result.bytes) } : deserialiseError(message.error!);
}

/** A worker running the bundle beside this one, with the compiled code of earlier workers (cli/code-cache.ts). */
function bundleWorker(): Worker {
  const sibling = (name: string) => JSON.stringify(fileURLToPath(new URL(`./${name}`, import.meta.url)));
  return new Worker(`require(${sibling('code-cache.cjs')}).cacheCompiledCode('worker'); require(${sibling('render-worker.cjs')});`, { eval: true });
}

/** A worker running the TypeScript sources through tsx (tests and `tsx` runs, not the bundle). */
function sourceWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./render-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}
