/**
 * What editors write: the frontmatter of each kind of content file.
 * One zod schema per kind is the single source of truth for the keys, their types and
 * the validation messages; the model's types are inferred from these.
 */
import { z } from 'zod';

export const idSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is kebab-case: lower-case letters, digits and single hyphens');

/** http, https and mailto are the only schemes a reader can follow from print and Word. */
export const urlSchema = z.string().superRefine((value, ctx) => {
  const problem = checkUrl(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export function checkUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `malformed URL "${value}"; write an absolute URL such as https://example.org/page`;
  }
  if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) {
    return `URL scheme "${url.protocol.slice(0, -1)}" is not allowed in "${value}"; allowed: http, https, mailto`;
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname.includes('.')) {
    return `URL "${value}" has no valid host name; write an absolute URL such as https://example.org/page`;
  }
  return undefined;
}

const isoDate = z.union([
  z.date().transform((d) => d.toISOString().slice(0, 10)),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD'),
]);

export const guideFrontmatter = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().min(1),
  edition: z.string().min(1),
  date: isoDate,
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a BCP 47 language tag such as "en" or "en-GB"'),
  author: z.string().min(1),
  keywords: z.array(z.string().min(1)).default([]),
  chapters: z.array(idSchema).min(1),
  counts: z.strictObject({
    partners: z.int().positive(),
    areas: z.int().positive(),
    practicesPerArea: z.int().positive(),
    practicesPerPartnerPerArea: z.int().nonnegative(),
    transversalTopics: z.int().nonnegative(),
    glossaryTerms: z.int().nonnegative(),
  }),
});

export const partnerFrontmatter = z.strictObject({
  id: idSchema,
  order: z.int().positive(),
  name: z.string().min(1),
  shortName: z.string().min(1),
  country: z.string().min(1),
  region: z.string().min(1),
  headingName: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  videoTitle: z.string().min(1),
  videoUrl: urlSchema,
  reportTitle: z.string().min(1),
  reportUrl: urlSchema,
  website: urlSchema,
});

export const areaFrontmatter = z.strictObject({
  id: idSchema,
  number: z.int().positive(),
  title: z.string().min(1),
});

export const practiceFrontmatter = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  title: z.string().min(1).optional(),
  partner: idSchema,
  area: idSchema,
  order: z.int().positive(),
  moreInfoUrl: urlSchema.optional(),
  /** Shorter texts used by the one-page practice sheet instead of the full sections. */
  sheetSummary: z
    .strictObject({
      description: z.string().min(1).optional(),
      context: z.string().min(1).optional(),
      keySuccessFactors: z.string().min(1).optional(),
      results: z.string().min(1).optional(),
      recommendations: z.string().min(1).optional(),
    })
    .optional(),
});

export const topicFrontmatter = z.strictObject({
  id: idSchema,
  order: z.int().positive(),
  title: z.string().min(1),
});

export const chapterFrontmatter = z.strictObject({
  id: idSchema,
  title: z.string().min(1),
});

export const glossaryFrontmatter = z.strictObject({
  term: z.string().min(1),
  separator: z.enum([':', '–', '-', '']).default(':'),
});

export type GuideFrontmatter = z.infer<typeof guideFrontmatter>;
export type PartnerFrontmatter = z.infer<typeof partnerFrontmatter>;
export type AreaFrontmatter = z.infer<typeof areaFrontmatter>;
export type PracticeFrontmatter = z.infer<typeof practiceFrontmatter>;
export type TopicFrontmatter = z.infer<typeof topicFrontmatter>;
export type ChapterFrontmatter = z.infer<typeof chapterFrontmatter>;
export type GlossaryFrontmatter = z.infer<typeof glossaryFrontmatter>;
