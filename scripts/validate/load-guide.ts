/**
 * Load, model and validate in one call: `content/` → a validated Guide, or every problem
 * found. The guide is returned only when there is no error (warnings are allowed).
 */
import { loadContent, type Entries } from '../load/load-content.ts';
import { buildModel } from '../model/build-model.ts';
import type { Guide } from '../model/schemas.ts';
import { checkCounts } from './check-counts.ts';
import { checkGlyphs } from './check-glyphs.ts';
import { checkTheme } from './check-theme.ts';
import { checkMarkdown } from './check-markdown.ts';
import { Diagnostics } from './diagnostics.ts';

export interface LoadResult {
  guide: Guide | undefined;
  diagnostics: Diagnostics;
}

export async function loadGuide(contentDir: string): Promise<LoadResult> {
  const diagnostics = new Diagnostics();
  const entries = await loadContent(contentDir, diagnostics);
  // An unreadable folder is the one thing to say: every file would otherwise be "missing".
  if (!entries) return { guide: undefined, diagnostics };
  return validateEntries(entries, diagnostics);
}

/** Stages 3–4 on parsed entries: model, cross-file checks, counts. */
export function validateEntries(entries: Entries, diagnostics: Diagnostics): LoadResult {
  const { guide, incomplete } = buildModel(entries, diagnostics);
  checkMarkdown(entries, diagnostics);
  checkGlyphs(entries, diagnostics);
  checkTheme(entries, diagnostics);
  if (guide) checkCounts(guide, diagnostics, (path) => entries.guide[0]!.locate(path), incomplete);
  return { guide: diagnostics.errorCount === 0 ? guide : undefined, diagnostics };
}
