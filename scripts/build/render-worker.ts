/** A render worker: receives the model once, then renders outputs by path, in the order requested. */
import { parentPort } from 'node:worker_threads';
import type { Guide } from '../model/schemas.ts';
import { serialiseError } from './render-errors.ts';
import { Renderer, type RenderRequest } from './render-one.ts';

type Message = { type: 'init'; guide: Guide; date: Date } | ({ type: 'render'; id: number } & RenderRequest);

let renderer: Renderer | undefined;
/** Requests are queued here and rendered one at a time, in the order they came. */
let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (message: Message) => {
  if (message.type === 'init') {
    renderer = new Renderer(message.guide, message.date);
    return;
  }
  const { id, type: _, ...request } = message;
  queue = queue.then(() =>
    renderer!.render(request).then(
      (result) => parentPort!.postMessage({ id, result }, [result.bytes.buffer as ArrayBuffer]),
      (error: unknown) => parentPort!.postMessage({ id, error: serialiseError(error) }),
    ),
  );
});
