/**
 * A batch of outputs shared between this thread and the workers without a dispatcher: one
 * Int32 per output in shared memory, 0 while nobody took it, else the tag of the thread that
 * did. A thread takes the next free output (compare-and-swap) when it is free itself, so a
 * worker never waits for this thread to hand it work: this thread may be busy drawing the
 * guide for a second, and would only read the worker's messages afterwards.
 */

/** This thread's tag; a worker's is 2 or more (worker-pool.ts). */
export const THIS_THREAD = 1;

export function newClaims(count: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * count));
}

/** Takes the first output nobody took for the thread `tag`: its index, or -1 when all are taken. */
export function claimNext(claims: Int32Array, tag: number): number {
  for (let i = 0; i < claims.length; i++) {
    if (Atomics.load(claims, i) === 0 && Atomics.compareExchange(claims, i, 0, tag) === 0) return i;
  }
  return -1;
}
