/**
 * The ways a sheet can be made shorter, least to most: each of the theme's font steps with
 * nothing cut; then, at the smallest size, the template's `cuts` in order, each part losing
 * one unit (sentence or item) at a time down to its first; then, as a last resort, each part
 * dropped in the same order (the sheet then only points to the guide for it).
 */
import type { Theme } from '../../render/theme.ts';
import type { Part } from './fit-config.ts';
import { fontSteps } from './sheet-theme.ts';
import type { Keep, PartSources } from './sheet-view.ts';

export interface FitLevel {
  fontSize: number;
  keep: Keep;
}

export function fitLevels(theme: Theme, parts: PartSources, cuts: readonly Part[]): FitLevel[] {
  const steps = fontSteps(theme);
  const levels: FitLevel[] = steps.map((fontSize) => ({ fontSize, keep: {} }));
  const smallest = steps.at(-1)!;
  let keep: Keep = {};
  for (const part of cuts) {
    for (let units = parts[part].units - 1; units >= 1; units--) {
      keep = { ...keep, [part]: units };
      levels.push({ fontSize: smallest, keep });
    }
  }
  for (const part of cuts) {
    if (parts[part].units === 0) continue;
    keep = { ...keep, [part]: 0 };
    levels.push({ fontSize: smallest, keep });
  }
  return levels;
}

/** "context: 2 of 5 sentences kept; recommendations: dropped" — what a level cuts. */
export function describeCuts(level: FitLevel, parts: PartSources): string[] {
  return Object.entries(level.keep).map(([part, kept]) => {
    const { units, root } = parts[part as Part];
    const unit = root.children.every((block) => block.type === 'list') ? 'items' : 'sentences';
    return kept === 0 ? `${part}: dropped` : `${part}: ${kept} of ${units} ${unit} kept`;
  });
}
