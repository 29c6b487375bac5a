/** `netpes build` after validation: checks the selection, renders, prints progress and a summary. */
import path from 'node:path';
import type { Guide } from '../model/schemas.ts';
import { TemplateError } from '../render/template/render-template.ts';
import { formatDiagnostic, type Diagnostic } from '../validate/diagnostics.ts';
import { OutputLockedError } from '../write/out-lock.ts';
import type { CliOptions } from './options.ts';
import { formatSummary, progressLine } from './summary.ts';

export async function runBuild(guide: Guide, options: CliOptions, started: number, diagnostics: Diagnostic[] = []): Promise<number> {
  if (options.partner && !guide.partners.some((p) => p.id === options.partner)) {
    process.stderr.write(`netpes: --partner "${options.partner}": expected one of: ${guide.partners.map((p) => p.id).join(', ')}\n`);
    return 2;
  }
  if (options.practice && !guide.practices.some((p) => p.id === options.practice)) {
    process.stderr.write(`netpes: --practice "${options.practice}" is not a practice id (e.g. ${guide.practices[0]?.id})\n`);
    return 2;
  }
  const { buildAll } = await import('../build/build-all.ts');
  const tty = Boolean(process.stderr.isTTY) && !options.quiet && !options.json;
  let report;
  try {
    report = await buildAll(guide, {
      out: options.out,
      only: options.only,
      partner: options.partner,
      practice: options.practice,
      jobs: options.jobs,
      onProgress: tty ? (done, total) => process.stderr.write(progressLine(done, total, started)) : undefined,
    });
  } catch (error) {
    const message = buildErrorMessage(error, options.out);
    if (message === undefined) throw error;
    process.stderr.write(`${message}\n${error instanceof TemplateError ? 'nothing was written.\n' : ''}`);
    return 1;
  }
  if (tty) process.stderr.write('\r\u001b[K');
  const ms = Math.round(performance.now() - started);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ diagnostics, ...report, ms }, null, 2)}\n`);
  } else {
    if (!options.quiet) {
      for (const w of report.warnings) process.stderr.write(`${w}\n`);
      process.stderr.write(`${formatSummary(report, options.out, ms)}\n`);
    }
  }
  return 0;
}

/** File-system refusals a user can fix, in words (the code stays in the message for searching). */
const FS_REASONS: Record<string, string> = {
  EEXIST: 'a file of that name is in the way of a folder',
  ENOTDIR: 'part of that path is a file, not a folder',
  EISDIR: 'a folder of that name is in the way of a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/**
 * What a user is told of a build that stopped on their mistake rather than on a bug: a
 * template error located like a content error, another build holding out/, or an output
 * folder that cannot be written. Undefined for anything else (an internal error).
 */
export function buildErrorMessage(error: unknown, out?: string): string | undefined {
  const { code, path: where } = (error ?? {}) as NodeJS.ErrnoException;
  if (code && where && FS_REASONS[code]) {
    const inOut = out !== undefined && !path.relative(path.resolve(out), path.resolve(where)).startsWith('..');
    return `netpes: cannot write ${where}: ${FS_REASONS[code]} (${code})${inOut ? '; pass another --out, or fix the folder' : ''}`;
  }
  if (error instanceof TemplateError) {
    // A template mistake is the designer's content error: located, no stack trace.
    const file = path.relative(process.cwd(), error.file) || error.file;
    return formatDiagnostic({ file, line: error.line, column: error.column, severity: 'error', message: error.message });
  }
  if (error instanceof OutputLockedError) return `netpes: ${error.message}`;
  return undefined;
}
