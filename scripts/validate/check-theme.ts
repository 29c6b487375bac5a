/**
 * The theme can dress this content: its YAML parses, every key is known and every value
 * allowed (the theme's zod schema), text stays readable on every colour it is set on (WCAG
 * contrast), and every benchlearning area has its colours. Each
 * problem is located at its line in theme.yaml, all in one run, so `netpes check` catches
 * what would otherwise fail mid-build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { templatesDir } from '../build/project-root.ts';
import type { Entries } from '../load/load-content.ts';
import { offsetOfPath } from '../load/yaml-locate.ts';
import { describeIssue } from '../load/zod-issues.ts';
import { contrastProblems, themeSchema } from '../render/theme.ts';
import type { Diagnostics, Position } from './diagnostics.ts';

const HINT = 'see the comments in templates/theme.yaml';

export function checkTheme(entries: Entries, d: Diagnostics): void {
  const file = path.join(templatesDir(), 'theme.yaml');
  const shown = path.relative(process.cwd(), file) || file;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    d.error(shown, undefined, `the theme cannot be read: ${(error as Error).message}`, 'restore templates/theme.yaml from git');
    return;
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number | undefined): Position => {
    const { line, col } = lines.linePos(offset ?? 0);
    return { line, column: col };
  };
  for (const e of doc.errors) d.error(shown, at(e.pos[0]), `YAML: ${e.message.split('\n')[0]!.trim()}`, HINT);
  if (doc.errors.length > 0) return;

  const raw = doc.toJS() as unknown;
  const result = themeSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { message, hint, path: keys, what } = describeIssue(issue, themeSchema, raw, 'theme');
      d.error(shown, at(offsetOfPath(doc, keys, what)), message, hint ?? HINT);
    }
    return;
  }
  for (const problem of contrastProblems(result.data)) {
    d.error(shown, at(offsetOfPath(doc, problem.path)), `\`${problem.path.join('.')}\`: ${problem.message}`, 'choose a darker text colour or a lighter background (or the reverse)');
  }
  for (const area of entries.area) {
    if (area.data && !result.data.areas[area.data.id]) {
      d.error(
        area.file.path,
        area.locate(['id']),
        `area "${area.data.id}" has no colours in ${shown}; it has: ${Object.keys(result.data.areas).join(', ')}`,
        `add \`${area.data.id}: { accent: "#rrggbb", tint: "#rrggbb" }\` under \`areas:\` in the theme`,
      );
    }
  }
}
