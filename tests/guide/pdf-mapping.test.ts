/**
 * The mdast→pdfmake mapping: the layout decisions, checked on the definition handed to
 * pdfmake (no PDF is written here).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Guide } from '../../scripts/model/schemas.ts';
import { mdastToPdf, type PdfContent } from '../../scripts/render/pdf/to-pdf.ts';
import { loadTemplates } from '../../scripts/render/template/render-template.ts';
import type { Theme } from '../../scripts/render/theme.ts';
import { loadRealGuide } from '../helpers/real-guide.ts';
import { lists, nodes, tables, textOf } from './pdf-nodes.ts';

let theme: Theme;
let guide: Guide;

beforeAll(async () => {
  ({ guide, theme } = await loadRealGuide());
});

/** Markdown with directives (as a template renders it) → pdfmake content. */
function map(markdown: string, context: object = {}): PdfContent {
  const dir = mkdtempSync(path.join(tmpdir(), 'netpes-template-'));
  writeFileSync(path.join(dir, 't.md.hbs'), markdown);
  const tree = loadTemplates(dir, ['t.md.hbs']).render('t', context);
  return mdastToPdf(tree, { theme });
}

describe(':::scenarios-tips', () => {
  const template =
    ':::scenarios-tips{scenariosLabel="Areas for improvement" scenarios="Scenarios:" tipsLabel="Recommendations" tips="Tips:"}\n' +
    '{{md practice.scenarios}}\n::tips\n{{md practice.tips}}\n:::\n';
  const directive = (id: string) => [template, { practice: guide.practices.find((p) => p.id === id) }] as const;

  it('sets paired scenarios and tips side by side, scenario n beside tip n', () => {
    const practice = guide.practices.find((p) => p.paired && p.scenarios.ordered)!;
    const [grid, ...others] = tables(map(...directive(practice.id)).content);
    expect(others).toEqual([]);
    expect(grid!.table.widths).toEqual(['*', '*']);
    expect(grid!.table['headerRows' as never]).toBe(1);
    const [header, ...rows] = grid!.table.body;
    expect(textOf(header)).toContain('Areas for improvement');
    expect(textOf(header)).toContain('Recommendations');
    expect(rows).toHaveLength(practice.scenarios.items.length);
    rows.forEach((row, i) => {
      expect(row.map((cell) => cell['start'])).toEqual([i + 1, i + 1]);
      expect(textOf(row[0])).toContain(textOf(map('{{md item}}', { item: practice.scenarios.items[i] }).content).slice(0, 30));
      expect(textOf(row[1])).toContain(textOf(map('{{md item}}', { item: practice.tips.items[i] }).content).slice(0, 30));
    });
  });

  it('sets unpaired scenarios and tips as two lists, one after the other', () => {
    const practice = guide.practices.find((p) => !p.paired)!;
    expect(practice.scenarios.items.length).not.toBe(practice.tips.items.length);
    const { content } = map(...directive(practice.id));
    expect(tables(content).filter((t) => t.table.widths.length === 2)).toEqual([]);
    const found = lists(content);
    expect(found.map((l) => ((l['ul'] ?? l['ol']) as unknown[]).length)).toEqual([practice.scenarios.items.length, practice.tips.items.length]);
    const text = textOf(content);
    expect(text.indexOf('Scenarios:')).toBeLessThan(text.indexOf('Tips:'));
  });

  it('refuses a template that leaves out the ::tips line, at its line', () => {
    expect(() => map(template.replace('::tips\n', ''), directive(guide.practices[0]!.id)[1])).toThrow(/must hold a "::tips" line/);
  });
});

