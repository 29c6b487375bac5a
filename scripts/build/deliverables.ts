/** The deliverables, in build order. Their modules (pdfmake, docx) load only when a build runs. */
import type { Deliverable } from '../deliverables/deliverable.ts';

export async function loadDeliverables(): Promise<Deliverable[]> {
  const modules = await Promise.all([
    import('../deliverables/guide/guide.ts'),
    import('../deliverables/reports/reports.ts'),
    import('../deliverables/sheets/sheets.ts'),
  ] as Array<Promise<{ default: Deliverable }>>);
  return modules.map((m) => m.default);
}
