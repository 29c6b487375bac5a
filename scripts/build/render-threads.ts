/**
 * The threads a build renders on: this one, one output at a time, and a pool of workers
 * started at the first output placed on a worker (placement.ts). A batch can also be shared
 * between this thread and the workers (shared-claims.ts): each takes the next output when
 * it is free.
 */
import type { Guide } from '../model/schemas.ts';
import { Renderer, type RenderRequest, type RenderResult } from './render-one.ts';
import { claimNext, newClaims, THIS_THREAD } from './shared-claims.ts';
import { WorkerPool } from './worker-pool.ts';

type Heard = (name: string, value: unknown) => void;

export class RenderThreads {
  /**
   * One at a time in this thread, as a worker does: interleaved at their awaits, renders gain
   * nothing and each holds its laid-out document meanwhile (320 sheets of the 10× content
   * at once ran the heap into its limit).
   */
  private inThisThread: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly guide: Guide,
    private readonly date: Date,
    /** Kept warm between builds (watch mode), or made here when first needed. */
    public renderer: Renderer | undefined,
    public pool: WorkerPool | undefined,
  ) {}

  /** Renders on a worker (the pool started with `workers` if none runs) or after this thread's earlier renders. */
  render(request: RenderRequest, inWorker: boolean, workers: number, heard?: Heard): Promise<RenderResult> {
    if (inWorker) {
      this.pool ??= new WorkerPool(workers, this.guide, this.date);
      return this.pool.render(request, heard);
    }
    const renderer = (this.renderer ??= new Renderer(this.guide, this.date));
    const rendered = this.inThisThread.then(() => renderer.render(request, heard));
    this.inThisThread = rendered.catch(() => undefined);
    return rendered;
  }

  /**
   * Renders the requests on this thread, once done with what it was given before, and on
   * the running workers, once done with theirs: whichever is free takes the next. One result
   * per request, in order.
   */
  share(requests: readonly RenderRequest[]): Promise<RenderResult>[] {
    const settles = requests.map(() => settleable<RenderResult>());
    const claims = newClaims(requests.length);
    this.pool?.share(requests, claims, (index, outcome) => settles[index]!.settle(outcome));
    void (async () => {
      for (;;) {
        await this.inThisThread;
        const index = claimNext(claims, THIS_THREAD);
        if (index < 0) return;
        settles[index]!.settle(await this.render(requests[index]!, false, 0).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
      }
    })();
    return settles.map((s) => s.promise);
  }
}

/** A promise settled from outside, by a result or an error. */
function settleable<T>(): { promise: Promise<T>; settle(outcome: T | Error): void } {
  let settle!: (outcome: T | Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    settle = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
  });
  return { promise, settle };
}
