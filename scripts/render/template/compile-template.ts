/**
 * Handlebars templates, compiled into an environment of the Handlebars runtime. Compiling
 * (parsing a template, generating its code) took ~0.1 s of every build in each thread that
 * renders: on the critical path of a cold build and of a one-word edit alike, though the
 * templates seldom change. So the compiler's output, a precompiled template (its code as
 * text), is kept on disk between runs in node_modules/.cache/netpes/templates, keyed by the
 * Handlebars version, the options and the source, and a kept template is revived by the
 * runtime alone: the compiler is not even loaded. The same function either way, so the same
 * Markdown and the same bytes; an entry that does not read back is compiled again.
 */
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { packageVersion, runCache } from '../../write/run-cache.ts';

export type Environment = typeof Handlebars;

/** As every template is compiled: `strict` reports a missing value instead of printing nothing. */
const OPTIONS = { strict: true, noEscape: false, knownHelpersOnly: false } as const;

/** A new environment (helpers, partials) for a set of templates. */
export function createEnvironment(): Environment {
  return (HandlebarsRuntime as unknown as Environment).create();
}

let compiler: Environment | undefined;
/** `handlebars@<version>`, read once per process (every template's key holds it). */
let version: string | undefined;

/** The template compiled from `source`, in `hb`; throws the compiler's error (with its line) for a bad one. */
export function compileTemplate(hb: Environment, source: string): HandlebarsTemplateDelegate {
  const cache = runCache<string>('templates');
  version ??= packageVersion('handlebars');
  const key = `${version}\0${JSON.stringify(OPTIONS)}\0${source}`;
  const kept = cache.get(key);
  if (typeof kept === 'string') {
    try {
      return revive(hb, kept);
    } catch {
      // not a template spec after all: compiled again below
    }
  }
  compiler ??= createRequire(import.meta.url)('handlebars') as Environment;
  const spec = compiler.precompile(source, { ...OPTIONS }) as string; // a copy: the compiler adds to its options
  const template = revive(hb, spec);
  cache.set(key, spec);
  return template;
}

/** What `Handlebars.compile` does with the code it generates: the spec object, made a template. */
function revive(hb: Environment, spec: string): HandlebarsTemplateDelegate {
  // The compiler's own output, kept beside node_modules: code of the same trust as the package's.
  const object = new Function(`return ${spec};`)() as TemplateSpecification;
  return hb.template(object);
}
