/**
 * Facts an output publishes before it ends (`Output.publishesFirst`: the guide's practice
 * pages, once it is laid out), so the outputs that need them can start.
 */
import type { PlannedOutput } from './select-outputs.ts';

/** What hears an output's facts (`published` gets all so far), and a promise kept once all are out; none for an output that publishes none first. */
export function firstFacts(output: PlannedOutput, published: (facts: Record<string, unknown>) => void) {
  const wanted = output.publishesFirst;
  if (!wanted?.length) return undefined;
  const facts: Record<string, unknown> = {};
  let allOut!: () => void;
  const ready = new Promise<void>((resolve) => (allOut = resolve));
  const heard = (name: string, value: unknown) => {
    facts[name] = value;
    published({ ...facts });
    if (wanted.every((w) => w in facts)) allOut();
  };
  return { heard, ready };
}
