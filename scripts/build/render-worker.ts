/**
 * A render worker: receives the model once, then renders outputs by path, in the order
 * requested, or takes its part of a batch shared with other threads (shared-claims.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { Deliverable } from '../deliverables/deliverable.ts';
import type { Guide } from '../model/schemas.ts';
import { serialiseError } from './render-errors.ts';
import { Renderer, type RenderRequest } from './render-one.ts';
import { claimNext } from './shared-claims.ts';

type Message =
  | { type: 'init'; guide: Guide; date: Date }
  | ({ type: 'render'; id: number } & RenderRequest)
  | { type: 'share'; id: number; requests: RenderRequest[]; claims: Int32Array; tag: number }
  | { type: 'warm'; engine: Deliverable['engine'] }
  | { type: 'close' };

let renderer: Renderer | undefined;
/** Requests are queued here and rendered one at a time, in the order they came. */
let queue: Promise<void> = Promise.resolve();

/** Renders one request and posts its result (or error) under `id`, with `index` in a shared batch. */
function renderAndPost(id: number, request: RenderRequest, index?: number): Promise<void> {
  const published = (name: string, value: unknown) => parentPort!.postMessage({ id, fact: [name, value] });
  return renderer!.render(request, index === undefined ? published : undefined).then(
    (result) => parentPort!.postMessage({ id, index, result }, [result.bytes.buffer as ArrayBuffer]),
    (error: unknown) => parentPort!.postMessage({ id, index, error: serialiseError(error) }),
  );
}

parentPort!.on('message', (message: Message) => {
  if (message.type === 'init') {
    renderer = new Renderer(message.guide, message.date);
  } else if (message.type === 'render') {
    const { id, type: _, ...request } = message;
    queue = queue.then(() => renderAndPost(id, request));
  } else if (message.type === 'close') {
    process.exit(0); // not `terminate`: the thread's exit handlers run (cli/code-cache.ts)
  } else if (message.type === 'warm') {
    queue = queue.then(() => renderer!.warm(message.engine).catch(() => undefined)); // best effort: a render reports any error
  } else {
    const { id, requests, claims, tag } = message;
    queue = queue.then(async () => {
      for (let i = claimNext(claims, tag); i >= 0; i = claimNext(claims, tag)) await renderAndPost(id, requests[i]!, i);
      parentPort!.postMessage({ id, done: true });
    });
  }
});
