/**
 * The order outputs render in: an output needs the facts of others (a sheet cites the
 * guide's page numbers), so it renders in a later group than they do, and a selected output
 * brings the outputs it needs into the build.
 */
import type { PlannedOutput } from './select-outputs.ts';

/** Outputs grouped so each group only needs outputs of earlier groups. */
export function dependencyLevels(outputs: readonly PlannedOutput[], needsOf: (o: PlannedOutput) => readonly string[]): PlannedOutput[][] {
  const byPath = new Map(outputs.map((o) => [o.path, o]));
  const depth = new Map<string, number>();
  const depthOf = (o: PlannedOutput, seen: string[] = []): number => {
    const known = depth.get(o.path);
    if (known !== undefined) return known;
    if (seen.includes(o.path)) throw new Error(`outputs need each other: ${[...seen, o.path].join(' → ')}`);
    const needs = needsOf(o).map((n) => byPath.get(n)).filter((n): n is PlannedOutput => n !== undefined);
    const d = needs.length === 0 ? 0 : 1 + Math.max(...needs.map((n) => depthOf(n, [...seen, o.path])));
    depth.set(o.path, d);
    return d;
  };
  const levels: PlannedOutput[][] = [];
  for (const o of outputs) (levels[depthOf(o)] ??= []).push(o);
  return levels.filter(Boolean);
}

/** Adds the outputs that selected ones depend on (a sheet needs the guide's page numbers). */
export function withNeeds(selected: PlannedOutput[], all: PlannedOutput[]): PlannedOutput[] {
  const byPath = new Map(all.map((o) => [o.path, o]));
  const paths = new Set<string>();
  const add = (o: PlannedOutput) => {
    if (paths.has(o.path)) return;
    paths.add(o.path);
    for (const n of o.needs ?? []) if (byPath.has(n)) add(byPath.get(n)!);
  };
  selected.forEach(add);
  return all.filter((o) => paths.has(o.path));
}
