/**
 * Fitting on one page, on the small fixture guide made to overflow: a huge section is cut
 * (and the cut is marked and warned about), an editor's `sheetSummary` replaces a section,
 * a single endless sentence is cut at word boundaries, and a practice without a
 * more-information URL gets a QR code of its partner's website.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { materialise } from '../helpers/fixture.ts';
import { flat, linkTargets, pdfInfo, pdfText, qpdfJson } from '../helpers/read-pdf.ts';
import { buildSheets, type SheetsBuild } from './build-sheets.ts';

let build: SheetsBuild;
const practices = 'practices';
const sentence = (i: number) => `Sentence ${i} tells how the offices started the service, who took part and what they needed to learn first.`;
const text = (id: string) => flat(pdfText(path.join(build.out, 'sheets', `${id}.pdf`)));

/** Rewrites a fixture file in place. */
function edit(content: string, file: string, change: (source: string) => string): void {
  const full = path.join(content, practices, file);
  const before = readFileSync(full, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the fixture edit of ${file} changed nothing; has the fixture changed?`);
  writeFileSync(full, after);
}

beforeAll(() => {
  const content = materialise();
  const context = '## Context\n\nStarted in 2022 in two offices.\n';
  // A context of 80 sentences: far more than a page.
  edit(content, 'activation/first-practice.md', (s) => s.replace(context, `## Context\n\n${Array.from({ length: 80 }, (_, i) => sentence(i + 1)).join(' ')}\n`));
  // The same, with the editor's summary for the sheet.
  edit(content, 'activation/second-practice.md', (s) =>
    s
      .replace(context, `## Context\n\n${Array.from({ length: 80 }, (_, i) => sentence(i + 1)).join(' ')}\n`)
      .replace(
        'order: 2\n',
        'order: 2\nsheetSummary:\n  context: "Started in **two offices** in 2022; the summary an editor wrote for the sheet. [Run](https://example.org/run)"\n',
      ),
  );
  // No more-information link: the QR code goes to the partner's website.
  edit(content, 'employers/third-practice.md', (s) => s.replace(/moreInfoUrl: .*\n/, '').replace('\n[You can find additional information here.][more-info]', ''));
  // One sentence of some 6,000 characters, without a full stop.
  edit(content, 'employers/fourth-practice.md', (s) => s.replace(/## Description\n\n[^\n]*\n/, `## Description\n\n${'the service grows with every office that joins it and '.repeat(110)}\n`));
  build = buildSheets(content);
});

describe('fitting a sheet on one page', () => {
  it('keeps every sheet, and the combined PDF, to one page a sheet', () => {
    for (const id of ['first-practice', 'second-practice', 'third-practice', 'fourth-practice']) {
      expect(pdfInfo(path.join(build.out, 'sheets', `${id}.pdf`))['Pages'], id).toBe('1');
    }
    const all = path.join(build.out, 'practice-sheets.pdf');
    expect(pdfInfo(all)['Pages']).toBe('4');
    expect(qpdfJson(all).outlines.map((o) => o.title)).toEqual(['First Practice', 'Second Practice', 'Third Practice', 'Fourth Practice']);
  });

  it('cuts the huge context to its first sentences, marks the cut and warns naming the file and the cut', () => {
    const t = text('first-practice');
    expect(t).toContain(sentence(1));
    expect(t).not.toContain(sentence(80));
    const page = /full text in the guide, p\. (\d+)/.exec(t)?.[1];
    expect(page).toBeDefined();
    expect(t).toContain(`section 2.1.1, p. ${page}`);
    const warning = build.warnings.find((w) => w.includes('first-practice.md'));
    expect(warning).toMatch(/practices\/activation\/first-practice\.md: warning: the sheet sheets\/first-practice\.pdf was shortened to fit one page \(at 8 pt\): context: \d+ of 80 sentences kept/);
    expect(warning).toContain('`sheetSummary.context`');
  });

  it("uses the editor's sheetSummary instead of the section, without a warning, and with the content's link rules", () => {
    const t = text('second-practice');
    // Unsafe Markdown in a summary (raw HTML, javascript: links) is a validation error: tests/validate/bad-input.test.ts.
    expect(t).toContain('Started in two offices in 2022; the summary an editor wrote for the sheet. Run');
    expect([...linkTargets(qpdfJson(path.join(build.out, 'sheets', 'second-practice.pdf')))].filter((u) => !/^https:/.test(u))).toEqual([]);
    expect(t).not.toContain(sentence(1));
    expect(t).toMatch(/full text in the guide, p\. \d+/);
    expect(build.warnings.filter((w) => w.includes('second-practice.md'))).toEqual([]);
  });

  it('cuts an endless sentence at a word boundary, after the lower-priority parts', () => {
    const t = text('fourth-practice');
    expect(t).toMatch(/the service grows with every office that joins it and (\w+ ){0,12}\w+…/);
    const warning = build.warnings.find((w) => w.includes('fourth-practice.md')) ?? '';
    // The template's order: context (one sentence here), recommendations (one item), key success factors, results, description.
    expect(warning).toMatch(/: keySuccessFactors: 1 of 2 items kept; description: \d+ of \d+ sentences kept;/);
  });

  it("gives a practice without a more-information URL a QR code to its partner's website", () => {
    expect(linkTargets(qpdfJson(path.join(build.out, 'sheets', 'third-practice.pdf')))).toContain('https://www.alpha.example.org/');
    expect(text('third-practice')).toContain('Alpha Employment Service website');
  });

  it('warns once per shortened sheet, and only for those', () => {
    expect(build.warnings.map((w) => path.basename(w.split(':')[0]!)).sort()).toEqual(['first-practice.md', 'fourth-practice.md']);
  });
});
