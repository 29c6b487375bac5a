/**
 * The theme can dress this content: it parses, and every benchlearning area has its colours.
 * Checked with the content, so `netpes check` catches what would otherwise fail mid-build.
 */
import path from 'node:path';
import { templatesDir } from '../build/project-root.ts';
import type { Entries } from '../load/load-content.ts';
import { loadTheme, type Theme } from '../render/theme.ts';
import type { Diagnostics } from './diagnostics.ts';

export function checkTheme(entries: Entries, d: Diagnostics): void {
  const file = path.join(templatesDir(), 'theme.yaml');
  const shown = path.relative(process.cwd(), file) || file;
  let theme: Theme;
  try {
    theme = loadTheme(file);
  } catch (error) {
    const message = (error as Error).message.split('\n').slice(0, 6).join(' ');
    d.error(shown, undefined, `the theme is not valid: ${message}`, 'see the comments in templates/theme.yaml');
    return;
  }
  for (const area of entries.area) {
    if (area.data && !theme.areas[area.data.id]) {
      d.error(
        area.file.path,
        area.locate(['id']),
        `area "${area.data.id}" has no colours in ${shown}; it has: ${Object.keys(theme.areas).join(', ')}`,
        `add \`${area.data.id}: { accent: "#rrggbb", tint: "#rrggbb" }\` under \`areas:\` in the theme`,
      );
    }
  }
}
