/**
 * `npm run bench`: medians of the times that matter to editors and officers, on a copy of
 * content/ (the repository's files are never touched):
 *   check · cold full build · the same with the run caches empty too · no-change rebuild ·
 *   rebuild after a one-word edit · watch-mode save-to-written latency · first and cold
 *   builds of 10× content (with peak memory),
 * and, when pandoc is installed, pandoc turning the same Markdown into one DOCX, with every
 * figure as a ratio to it. pandoc, the cold build, the no-change rebuild and the edit are
 * measured in rounds (`measureRounds`), and the ratios the targets set are also given per
 * round. Usage: tsx scripts/bench/bench.ts [--runs N]
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeSyntheticContent } from './make-synthetic-content.ts';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt === -1 ? 5 : Number(process.argv[runsAt + 1]);
if (!Number.isInteger(runs) || runs < 1) throw new Error('usage: tsx scripts/bench/bench.ts [--runs N], N ≥ 1');
const work = path.resolve('.tmp/bench');
const content = path.join(work, 'content');
const out = path.join(work, 'out');
const bin = path.resolve('bin/netpes.js');
const EDITED = path.join(content, 'practices/activation/bifurcators.md');
/**
 * The run caches (parsed Markdown, shaped words: scripts/write/run-cache.ts) of the bench's
 * own, inherited by every run: "cold" empties out/ and finds them as the previous build left
 * them, as an officer's next build does; the first build after `npm ci` has them empty.
 */
const caches = path.join(work, 'run-caches');
process.env['NETPES_CACHE_DIR'] = caches;
/**
 * As `npm run build` runs it: V8 otherwise lets the heap grow lazily towards its 4 GB
 * default, and the 10× build peaked at 2.0 GB of mostly garbage. Capped at 1100 MB it peaks
 * at ~1.33 GiB with the reports' worker (1200: ~1.40 GiB, too close to the 1.5 GB budget),
 * in the same time within noise.
 */
const NODE_FLAGS = ['--max-old-space-size=1100'];

