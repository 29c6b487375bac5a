/**
 * The theme at one of the sheet's body sizes: every size scales with the body, none goes
 * below the theme's `sheet.minFontSize`, so headings keep their proportions and small print
 * stays readable. The steps tried are `sheet.fontSteps`, largest first, none below the minimum.
 */
import type { Theme } from '../../render/theme.ts';

export function sheetTheme(theme: Theme, body: number): Theme {
  const ratio = body / theme.sizes.body;
  const scale = (size: number) => Math.max(theme.sheet.minFontSize, Math.round(size * ratio * 10) / 10);
  const sizes = Object.fromEntries(Object.entries(theme.sizes).map(([role, size]) => [role, scale(size)])) as Theme['sizes'];
  return { ...theme, sizes: { ...sizes, body } };
}

export function fontSteps(theme: Theme): number[] {
  const { fontSteps: steps, minFontSize } = theme.sheet;
  const sizes = [...new Set(steps.filter((s) => s >= minFontSize))].sort((a, b) => b - a);
  if (sizes.length === 0) throw new Error(`theme.yaml: sheet.fontSteps (${steps.join(', ')}) has no size at or above sheet.minFontSize (${minFontSize})`);
  return sizes;
}
