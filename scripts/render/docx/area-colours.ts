/** The accent and tint of a benchlearning area (theme `areas`); no area means the primary colour. */
import { DocxError, type DocxState } from './types.ts';
import { hex } from './units.ts';

export function areaColours(state: DocxState, area: string | null | undefined): { accent: string; tint: string } {
  const { areas, colours } = state.theme;
  if (!area) return { accent: hex(colours.primary), tint: hex(colours.tint) };
  const found = areas[area];
  if (!found) throw new DocxError(`unknown area "${area}" in a directive; the theme has: ${Object.keys(areas).join(', ')}`);
  return { accent: hex(found.accent), tint: hex(found.tint) };
}
