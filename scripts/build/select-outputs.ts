/**
 * Which outputs a build renders: every deliverable's plan, narrowed by `--only`,
 * `--partner` (its report and its practices' sheets) and `--practice` (its sheet).
 */
import type { Deliverable, Output } from '../deliverables/deliverable.ts';
import type { Guide } from '../model/schemas.ts';

export interface Selection {
  only: ReadonlyArray<Deliverable['name']>;
  partner?: string | undefined;
  practice?: string | undefined;
}

export interface PlannedOutput extends Output {
  deliverable: Deliverable['name'];
  engine: Deliverable['engine'];
}

export function planOutputs(guide: Guide, deliverables: readonly Deliverable[]): PlannedOutput[] {
  return deliverables.flatMap((d) => d.plan(guide).map((o) => ({ ...o, deliverable: d.name, engine: d.engine })));
}

export function selectOutputs(guide: Guide, outputs: readonly PlannedOutput[], selection: Selection): PlannedOutput[] {
  const { only, partner, practice } = selection;
  const practicesOf = (id: string) => guide.practices.filter((p) => p.partner === id).map((p) => p.id);
  return outputs.filter((o) => {
    if (only.length > 0 && !only.includes(o.deliverable)) return false;
    if (!partner && !practice) return true;
    const wanted = new Set<string>();
    if (partner) {
      wanted.add(`reports/${partner}.docx`);
      for (const id of practicesOf(partner)) wanted.add(`sheets/${id}.pdf`);
    }
    if (practice) wanted.add(`sheets/${practice}.pdf`);
    // An explicit --only keeps whole deliverables that the filters do not name (e.g. the guide).
    return wanted.has(o.path) || (only.includes(o.deliverable) && ![...wanted].some((w) => w.startsWith(`${o.deliverable}/`)));
  });
}
