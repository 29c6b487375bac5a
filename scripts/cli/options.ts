/** The command line's typed options, their help text (type and default) and parsing. */
import { parseArgs } from 'node:util';

export interface CliOptions {
  command: 'check' | 'build' | 'help';
  content: string;
  out: string;
  only: Array<'guide' | 'reports' | 'sheets'>;
  partner: string | undefined;
  practice: string | undefined;
  jobs: number | undefined;
  watch: boolean;
  json: boolean;
  quiet: boolean;
  help: boolean;
}

export class UsageError extends Error {}

const COMMON = `  --content DIR    string   folder of the Markdown content       (default: content)
  --json           boolean  print diagnostics as JSON on stdout   (default: false)
  --quiet          boolean  print errors only                     (default: false)
  -h, --help       boolean  show this help`;

export const HELP: Record<CliOptions['command'], string> = {
  help: `netpes — builds the NET PES practical guide, partner reports and practice sheets

Usage: netpes <command> [options]

Commands:
  check    validate content/ and report every problem
  build    validate, then write every deliverable to out/

Run "netpes <command> --help" for a command's options.
Exit codes: 0 ok, 1 content errors, 2 usage or internal error.`,
  check: `Usage: netpes check [options]

Validates every file of the content folder and prints each problem as
path:line:column error|warning: message. Writes nothing.

Options:
${COMMON}`,
  build: `Usage: netpes build [options]

Validates the content, then renders out/guide.pdf, out/reports/<partner>.docx and
out/sheets/<practice>.pdf. Writes nothing when validation fails.

Options:
${COMMON}
  --out DIR        string   folder for the deliverables           (default: out)
  --only KIND      string   guide, reports or sheets; repeatable  (default: all)
  --partner ID     string   only that partner's report and sheets (default: all)
  --practice ID    string   only that practice's sheet            (default: all)
  --jobs N         number   rendering threads; see README          (default: 2 on 2 cores, else cores - 1, max 4)
  --watch          boolean  rebuild on every save until Ctrl-C    (default: false)

Unchanged outputs are not rendered again (cache in <out>/.cache/); <out>/manifest.json
lists every output with its sha256, pages and sources.`,
};

export function parseOptions(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        content: { type: 'string', default: 'content' },
        out: { type: 'string', default: 'out' },
        only: { type: 'string', multiple: true, default: [] },
        partner: { type: 'string' },
        practice: { type: 'string' },
        jobs: { type: 'string' },
        watch: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? 'help';
  if (!['check', 'build', 'help'].includes(command)) throw new UsageError(`unknown command "${command}"; expected check or build`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  const only = values.only as string[];
  for (const kind of only) {
    if (!['guide', 'reports', 'sheets'].includes(kind)) throw new UsageError(`--only "${kind}": expected guide, reports or sheets`);
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    throw new UsageError(`--jobs "${values.jobs}": expected a whole number ≥ 1`);
  return {
    command: command as CliOptions['command'],
    partner: values.partner as string | undefined,
    practice: values.practice as string | undefined,
    jobs,
    watch: values.watch as boolean,
    content: values.content as string,
    out: values.out as string,
    only: only as CliOptions['only'],
    json: values.json as boolean,
    quiet: values.quiet as boolean,
    help: (values.help as boolean) || command === 'help',
  };
}
