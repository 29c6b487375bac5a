/**
 * Footnotes written anywhere in the content reach every deliverable that prints their text:
 * a practice's notes (one of them referenced from two sections) in the guide, its sheet and
 * the reports; an area's note in the guide; and two files' `[^1]` stay two notes.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditedFixture } from '../helpers/build.ts';
import { flat, pdfText } from '../helpers/read-pdf.ts';
import { docxPart } from '../reports/read-docx.ts';

let out: string;
let remove: () => void;

beforeAll(async () => {
  ({ out, remove } = await buildEditedFixture({
    'practices/activation/first-practice.md': (text) =>
      `${text.replace('and well.', 'and well.[^1]').replace('in two offices.', 'in two offices.[^1] It grew[^later].')}\n[^1]: Practice note one.\n\n[^later]: Practice note later.\n`,
    'areas/activation.md': (text) => `${text.replace('support people,', 'support people,[^1]')}\n[^1]: Area note.\n`,
  }));
}, 120_000);

afterAll(() => remove());

describe('footnotes in practices and areas', () => {
  it('are printed in the guide, each file keeping its own [^1]', () => {
    const guide = flat(pdfText(path.join(out, 'guide.pdf')));
    expect(guide).not.toContain('[^');
    // The introduction's note is 1; then the area's, then the practice's two (one referenced twice).
    expect(guide).toMatch(/1 Further information/);
    expect(guide).toMatch(/2 Area note\./);
    expect(guide).toMatch(/3 Practice note one\./);
    expect(guide).toMatch(/4 Practice note later\./);
    expect(guide.match(/Practice note one/g)).toHaveLength(1);
  });

  it("are printed on the practice's sheet", () => {
    const sheet = flat(pdfText(path.join(out, 'sheets/first-practice.pdf')));
    expect(sheet).toMatch(/1 Practice note one\./);
    expect(sheet).toMatch(/2 Practice note later\./);
  });

  it("are Word footnotes in the reports, numbered in order of first reference", () => {
    const report = path.join(out, 'reports/alpha.docx');
    const notes = [...docxPart(report, 'word/footnotes.xml').matchAll(/<w:footnote [^>]*w:id="(\d+)".*?<\/w:footnote>/gs)]
      .map(([xml, id]) => [id, [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')])
      .filter(([id]) => Number(id) > 0);
    expect(notes).toEqual([
      ['1', 'Practice note one.'],
      ['2', 'Practice note later.'],
    ]);
    const references = [...docxPart(report, 'word/document.xml').matchAll(/<w:footnoteReference w:id="(\d+)"/g)].map((m) => m[1]);
    expect(references).toEqual(['1', '1', '2']);
  });
});
