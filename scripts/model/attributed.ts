/**
 * Text attributed to partners: `### <partner-id>` sub-headings, as in a practice's
 * "Examples from other partners" and a topic's "Specific strengths".
 */
import type { Root } from 'mdast';
import { closest } from '../validate/closest.ts';
import type { Diagnostics } from '../validate/diagnostics.ts';
import type { Example } from './schemas.ts';
import { isEmpty, splitSections } from './sections.ts';
import { startOf } from './section-rules.ts';

export interface AttributionRules {
  file: string;
  section: string;
  partnerIds: readonly string[];
  /** A partner that may not appear (a practice's own partner). */
  forbidden?: string;
}

export function readAttributed(content: Root, rules: AttributionRules, diagnostics: Diagnostics): Example[] {
  const { file, section, partnerIds } = rules;
  const { lead, sections } = splitSections(content, 3);
  if (!isEmpty(lead)) {
    diagnostics.error(
      file,
      startOf(lead.children[0]?.position),
      `text in "${section}" is not attributed to a partner`,
      'put it under a `### <partner-id>` heading',
    );
  }
  const seen = new Map<string, number>();
  const result: Example[] = [];
  for (const sub of sections) {
    const at = startOf(sub.heading.position);
    const id = sub.title;
    if (sub.heading.depth !== 3) {
      diagnostics.error(file, at, `heading level ${sub.heading.depth} inside "${section}"; partners are \`### <partner-id>\` headings`);
      continue;
    }
    if (!partnerIds.includes(id)) {
      const guess = closest(id, partnerIds);
      diagnostics.error(
        file,
        at,
        `unknown partner "${id}" in "${section}"; expected one of: ${partnerIds.join(', ')}`,
        guess ? `did you mean "${guess}"?` : undefined,
      );
      continue;
    }
    if (id === rules.forbidden) {
      diagnostics.error(
        file,
        at,
        `example attributed to "${id}", the practice's own partner; examples come from other partners`,
        'attribute it to the partner it describes, or move the text into the practice',
      );
      continue;
    }
    if (seen.has(id)) {
      diagnostics.error(file, at, `partner "${id}" appears twice in "${section}" (first at line ${seen.get(id)}); merge the two texts`);
      continue;
    }
    if (isEmpty(sub.content)) diagnostics.error(file, at, `"${id}" in "${section}" has no text`);
    seen.set(id, at.line);
    result.push({ partner: id, content: sub.content });
  }
  return result;
}
