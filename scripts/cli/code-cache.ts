/**
 * V8's compiled code of every CommonJS file a thread loads (the pipeline's bundle, pdfkit,
 * fontkit, docx…), kept between runs in the run cache `code/`. Without it each run, and
 * each worker, parses and compiles the same ~10 MB of JavaScript again: ~0.6 s of CPU in a
 * cold build, on two cores (V8's `--log-function-events`). Node 20 has no such cache for
 * files (`module.enableCompileCache` came in Node 22), so this does what it does there:
 * it compiles each file through `vm.Script` with the data V8 made last time, and at the
 * thread's exit keeps the data of the files that had none, with the functions the run
 * compiled, not only the top level. Loaded before the pipeline (bin/netpes.js, and the
 * bootstrap of each render worker); it needs only Node.
 *
 * A cache is found by the thread's kind (`build`, `check`, `worker`: each compiles other
 * functions), the file's path, size and modification time, and Node's version. V8 checks
 * the rest (its version, flags and the source's length) and rejects data that does not
 * fit: the file is then compiled as usual, and its cache written again. Outputs do not
 * depend on it; NETPES_NO_CACHE turns it off with the other run caches.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { Script, constants } from 'node:vm';
import { pruneLeastRecentlyUsed, runCachePath, writeCacheFileSync } from '../write/run-cache-files.ts';

/** Node's CommonJS loader, with the parts of it this file uses (not in @types/node). */
interface Loader {
  /** `format`: 'module' for an ES module that `require` loads (Node 20.19+). */
  _compile(this: LoadedModule, content: string, filename: string, format?: string): unknown;
}
interface LoadedModule {
  exports: unknown;
  require(id: string): unknown;
}
interface ModuleStatics {
  wrap(content: string): string;
  _resolveFilename(request: string, parent: LoadedModule, isMain: boolean, options?: unknown): string;
  _extensions: unknown;
  _cache: unknown;
  prototype: Loader;
}

/** The most the code cache keeps: the entries of ~10 versions of the bundle. */
const MAX_BYTES = 64 * 1024 * 1024;

/** Files compiled without usable data: their data is written at the thread's exit. */
const unkept: { script: Script; file: string }[] = [];

/**
 * Compiles every CommonJS file loaded from now on in this thread with the cached code of
 * `kind` runs, and keeps what is missing when the thread exits.
 */
export function cacheCompiledCode(kind: string): void {
  const dir = runCachePath('code');
  // With --enable-source-maps Node maps stack traces of the files it compiles itself only.
  if (!dir || process.sourceMapsEnabled) return;
  const loader = Module as unknown as ModuleStatics;
  const compile = loader.prototype._compile;
  loader.prototype._compile = function (content, filename, format) {
    // ES modules, and a shebang line (not JavaScript once wrapped): Node's loader knows.
    if (format === 'module' || content.startsWith('#!')) return compile.call(this, content, filename, format);
    const file = path.join(dir, `${codeCacheName(kind, filename)}.bin`);
    let data: Buffer | undefined;
    try {
      data = readFileSync(file);
      const now = new Date();
      utimesSync(file, now, now); // recently used: pruned last
    } catch {
      // Not kept yet.
    }
    let script: Script;
    try {
      script = new Script(loader.wrap(content), {
        filename,
        ...(data ? { cachedData: data } : {}),
        importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
    } catch {
      return compile.call(this, content, filename, format); // an ES module in a .js file: Node's loader knows
    }
    if (!data || script.cachedDataRejected) unkept.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFrom(loader, this), this, filename, path.dirname(filename));
  };
  process.on('exit', () => keepCompiledCode(dir));
}

/**
 * Writes the compiled code of the files that had none: at exit, with all the run compiled.
 * Every change to scripts/ makes a new bundle, and so new entries: past `MAX_BYTES`, the
 * least recently used are removed.
 */
function keepCompiledCode(dir: string): void {
  if (unkept.length === 0) return;
  for (const { script, file } of unkept.splice(0)) writeCacheFileSync(file, script.createCachedData());
  pruneLeastRecentlyUsed(dir, '.bin', MAX_BYTES, 'bytes');
}

/** The name of the cache of a file, for the runs of `kind`: a new one when the file or Node changes. */
export function codeCacheName(kind: string, filename: string): string {
  const { size, mtimeMs } = statSync(filename);
  return createHash('sha1').update(`${kind}\0${filename}\0${size}\0${mtimeMs}\0${process.version}`).digest('base64url');
}

/** The `require` a CommonJS file gets, as Node makes it. */
function requireFrom(loader: ModuleStatics, module: LoadedModule) {
  const require = (id: string) => module.require(id);
  require.resolve = (request: string, options?: unknown) => loader._resolveFilename(request, module, false, options);
  require.main = (process as { mainModule?: unknown }).mainModule;
  require.extensions = loader._extensions;
  require.cache = loader._cache;
  return require;
}