function time(args: string[], env: Record<string, string> = {}): { seconds: number; maxRssMb: number | undefined } {
  const timeBin = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : [];
  const started = performance.now();
  const run = spawnSync(
    timeBin[0] ?? process.execPath,
    [...timeBin.slice(1), ...(timeBin.length ? [process.execPath] : []), ...NODE_FLAGS, bin, ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`netpes ${args.join(' ')} failed:\n${run.stderr}`);
  const rss = timeBin.length ? Number(run.stderr.trim().split('\n').at(-1)) / 1024 : undefined;
  return { seconds, maxRssMb: rss };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function measure(name: string, n: number, before: () => void, args: string[]): { name: string; seconds: number; rss?: number } {
  const samples: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < n; i++) {
    before();
    const r = time(args);
    samples.push(r.seconds);
    if (r.maxRssMb) rss.push(r.maxRssMb);
  }
  process.stderr.write(`${name}: ${samples.map((s) => s.toFixed(2)).join(', ')} s\n`);
  return { name, seconds: median(samples), ...(rss.length ? { rss: Math.max(...rss) } : {}) };
}

/**
 * A one-word edit, each time to a word the last edits did not write: an editor's next save
 * is new text, which no build of this process has laid out before (watch mode keeps what it
 * laid out, so going back and forth between two words would be found there).
 */
const WORDS = ['significant', 'major', 'notable', 'marked', 'real', 'clear', 'broad', 'deep', 'lasting', 'visible', 'tangible', 'sizeable'];
let edits = 0;
function editOneWord(): void {
  const text = readFileSync(EDITED, 'utf8');
  const word = WORDS[++edits % WORDS.length]!;
  const edited = text.replace(new RegExp(`\\b(${WORDS.join('|')}) change`), `${word} change`);
  if (edited === text) throw new Error(`bench: no "<word> change" to edit in ${EDITED}`);
  writeFileSync(EDITED, edited);
}

/** The Markdown files pandoc is given, or null without pandoc: found once. */
let pandocInput: string[] | null | undefined;

/** pandoc turning the same Markdown into one DOCX, in seconds (undefined: no pandoc here). */
function timePandoc(): number | undefined {
  pandocInput ??= spawnSync('pandoc', ['--version']).status === 0 ? spawnSync('find', [content, '-name', '*.md'], { encoding: 'utf8' }).stdout.trim().split('\n').sort() : null;
  const files = pandocInput;
  if (!files) return undefined;
  const started = performance.now();
  const run = spawnSync('pandoc', ['-f', 'markdown', '-o', path.join(work, 'pandoc.docx'), ...files]);
  if (run.status !== 0) throw new Error(`pandoc failed: ${run.stderr}`);
  return (performance.now() - started) / 1000;
}

/**
 * The measures the targets compare, taken in rounds: pandoc, a cold build, a no-change
 * rebuild and a one-word edit, one after the other, `n` times. This machine's speed drifts
 * by a third within minutes; measured one after the other in blocks (pandoc last, after the
 * 10× builds), a ratio compared one minute's speed with another's. Each round's ratios
 * compare the same minute's; their medians are printed with the table.
 */
function measureRounds(n: number, build: string[], clean: () => void) {
  const samples = { pandoc: [] as number[], cold: [] as number[], noChange: [] as number[], edit: [] as number[] };
  const rss = { cold: [] as number[], noChange: [] as number[], edit: [] as number[] };
  const take = (measure: keyof typeof rss) => {
    const r = time(build);
    samples[measure].push(r.seconds);
    if (r.maxRssMb) rss[measure].push(r.maxRssMb);
  };
  for (let i = 0; i < n; i++) {
    const p = timePandoc();
    if (p !== undefined) samples.pandoc.push(p);
    clean();
    take('cold');
    take('noChange');
    editOneWord();
    take('edit');
  }
  const row = (name: string, measure: keyof typeof rss) => {
    process.stderr.write(`${name}: ${samples[measure].map((s) => s.toFixed(2)).join(', ')} s\n`);
    return { name, seconds: median(samples[measure]), ...(rss[measure].length ? { rss: Math.max(...rss[measure]) } : {}) };
  };
  if (samples.pandoc.length) process.stderr.write(`pandoc: ${samples.pandoc.map((s) => s.toFixed(2)).join(', ')} s\n`);
  const ratio = (xs: number[], ys: number[]) => median(xs.map((x, i) => x / ys[i]!));
  return {
    cold: row('cold full build (out/ empty)', 'cold'),
    noChange: row('no-change rebuild', 'noChange'),
    edit: row('one-word edit rebuild', 'edit'),
    pandoc: samples.pandoc.length ? median(samples.pandoc) : undefined,
    ratios: {
      coldToPandoc: samples.pandoc.length ? ratio(samples.cold, samples.pandoc) : undefined,
      noChangeToCold: ratio(samples.noChange, samples.cold),
      editToCold: ratio(samples.edit, samples.cold),
    },
  };
}

/** Save-to-written in watch mode: to the first pass (the practice's sheet) and to the end (the guide and reports too). */
async function watchLatency(n: number): Promise<{ first: number[]; all: number[] }> {
  const child = spawn(process.execPath, [...NODE_FLAGS, bin, 'build', '--watch', '--content', content, '--out', out], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const waitFor = (re: RegExp, from: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch: timed out waiting for ${re}\n${log}`)), 60_000);
      const check = () => {
        if (re.test(log.slice(from))) {
          clearTimeout(timer);
          child.stderr.off('data', check);
          resolve();
        }
      };
      child.stderr.on('data', check);
      check();
    });
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await waitFor(/watching /, 0);
  const first: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < n; i++) {
    const from = log.length;
    const started = performance.now();
    editOneWord();
    await waitFor(/first pass: /, from);
    first.push((performance.now() - started) / 1000);
    await waitFor(/file\(s\) in /, from);
    all.push((performance.now() - started) / 1000);
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGINT');
  return { first, all };
}

async function main(): Promise<void> {
  rmSync(work, { recursive: true, force: true });
  cpSync('content', content, { recursive: true });
  const rows: Array<{ name: string; seconds: number; rss?: number }> = [];
  const clean = () => rmSync(out, { recursive: true, force: true });

  // Not timed: the first run after the sources change bundles them (bin/netpes.js), once.
  time(['check', '--content', content]);
  rows.push(measure('check', runs, () => {}, ['check', '--content', content]));
  const coldRuns = Math.max(3, Math.ceil(runs / 2));
  const build = ['build', '--quiet', '--content', content, '--out', out];
  const emptyCaches = () => rmSync(caches, { recursive: true, force: true });
  rows.push(measure('first build: out/ and run caches empty', coldRuns, () => (clean(), emptyCaches()), build));
  const rounds = measureRounds(Math.max(runs, 3), build, clean);
  rows.push(rounds.cold, rounds.noChange, rounds.edit);
  const latencies = await watchLatency(runs);
  process.stderr.write(`watch save-to-written, first pass: ${latencies.first.map((s) => s.toFixed(2)).join(', ')} s\n`);
  process.stderr.write(`watch save-to-written, all: ${latencies.all.map((s) => s.toFixed(2)).join(', ')} s\n`);
  rows.push({ name: 'watch save-to-written: the sheet (first pass)', seconds: median(latencies.first) });
  rows.push({ name: 'watch save-to-written: all, guide and reports included', seconds: median(latencies.all) });

  const big = path.join(work, 'content-10x');
  makeSyntheticContent(content, big, 10);
  const bigOut = path.join(work, 'out-10x');
  const bigBuild = ['build', '--quiet', '--content', big, '--out', bigOut];
  const cleanBig = () => rmSync(bigOut, { recursive: true, force: true });
  // Each 10× build compared with the 1× build made the same way: run caches empty, then kept.
  const firstBig = measure('first build, 10× content (out/ and run caches empty)', 1, () => (cleanBig(), emptyCaches()), bigBuild);
  const coldBig = measure('cold full build, 10× content (out/ empty)', 1, cleanBig, bigBuild);
  rows.push(firstBig, coldBig);

  const pandoc = rounds.pandoc;

  const first = rows[1]!.seconds;
  const cold = rows[2]!.seconds;
  const lines = ['| measure | median (s) | × cold build | × pandoc | peak memory |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${r.seconds.toFixed(2)} | ${(r.seconds / cold).toFixed(2)} | ${pandoc ? (r.seconds / pandoc).toFixed(1) : '–'} | ${r.rss ? `${Math.round(r.rss)} MB` : ''} |`,
    );
  }
  if (pandoc) lines.push(`| pandoc → one DOCX (reference) | ${pandoc.toFixed(2)} | ${(pandoc / cold).toFixed(2)} | 1.0 | |`);
  lines.push(
    '',
    `Measured in the same rounds (each: ${pandoc ? 'pandoc, ' : ''}cold build, no-change rebuild, one-word edit), medians of each round's ratios: ` +
      `${pandoc ? `cold build ${rounds.ratios.coldToPandoc!.toFixed(1)}× pandoc, ` : ''}no-change rebuild ${rounds.ratios.noChangeToCold.toFixed(2)}× cold, one-word edit ${rounds.ratios.editToCold.toFixed(2)}× cold.`,
    `10× content / 1× content: first build ${(firstBig.seconds / first).toFixed(1)}×, cold build ${(coldBig.seconds / cold).toFixed(1)}×; ` +
      `runs: ${runs}; machine: ${(await import('node:os')).cpus().length} cores`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
