/**
 * One content file → its validated frontmatter and its body as mdast, or located
 * diagnostics. Nothing here throws on bad content: every problem becomes a diagnostic.
 */
import type { Root } from 'mdast';
import type { z } from 'zod';
import type { Diagnostics, Position } from '../validate/diagnostics.ts';
import type { ContentFile } from './content-files.ts';
import type { SplitFile } from './frontmatter.ts';
import { describeIssue } from './zod-issues.ts';

export interface Entry<T> {
  file: ContentFile;
  /** The frontmatter after validation, or undefined when it had errors. */
  data: T | undefined;
  /** The frontmatter as written (unvalidated), for messages. */
  raw: Record<string, unknown>;
  body: Root;
  locate(path: readonly PropertyKey[], what?: 'key' | 'value'): Position;
  /** The file's text as decoded (for checks that need exact columns). */
  source: string;
  /** Markdown held in frontmatter strings (a practice's `sheetSummary`), parsed like the body. */
  frontmatterMarkdown: Array<{ path: string[]; tree: Root }>;
}

/** Markdown → mdast, with positions shifted by `lineOffset` lines. */
export type ParseMarkdown = (markdown: string, lineOffset: number) => Root | Promise<Root>;

export async function readEntry<S extends z.ZodType>(
  file: ContentFile,
  source: string,
  schema: S,
  diagnostics: Diagnostics,
  parseMarkdown: ParseMarkdown,
  splitFrontmatter: (source: string) => SplitFile,
): Promise<Entry<z.infer<S>>> {
  const split = splitFrontmatter(source);
  for (const p of split.problems) diagnostics.error(file.path, p, p.message, p.hint);

  let data: z.infer<S> | undefined;
  if (split.problems.length === 0) {
    const result = schema.safeParse(split.data);
    if (result.success) data = result.data;
    else
      for (const issue of result.error.issues) {
        const { message, hint, path, what } = describeIssue(issue, schema, split.data);
        diagnostics.error(file.path, split.locate(path, what), message, hint);
      }
  }

  // The more-info sentence is written `[…][more-info]`; its target is the frontmatter URL,
  // appended as a definition so the link has one source of truth and positions don't move.
  const moreInfo = split.data['moreInfoUrl'];
  const body = typeof moreInfo === 'string' ? `${split.body}\n\n[more-info]: <${moreInfo}>\n` : split.body;
  const tree = await parseMarkdown(body, split.bodyLineOffset);
  const frontmatterMarkdown = [];
  const summary = split.data['sheetSummary'];
  if (summary && typeof summary === 'object') {
    for (const [key, value] of Object.entries(summary)) {
      if (typeof value !== 'string') continue;
      const markdown = typeof moreInfo === 'string' ? `${value}\n\n[more-info]: <${moreInfo}>\n` : value;
      frontmatterMarkdown.push({ path: ['sheetSummary', key], tree: await parseMarkdown(markdown, 0) });
    }
  }
  return { file, data, raw: split.data, body: tree, locate: split.locate, source, frontmatterMarkdown };
}
