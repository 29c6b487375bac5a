/** The theme (`templates/theme.yaml`): its schema, loading, and the contrast rule it must meet. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { FONT_FAMILY } from './pdf/fonts.ts';

/** Page sizes the theme may name, in points (pdfmake's own table has the same values); both backends read them. */
const PAGE_SIZES: Record<string, [number, number]> = {
  A4: [595.28, 841.89],
  A5: [419.53, 595.28],
  LETTER: [612, 792],
};

const size = () => z.number().positive();
const size0 = () => z.number().nonnegative();
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');

export const themeSchema = z.strictObject({
  page: z.strictObject({
    size: z.string().refine((size) => size.toUpperCase() in PAGE_SIZES, {
      error: (issue) => `page size "${String(issue.input)}" is not one of ${Object.keys(PAGE_SIZES).join(', ')}`,
    }),
    margins: z.tuple([size0(), size0(), size0(), size0()]),
  }),
  fonts: z.strictObject({
    /** The PDF font: the only family whose files ship with the pipeline (see pdf/fonts.ts). */
    body: z.literal(FONT_FAMILY, { error: `the PDF font must be ${FONT_FAMILY}, the family shipped with pdfmake` }),
    docx: z.string(),
  }),
  sizes: z.strictObject({
    body: size(), small: size(), h1: size(), h2: size(), h3: size(), h4: size(), title: size(), subtitle: size(),
  }),
  lineHeight: z.number().positive(),
  colours: z.strictObject({
    text: colour, muted: colour, link: colour, rule: colour, primary: colour, onPrimary: colour,
    /** Label cells outside any benchlearning area (DOCX); optional so older themes still load. */
    tint: colour.default('#eef2f6'),
  }),
  areas: z.record(z.string(), z.strictObject({ accent: colour, tint: colour })),
  sheet: z
    .strictObject({ fontSteps: z.array(z.number().positive()).min(1), minFontSize: z.number().positive() })
    .refine((sheet) => sheet.fontSteps.some((size) => size >= sheet.minFontSize), {
      error: 'no font step is at or above `minFontSize`: a sheet would have no size to try',
      path: ['fontSteps'],
    }),
  /** PDF layout measures, in points; optional so older themes still load. */
  pdf: z
    .strictObject({
      /** Width of the label column of practice tables. */
      labelColumn: z.number().positive(),
      /** Type size inside practice tables. */
      tableSize: z.number().positive(),
      /** Side of a QR code. */
      qrSize: z.number().positive(),
      /** Room a heading needs below its start, else it moves to the next page. */
      keepHeading: z.number().nonnegative(),
      /** Room a practice-table row needs below its start, else it moves to the next page. */
      keepRow: z.number().nonnegative(),
    })
    .default({ labelColumn: 118, tableSize: 9.5, qrSize: 84, keepHeading: 64, keepRow: 48 }),
});

export type Theme = z.infer<typeof themeSchema>;

export function loadTheme(file: string): Theme {
  return themeSchema.parse(parse(readFileSync(file, 'utf8')));
}

/** WCAG 2 (1.4.3, level AA) asks body text for at least this contrast with its background. */
export const MIN_CONTRAST = 4.5;

/**
 * Every pair of colours the deliverables set text in, below the WCAG minimum: each with the
 * theme key to change (where the problem is reported) and what is drawn on what.
 */
export function contrastProblems(theme: Theme): Array<{ path: string[]; message: string }> {
  const white = '#ffffff';
  const { colours } = theme;
  const pairs: Array<[path: string[], fore: string, back: string, what: string]> = [
    [['colours', 'muted'], colours.muted, white, 'muted text (notes) on the page'],
    [['colours', 'link'], colours.link, white, 'links on the page'],
    [['colours', 'onPrimary'], colours.onPrimary, colours.primary, '`onPrimary` text on `primary` (cover)'],
    [['colours', 'tint'], colours.text, colours.tint, 'text on `tint` (label cells outside an area)'],
  ];
  for (const [area, { accent, tint }] of Object.entries(theme.areas)) {
    pairs.push(
      [['areas', area, 'tint'], colours.text, tint, `text on the ${area} tint`],
      [['areas', area, 'tint'], colours.muted, tint, `muted text on the ${area} tint`],
      [['areas', area, 'accent'], colours.onPrimary, accent, `\`onPrimary\` text on the ${area} band`],
      [['areas', area, 'accent'], accent, white, `${area} labels and headings on the page`],
    );
  }
  return pairs.flatMap(([path, fore, back, what]) => {
    const ratio = contrast(fore, back);
    return ratio >= MIN_CONTRAST ? [] : [{ path, message: `${what}: ${fore} on ${back} has a contrast of ${ratio.toFixed(2)}:1, below the ${MIN_CONTRAST}:1 readers need (WCAG 2, AA)` }];
  });
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 … 21). */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function pageSize(theme: Theme): [number, number] {
  const size = PAGE_SIZES[theme.page.size.toUpperCase()];
  if (!size) throw new Error(`page size "${theme.page.size}" in theme.yaml is not one of ${Object.keys(PAGE_SIZES).join(', ')}`);
  return size;
}
