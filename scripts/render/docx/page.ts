/** Page geometry from the theme, in twips: the size, the margins and the width text may fill. */
import { pageSize, type Theme } from '../theme.ts';
import { twips } from './units.ts';

export function pageGeometry(theme: Theme) {
  const [width, height] = pageSize(theme).map(twips) as [number, number];
  const size = { width, height };
  const [left, top, right, bottom] = theme.page.margins.map(twips) as [number, number, number, number];
  return { size, margin: { left, top, right, bottom }, textWidth: size.width - left - right };
}
