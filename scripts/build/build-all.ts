/**
 * The build, stage by stage:
 *   1–4. load, parse, model and validate `content/` (done by the caller: `loadGuide`);
 *   5.   plan every deliverable's outputs and render them from the model via templates;
 *   6.   write each output atomically to `out/`.
 * Renderers are imported here, lazily, so `netpes check` never pays for pdfmake or docx.
 */
import path from 'node:path';
import type { CliOptions } from '../cli/options.ts';
import type { Deliverable, Output, RenderContext } from '../deliverables/deliverable.ts';
import type { Guide } from '../model/schemas.ts';
import { loadTemplateSet } from '../render/template/load-template-set.ts';
import { loadTheme } from '../render/theme.ts';
import { writeAtomic } from '../write/write-atomic.ts';
import { buildDate } from './build-date.ts';

export const TEMPLATES_DIR = 'templates';

/** The deliverables, in build order. Each module is imported only when a build runs. */
async function deliverables(): Promise<Deliverable[]> {
  const modules = await Promise.all([
    // import('../deliverables/guide/guide.ts'),
    // import('../deliverables/reports/reports.ts'),
    // import('../deliverables/sheets/sheets.ts'),
  ] as Array<Promise<{ default: Deliverable }>>);
  return modules.map((m) => m.default);
}

export async function buildAll(guide: Guide, options: CliOptions): Promise<number> {
  const started = performance.now();
  const warnings: string[] = [];
  const ctx: RenderContext = {
    guide,
    theme: loadTheme(path.join(TEMPLATES_DIR, 'theme.yaml')),
    templates: loadTemplateSet(TEMPLATES_DIR),
    date: buildDate(guide),
    warn: (file, message) => warnings.push(`${file}: warning: ${message}`),
  };
  const selected = (await deliverables()).filter((d) => options.only.length === 0 || options.only.includes(d.name));
  const outputs: Output[] = selected.flatMap((d) => d.plan(guide));
  // Render everything before writing anything: a failing render leaves out/ untouched.
  const rendered: Array<[Output, Uint8Array]> = [];
  for (const output of outputs) rendered.push([output, await output.render(ctx)]);
  for (const [output, bytes] of rendered) await writeAtomic(path.join(options.out, output.path), bytes);
  for (const w of warnings) process.stderr.write(`${w}\n`);
  if (!options.quiet) {
    const ms = Math.round(performance.now() - started);
    process.stderr.write(`built ${rendered.length} file(s) in ${options.out}/ (${ms} ms, ${warnings.length} warning(s))\n`);
  }
  return 0;
}
