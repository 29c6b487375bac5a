#!/usr/bin/env node
// The `netpes` command. It runs a bundle of scripts/ made by esbuild, rebuilt whenever a
// source file changes: no compile step to remember, and no TypeScript loader at run time
// (which alone cost ~0.3 s per run, more than `netpes check` itself).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import process from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const sources = path.join(root, 'scripts');
const cacheDir = path.join(root, 'node_modules', '.cache', 'netpes');

function stamp() {
  const hash = createHash('sha1');
  const files = readdirSync(sources, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
  // This file too: its build options shape the bundle.
  for (const file of [...files.map((f) => path.join(sources, f)), fileURLToPath(import.meta.url)]) {
    const { mtimeMs, size } = statSync(file);
    hash.update(`${path.relative(root, file)}\0${mtimeMs}\0${size}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Left in node_modules: see `external` below. */
const EXTERNAL = ['pdfmake', 'docx', 'esbuild'];

async function bundle(outdir) {
  const { build } = await import('esbuild');
  const temp = `${outdir}.${process.pid}.tmp`;
  await build({
    // The pool starts a worker as ./render-worker.cjs, after ./code-cache.cjs.
    entryPoints: {
      netpes: path.join(sources, 'cli', 'netpes.ts'),
      'render-worker': path.join(sources, 'build', 'render-worker.ts'),
      'code-cache': path.join(sources, 'cli', 'code-cache.ts'),
    },
    outdir: temp,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    // CommonJS, one file per entry: V8's compiled code of a CommonJS file can be cached
    // between runs (scripts/cli/code-cache.ts), not that of an ES module in Node 20. The
    // renderers' modules are in the file but run only when a build imports them.
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // As `require` calls, which the code cache sees: not as `import()`, which it does not.
    supported: { 'dynamic-import': false },
    // What an ES module reads from import.meta: this file's own URL.
    define: { 'import.meta.url': '__netpesFileUrl' },
    banner: { js: "const __netpesFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    // Small pure-JS packages are bundled (zod, yaml, gray-matter, the Handlebars runtime,
    // chokidar…): loaded as hundreds of separate files, they cost more in resolving and
    // reading than in running. Those that read files beside their code (pdfmake's fonts
    // and pdfkit's font metrics) or that have several entries (docx) stay in node_modules,
    // as do those loaded on demand through `createRequire` (the compiler of Handlebars, the
    // Markdown parser, pdfkit's fontkit).
    external: EXTERNAL,
    sourcemap: 'linked', // beside the bundles: not parsed on every run (`node --enable-source-maps` reads them)
    logLevel: 'error',
  });
  try {
    renameSync(temp, outdir);
  } catch {
    rmSync(temp, { recursive: true, force: true }); // another process won the race: same bundle
  }
  for (const old of readdirSync(cacheDir)) {
    if (old.startsWith('dist-') && path.join(cacheDir, old) !== outdir && !old.endsWith('.tmp')) {
      rmSync(path.join(cacheDir, old), { recursive: true, force: true });
    }
  }
}

// V8 tunes its optimising compiler for long-lived pages: it compiles a function's optimised
// code early and inlines its callees into it. A build lasts seconds, and that compiling (on
// V8's own threads) took ~2.5 s of CPU of a ~9 s cold build, on a machine of two cores:
// optimised later (a larger interrupt budget, ~3.4× the default) and without inlining, the
// build needs ~20% less CPU and its cold build is ~8% faster; a 10× build is no slower
// (README, "Compiler settings"). Set before any of the pipeline's code runs; flags are the
// process's, so its workers have them too. Outputs do not depend on them.
setFlagsFromString('--interrupt-budget=450000');
setFlagsFromString('--no-turbo-inlining');
process.env.NETPES_ROOT ??= root; // templates/ and scripts/ are found from here, not from the cwd
const outdir = path.join(cacheDir, `dist-${stamp()}`);
if (!existsSync(path.join(outdir, 'netpes.cjs'))) await bundle(outdir);
const require = createRequire(import.meta.url);
require(path.join(outdir, 'code-cache.cjs')).cacheCompiledCode(process.argv[2] === 'check' ? 'check' : 'build');
require(path.join(outdir, 'netpes.cjs'));
