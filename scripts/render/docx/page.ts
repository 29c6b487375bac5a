/** Page geometry from the theme, in twips: the size, the margins and the width text may fill. */
import type { Theme } from '../theme.ts';
import { twips } from './units.ts';

const SIZES: Record<string, { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  LETTER: { width: 12240, height: 15840 },
};

export function pageGeometry(theme: Theme) {
  const size = SIZES[theme.page.size.toUpperCase()] ?? SIZES['A4']!;
  const [left, top, right, bottom] = theme.page.margins.map(twips) as [number, number, number, number];
  return { size, margin: { left, top, right, bottom }, textWidth: size.width - left - right };
}
