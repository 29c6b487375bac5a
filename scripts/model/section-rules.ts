/**
 * Checks a body's headings against the section names a kind of file must have, in order,
 * and reports missing, empty, unknown (with the nearest allowed name), repeated and
 * misplaced sections. Returns the sections by name.
 */
import type { Root } from 'mdast';
import { closest } from '../validate/closest.ts';
import type { Diagnostics, Position } from '../validate/diagnostics.ts';
import { isEmpty, splitSections, type Section } from './sections.ts';

export interface SectionSpec {
  required: readonly string[];
  /** Sections that may be absent or empty. */
  optional?: readonly string[];
  /** Whether text before the first heading is allowed (a chapter's lead). */
  allowLead?: boolean;
}

export function checkSections(
  file: string,
  body: Root,
  spec: SectionSpec,
  diagnostics: Diagnostics,
): { lead: Root; byTitle: Map<string, Section> } {
  const { lead, sections } = splitSections(body, 2);
  const allowed = [...spec.required, ...(spec.optional ?? [])];
  const byTitle = new Map<string, Section>();
  for (const section of sections) {
    const at = startOf(section.heading.position);
    if (section.heading.depth !== 2) {
      diagnostics.error(
        file,
        at,
        `heading level ${section.heading.depth} "${section.title}" here; sections are level-2 headings (\`## ${section.title}\`)`,
      );
      continue;
    }
    if (!allowed.includes(section.title)) {
      const guess = closest(section.title, allowed);
      diagnostics.error(
        file,
        at,
        `unknown section heading "${section.title}"; expected one of: ${allowed.join(', ')}`,
        guess ? `did you mean "${guess}"?` : undefined,
      );
      continue;
    }
    if (byTitle.has(section.title)) {
      const first = startOf(byTitle.get(section.title)!.heading.position);
      diagnostics.error(file, at, `section "${section.title}" appears twice (first at line ${first.line}); merge them`);
      continue;
    }
    if (isEmpty(section.content) && spec.required.includes(section.title)) {
      diagnostics.error(file, at, `section "${section.title}" is empty`, 'write its text below the heading, or restore it from the guide');
    }
    byTitle.set(section.title, section);
  }

  const present = [...byTitle.keys()];
  const expectedOrder = allowed.filter((t) => byTitle.has(t));
  const outOfOrder = present.findIndex((t, i) => t !== expectedOrder[i]);
  if (outOfOrder !== -1) {
    const s = byTitle.get(present[outOfOrder]!)!;
    diagnostics.error(file, startOf(s.heading.position), `section "${s.title}" is out of order; the order is: ${allowed.join(', ')}`);
  }
  const end = endOf(body);
  for (const title of spec.required) {
    if (!byTitle.has(title)) {
      diagnostics.error(file, end, `missing section "${title}"`, `add a \`## ${title}\` heading with its text`);
    }
  }
  if (!spec.allowLead && !isEmpty(lead)) {
    diagnostics.error(
      file,
      startOf(lead.children[0]?.position),
      'text before the first section heading belongs to no section',
      `move it under one of: ${allowed.join(', ')}`,
    );
  }
  return { lead, byTitle };
}

export function startOf(position: { start: { line: number; column: number } } | undefined): Position {
  return position ? { line: position.start.line, column: position.start.column } : { line: 1, column: 1 };
}

function endOf(body: Root): Position {
  const last = body.children.filter((n) => n.type !== 'definition').at(-1);
  return last?.position ? { line: last.position.end.line, column: 1 } : { line: 1, column: 1 };
}