describe(':::practice rows', () => {
  const table = (area = 'activation') => `:::::practice{area="${area}"}
::::row{label="Context" note="(the environment)"}
Text of the row.
::::
::::row{label="Other" area="evidence"}
More.
::::
::::row
Full width.
::::
:::::
`;

  it('tints label cells in the area colour (or the row’s own area) and spans unlabelled rows', () => {
    const [first, second, third] = tables(map(table()).content);
    expect(first!.table.widths).toEqual([theme.pdf.labelColumn, '*']);
    expect(first!.table.body[0]![0]!['fillColor']).toBe(theme.areas['activation']!.tint);
    expect(textOf(first!.table.body[0]![0])).toBe('Context(the environment)');
    expect(second!.table.body[0]![0]!['fillColor']).toBe(theme.areas['evidence']!.tint);
    expect(third!.table.widths).toEqual(['*']);
  });

  it('rejects an area the theme has no colours for, and a row outside a practice', () => {
    expect(() => map(table('nowhere'))).toThrow(/area "nowhere".*theme\.yaml/);
    expect(() => map('::::row{label="x"}\ny\n::::\n')).toThrow(/row belongs inside :::practice/);
  });
});

describe('headings, links, footnotes, unknown nodes', () => {
  it('numbers depth 1–3 into the TOC and a nested outline; depth 4 and cover headings stay out', () => {
    const { content, headings } = map(':::cover\n# Title\n:::\n\n# 1. One\n\n## 1.1. Sub\n\n### 1.1.1. Deep\n\n#### Small\n\n# 2. Two\n');
    const all = nodes(content).filter((n) => n['tocItem']);
    expect(all.map((n) => n['outlineText'])).toEqual(['1. One', '1.1. Sub', '1.1.1. Deep', '2. Two']);
    expect(all.map((n) => n['outlineParentId'])).toEqual([undefined, all[0]!['id'], all[1]!['id'], undefined]);
    expect(headings.map((h) => h.depth)).toEqual([1, 2, 3, 1]);
    expect(nodes(content).some((n) => n['style'] === 'h4' && Number(n['headlineLevel']) >= 1000 && !n['tocItem'])).toBe(true);
  });

  it('makes every link leaf clickable, resolving references from their definitions', () => {
    const { content } = map('See [the **site**](https://example.org/a) and [ref][r].\n\n[r]: https://example.org/b\n');
    const linked = nodes(content).filter((n) => typeof n['text'] === 'string' && n['link']);
    expect(linked.map((n) => [n['text'], n['link']])).toEqual([
      ['the ', 'https://example.org/a'],
      ['site', 'https://example.org/a'],
      ['ref', 'https://example.org/b'],
    ]);
    expect(linked.find((n) => n['text'] === 'site')!['bold']).toBe(true);
    // Model text spliced into a template can carry a reference whose definition stayed behind.
    const dangling = { type: 'linkReference', identifier: 'nowhere', label: 'nowhere', referenceType: 'full', children: [{ type: 'text', value: 'x' }] } as const;
    const tree = { type: 'root', children: [{ type: 'paragraph', children: [dangling] }] } as const;
    expect(() => mdastToPdf(tree as never, { theme })).toThrow(/\[nowhere\] has no definition/);
  });

  it('prints footnotes at the end of their chapter, linked from the reference', () => {
    const { content } = map('# 1. One\n\nText[^a].\n\n[^a]: The note.\n\n# 2. Two\n');
    const all = nodes(content);
    const ref = all.find((n) => n['sup'])!;
    expect(ref['text']).toBe('1');
    const noteIndex = all.findIndex((n) => n['id'] === 'footnote-1');
    expect(ref['linkToDestination']).toBe('footnote-1');
    expect(noteIndex).toBeGreaterThan(all.indexOf(ref));
    expect(noteIndex).toBeLessThan(all.findIndex((n) => n['outlineText'] === '2. Two'));
  });

  it('fails on a node type or directive it has no handler for, naming it', () => {
    expect(() => map('![alt](https://example.org/i.png)\n')).toThrow(/no handler for mdast node type "image"/);
    expect(() => map('::bogus{x="1"}\n')).toThrow(/unknown directive "::bogus"/);
  });
});
