/** Errors cross the worker boundary as data, so a template mistake stays a TemplateError. */
import { TemplateError } from '../render/template/render-template.ts';

export type SerialisedError =
  { kind: 'template'; file: string; line: number; column: number; message: string } | { kind: 'internal'; message: string; stack?: string };

export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof TemplateError)
    return { kind: 'template', file: error.file, line: error.line, column: error.column, message: error.message };
  const e = error as Error;
  return { kind: 'internal', message: e?.message ?? String(error), ...(e?.stack ? { stack: e.stack } : {}) };
}

export function deserialiseError(error: SerialisedError): Error {
  if (error.kind === 'template') return new TemplateError(error.file, error.line, error.column, error.message);
  const e = new Error(error.message);
  if (error.stack) e.stack = error.stack;
  return e;
}
