#!/usr/bin/env node
// The `netpes` command. It runs a bundle of scripts/ made by esbuild, rebuilt whenever a
// source file changes: no compile step to remember, and no TypeScript loader at run time
// (which alone cost ~0.3 s per run, more than `netpes check` itself).
import { createHash } from 'node:crypto';
import process from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
const EXTERNAL = ['pdfmake', 'docx', 'chokidar', 'esbuild'];

async function bundle(outdir) {
  const { build } = await import('esbuild');
  const temp = `${outdir}.${process.pid}.tmp`;
  await build({
    // Both entries at the top of the bundle: the pool finds the worker as ./render-worker.js.
    entryPoints: { netpes: path.join(sources, 'cli', 'netpes.ts'), 'render-worker': path.join(sources, 'build', 'render-worker.ts') },
    outdir: temp,
    bundle: true,
    splitting: true, // renderers stay in their own chunks, loaded only by `build`
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Small pure-JS packages are bundled (zod, yaml, gray-matter, the Handlebars runtime…):
    // loaded as hundreds of separate files, they cost more in resolving and reading than in
    // running. Those that read files beside their code (pdfmake's fonts and pdfkit's font
    // metrics) or that only some runs load (docx, chokidar, esbuild) stay in node_modules,
    // as do those loaded on demand through `createRequire` (the compiler of Handlebars, the
    // Markdown parser, pdfkit's fontkit).
    external: EXTERNAL,
    // Bundled CommonJS code calls `require` for Node's own modules.
    banner: { js: "import { createRequire as __netpesRequire } from 'node:module'; const require = __netpesRequire(import.meta.url);" },
    sourcemap: 'linked', // beside the chunks: not parsed on every run (`node --enable-source-maps` reads them)
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
if (!existsSync(path.join(outdir, 'netpes.js'))) await bundle(outdir);
await import(pathToFileURL(path.join(outdir, 'netpes.js')).href);
