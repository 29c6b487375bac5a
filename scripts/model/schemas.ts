/**
 * The validated model every renderer reads. Each entity is its frontmatter schema extended
 * with what the loader derives (numbers, sections as mdast); the TypeScript types below are
 * inferred from these schemas, so frontmatter, model and validation cannot drift apart.
 * Rich text stays mdast (`Root`), so renderers keep emphasis, links, lists and tables.
 */
import type { ListItem, Root } from 'mdast';
import { z } from 'zod';
import {
  areaFrontmatter,
  chapterFrontmatter,
  glossaryFrontmatter,
  guideFrontmatter,
  idSchema,
  partnerFrontmatter,
  practiceFrontmatter,
  topicFrontmatter,
} from './frontmatter-schemas.ts';

const mdast = z.custom<Root>((v) => typeof v === 'object' && v !== null && (v as Root).type === 'root');
const listItem = z.custom<ListItem>((v) => typeof v === 'object' && v !== null && (v as ListItem).type === 'listItem');
/** Where an entity came from, for messages and for the build's dependency tracking. */
const file = z.string();

/** A section that is a list plus the paragraphs around it ("Additional tips: …"). */
export const listSection = z.object({
  before: mdast,
  items: z.array(listItem),
  ordered: z.boolean(),
  after: mdast,
});

export const partnerSchema = partnerFrontmatter.extend({ file });

export const areaSchema = areaFrontmatter.extend({
  file,
  /** "2.1": the overview chapter's number, then the area's. */
  sectionNumber: z.string(),
  introduction: mdast,
  lessons: mdast,
});

export const exampleSchema = z.object({ partner: idSchema, content: mdast });

export const practiceSchema = practiceFrontmatter.extend({
  file,
  /** "2.1.3": derived from the area and `order`, never typed in. */
  number: z.string(),
  description: mdast,
  context: mdast,
  keySuccessFactors: mdast,
  results: mdast,
  /** "Areas for improvement": the scenarios. */
  scenarios: listSection,
  /** "Recommendations": the tips. */
  tips: listSection,
  /** Scenario n ↔ tip n: true only when both lists have the same, non-zero length. */
  paired: z.boolean(),
  examples: z.array(exampleSchema),
  /** `sheetSummary` texts as mdast (the sheet uses them instead of the full sections). */
  summaries: z.record(z.string(), mdast),
});

export const improvementSchema = z.object({
  content: mdast,
  /** Partners the point names, found through their names and aliases. */
  partners: z.array(idSchema),
});

export const topicSchema = topicFrontmatter.extend({
  file,
  number: z.string(),
  introduction: mdast,
  commonPoints: mdast,
  strengths: z.array(exampleSchema),
  improvements: z.array(improvementSchema),
});

export const chapterSchema = chapterFrontmatter.extend({
  file,
  number: z.string(),
  /** Text before the first `##` heading. */
  lead: mdast,
  /** Each `##` section, numbered within the chapter (5.1, 5.2 …). */
  sections: z.array(z.object({ title: z.string(), number: z.string(), content: mdast })),
});

export const glossaryTermSchema = glossaryFrontmatter.extend({ id: idSchema, file, definition: mdast });

export const guideSchema = z.object({
  meta: guideFrontmatter.extend({ file }),
  partners: z.array(partnerSchema),
  areas: z.array(areaSchema),
  practices: z.array(practiceSchema),
  topics: z.array(topicSchema),
  chapters: z.array(chapterSchema),
  glossary: z.array(glossaryTermSchema),
});

export type ListSection = z.infer<typeof listSection>;
export type Partner = z.infer<typeof partnerSchema>;
export type Area = z.infer<typeof areaSchema>;
export type Example = z.infer<typeof exampleSchema>;
export type Practice = z.infer<typeof practiceSchema>;
export type Improvement = z.infer<typeof improvementSchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Chapter = z.infer<typeof chapterSchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
/** The validated, read-only model of one guide. */
export type Guide = z.infer<typeof guideSchema>;
