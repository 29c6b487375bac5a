/**
 * The `netpes` command line. One try/catch decides the exit code: 0 ok, 1 content errors,
 * 2 usage or internal errors. A content error never shows a stack trace; a bug says
 * "Internal error:". Renderers are imported lazily so `check` stays fast.
 */
import { formatDiagnostic, type Diagnostic } from '../validate/diagnostics.ts';
import { loadGuide } from '../validate/load-guide.ts';
import { HELP, parseOptions, UsageError, type CliOptions } from './options.ts';

const color = Boolean(process.stderr.isTTY) && !process.env['NO_COLOR'];

async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`netpes: ${error.message}\n\n${HELP.help}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${HELP[options.command]}\n`);
    return 0;
  }
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (options.command === 'build' && epoch && !/^\d+$/.test(epoch)) {
    // The reproducible-builds spec: a malformed value is an error, not silently another date.
    process.stderr.write(`netpes: SOURCE_DATE_EPOCH="${epoch}" is not a whole number of seconds since 1970-01-01 UTC; unset it to date the outputs by the guide's date\n`);
    return 2;
  }

  if (options.command === 'build' && options.watch) {
    const { watch } = await import('./watch.ts');
    return watch(options);
  }
  const started = performance.now();
  const { guide, diagnostics } = await loadGuide(options.content);
  // `build --json` prints one document: diagnostics and the build report together.
  const jsonBuild = options.json && options.command === 'build' && guide !== undefined;
  if (!jsonBuild) report(diagnostics.sorted(), options);
  if (!guide) {
    if (!options.json)
      process.stderr.write(`\n${diagnostics.errorCount} error(s), ${diagnostics.warningCount} warning(s); nothing was written.\n`);
    return 1;
  }
  if (options.command === 'check') {
    if (!options.quiet && !options.json) {
      const ms = Math.round(performance.now() - started);
      process.stderr.write(
        `content OK: ${guide.practices.length} practices, ${guide.partners.length} partners, ${diagnostics.warningCount} warning(s) (${ms} ms)\n`,
      );
    }
    return 0;
  }
  const { runBuild } = await import('./build-command.ts');
  return runBuild(guide, options, started, diagnostics.sorted());
}

export function report(diagnostics: Diagnostic[], options: CliOptions): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ diagnostics }, null, 2)}\n`);
    return;
  }
  for (const d of diagnostics) {
    if (options.quiet && d.severity !== 'error') continue;
    process.stderr.write(`${formatDiagnostic(d, color)}\n`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const e = error as Error;
    process.stderr.write(`Internal error: ${e?.message ?? String(error)}\n${e?.stack ?? ''}\n`);
    process.exitCode = 2;
  },
);
