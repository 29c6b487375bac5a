/**
 * The guide's document definition and the keep-with-next rule: layout decisions checked on
 * what is handed to pdfmake (no PDF is written here).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderContext } from '../../scripts/deliverables/deliverable.ts';
import guideDeliverable from '../../scripts/deliverables/guide/guide.ts';
import { guideDocument } from '../../scripts/deliverables/guide/render-guide.ts';
import type { Guide } from '../../scripts/model/schemas.ts';
import { keepWithNext, type KeptNode } from '../../scripts/render/pdf/keep-with-next.ts';
import { loadTemplateSet } from '../../scripts/render/template/load-template-set.ts';
import { contrast, contrastProblems, type Theme } from '../../scripts/render/theme.ts';
import { loadRealGuide } from '../helpers/real-guide.ts';
import { nodes, textOf } from './pdf-nodes.ts';

let theme: Theme;
let guide: Guide;

beforeAll(async () => {
  ({ guide, theme } = await loadRealGuide());
});

describe('keep with next', () => {
  const info = (headlineLevel: number | undefined, page: number, ratio: number, extra: object = {}) =>
    ({ headlineLevel, pageNumbers: [page], pages: 3, startPosition: { verticalRatio: ratio, pageInnerHeight: 700 }, ...extra }) as never;
  const queries = (following: object[]) => ({ getFollowingNodesOnPage: () => following, getNodesOnNextPage: () => [], getPreviousNodesOnPage: () => [] }) as never;

  it('decides the first orphan of each segment in one pass, then asks for one new layout', () => {
    const a: Record<string, unknown> = {};
    const b: Record<string, unknown> = {};
    const c: Record<string, unknown> = {};
    const kept = new Map<number, KeptNode>([
      [1000, { node: a, segment: 0, minSpace: 0 }],
      [1001, { node: b, segment: 0, minSpace: 0 }],
      [1002, { node: c, segment: 1, minSpace: 48 }],
    ]);
    const rule = keepWithNext(kept);
    const footer = { style: 'pageFooter' };
    expect(rule(info(1000, 1, 0.95), queries([footer]))).toBe(false); // alone: decided
    expect(rule(info(1001, 1, 0.97), queries([footer]))).toBe(false); // same segment: later
    expect(rule(info(1002, 2, 0.96), queries([{ style: undefined }]))).toBe(false); // too low: decided
    expect([a['pageBreak'], b['pageBreak'], c['pageBreak']]).toEqual(['before', undefined, 'before']);
    expect(b['pageBreakCalculated']).toBeUndefined();
    expect(rule(info(undefined, 3, 1.01, { style: 'pageFooter' }), queries([]))).toBe(true);
    expect(rule(info(undefined, 3, 1.01, { style: 'pageFooter' }), queries([]))).toBe(false);
    // Not registered (a low headlineLevel): pdfmake's own way, one break per layout.
    expect(rule(info(2, 1, 0.5), queries([footer]))).toBe(true);
  });
});

describe('the guide document', () => {
  let dd: TDocumentDefinitions;
  let ctx: RenderContext;

  beforeAll(() => {
    ctx = {
      guide,
      theme,
      templates: loadTemplateSet('templates'),
      date: new Date('2025-12-01T00:00:00Z'),
      warn: () => {},
      facts: {},
      publish: () => {},
    };
    dd = guideDocument(ctx).definition;
  });

  it('carries metadata from the guide and the build date', () => {
    expect(dd.info).toMatchObject({ title: guide.meta.title, author: guide.meta.author, creationDate: ctx.date, modDate: ctx.date });
    expect(dd.language).toBe(guide.meta.language);
    expect(dd.displayTitle).toBe(true);
    expect(dd.pageSize).toEqual({ width: 595.28, height: 841.89 });
  });

  it('tints each practice’s label cells in its area’s colour', () => {
    const labels = nodes(dd.content).filter((n) => n['fillColor'] && textOf(n).startsWith('Description'));
    expect(labels).toHaveLength(guide.practices.length);
    expect(labels.map((n) => n['fillColor'])).toEqual(guide.practices.map((p) => theme.areas[p.area]!.tint));
  });

  it('links each more-info sentence to its practice’s URL', () => {
    const links = new Set(nodes(dd.content).map((n) => n['link']));
    for (const practice of guide.practices.filter((p) => p.moreInfoUrl)) expect(links).toContain(practice.moreInfoUrl);
  });

  it('runs each glossary term into its definition', () => {
    const text = nodes(dd.content).filter((n) => Array.isArray(n['text'])).map(textOf);
    for (const term of guide.glossary) {
      const joint = term.separator === ':' ? ': ' : term.separator ? ` ${term.separator} ` : ' ';
      expect(text.some((t) => t.startsWith(`${term.term}${joint}`)), term.term).toBe(true);
    }
  });

  it('depends on every content file and nothing else', () => {
    const [output] = guideDeliverable.plan(guide);
    const files = readdirSync('content', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => path.join('content', f)).sort();
    expect(output!.path).toBe('guide.pdf');
    expect(output!.sources).toEqual(files);
  });

  it('keeps text on tints, bands and links at a contrast of at least 4.5:1', () => {
    expect(contrastProblems(theme)).toEqual([]);
    const { colours } = theme;
    for (const [area, { accent, tint }] of Object.entries(theme.areas)) {
      expect(contrast(colours.text, tint), `${area} text on tint`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colours.muted, tint), `${area} note on tint`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colours.onPrimary, accent), `${area} band`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(accent, '#ffffff'), `${area} label and header`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(colours.onPrimary, colours.primary)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colours.link, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colours.muted, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colours.text, colours.tint)).toBeGreaterThanOrEqual(4.5);
  });
});

