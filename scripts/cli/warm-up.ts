/**
 * Watch mode's first build often has nothing to render (out/ is up to date), so the first
 * save used to pay for loading pdfmake and docx, parsing the fonts and compiling the code:
 * ~3 s instead of ~1 s. Once the first build is done, the guide (from its kept layouts) and
 * one sheet render here, and one report and the combined sheets on the worker (where a
 * rebuild renders them), from the model just loaded and written nowhere, which warms them up.
 */
import { BuildCache, layoutCacheIn } from '../build/build-cache.ts';
import { loadDeliverables } from '../build/deliverables.ts';
import { codeKey, InputHasher } from '../build/output-key.ts';
import type { Renderer, RenderRequest } from '../build/render-one.ts';
import { planOutputs, type PlannedOutput } from '../build/select-outputs.ts';
import type { WorkerPool } from '../build/worker-pool.ts';
import type { Guide } from '../model/schemas.ts';

export async function warmUp(guide: Guide, renderer: Renderer, pool: WorkerPool | undefined, out: string): Promise<void> {
  const outputs = planOutputs(guide, await loadDeliverables());
  const { entries } = new BuildCache(out);
  // The long PDFs' kept layouts and drawings, as the build keeps them: unchanged, they stay.
  const layoutCache = layoutCacheIn(out, codeKey(new InputHasher()), true);
  // With what the outputs it needs published last time, as a build would render it.
  const request = (o: PlannedOutput): RenderRequest => ({
    path: o.path,
    facts: Object.fromEntries((o.needs ?? []).map((n) => [n, entries.get(n)?.facts ?? {}])),
    ...layoutCache,
  });
  // The combined sheets render where a rebuild renders them: on the worker, or here without one.
  const onWorker = [outputs.find((o) => o.engine === 'docx'), outputs.find((o) => o.path === 'practice-sheets.pdf')];
  const here = [outputs.find((o) => o.path.startsWith('sheets/')), outputs.find((o) => o.path === 'guide.pdf')];
  // Best effort: whatever fails here, the next build renders and reports.
  await Promise.all([
    ...onWorker.map((o) => o && (pool ?? renderer).render(request(o)).catch(() => undefined)),
    ...here.map((o) => o && renderer.render(request(o)).catch(() => undefined)),
  ]);
}
