/** The real guide in content/ and the project's theme, loaded once per test file. */
import type { Guide } from '../../scripts/model/schemas.ts';
import { loadTheme, type Theme } from '../../scripts/render/theme.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';

export async function loadRealGuide(): Promise<{ guide: Guide; theme: Theme }> {
  const theme = loadTheme('templates/theme.yaml');
  const loaded = await loadGuide('content');
  if (!loaded.guide) throw new Error('content/ does not validate');
  return { guide: loaded.guide, theme };
}
