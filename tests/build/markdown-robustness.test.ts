/**
 * Markdown an editor may write that the real content does not use yet: each reaches the
 * deliverables readable, or is refused by `netpes check`, never an internal error.
 * - a fenced code block: boxed in the PDF, in Consolas lines in Word;
 * - an HTML comment: an editor's note, printed nowhere;
 * - a 300-character URL in a practice table: cut at the column's edge, not run off the page.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditedFixture } from '../helpers/build.ts';
import { flat, pdfText } from '../helpers/read-pdf.ts';
import { docxPart } from '../reports/read-docx.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';

const LONG = `https://example.org/${'a'.repeat(300)}`;
const EXTRA = ['```', 'const x = 1;', '  indented();', '```', '', '<!-- check this figure with Alpha -->', '', `A very long URL ${LONG} ends here.`, ''].join('\n');
let content: string;
let out: string;
let remove: () => void;

beforeAll(async () => {
  ({ content, out, remove } = await buildEditedFixture({
    'practices/activation/first-practice.md': (text) => text.replace('## Context\n', `## Context\n\n${EXTRA}\n`),
  }));
}, 120_000);

afterAll(() => remove());

/** Every word's right edge on every page of a PDF, with the page width (pdftotext -bbox). */
function wordRightEdges(file: string): Array<{ page: number; xMax: number; width: number }> {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const edges: Array<{ page: number; xMax: number; width: number }> = [];
  let page = 0;
  let width = 0;
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)"/.exec(line);
    if (p) [page, width] = [page + 1, Number(p[1])];
    const w = /<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/.exec(line);
    if (w) edges.push({ page, xMax: Number(w[1]), width });
  }
  return edges;
}

describe('Markdown beyond what the real content uses', () => {
  it('passes the check without a warning', async () => {
    const { guide, diagnostics } = await loadGuide(content);
    expect(guide).toBeDefined();
    expect(diagnostics.list).toEqual([]);
  });

  it('keeps every word of the guide and the sheet inside the page, the long URL included', () => {
    for (const file of ['guide.pdf', 'sheets/first-practice.pdf']) {
      const text = flat(pdfText(path.join(out, file))).replace(/\s+/g, '');
      expect(text).toContain(LONG.slice(0, 60));
      const over = wordRightEdges(path.join(out, file)).filter((w) => w.xMax > w.width - 20);
      expect(over, file).toEqual([]);
    }
  });

  it('prints the code block in both formats and the comment in none', () => {
    const guide = flat(pdfText(path.join(out, 'guide.pdf')));
    expect(guide).toContain('const x = 1;');
    const report = docxPart(path.join(out, 'reports/alpha.docx'), 'word/document.xml');
    expect(report).toMatch(/<w:rFonts w:ascii="Consolas"[^>]*\/>.*?<w:t xml:space="preserve">\s*indented\(\);<\/w:t>/s);
    for (const file of ['guide.pdf', 'sheets/first-practice.pdf']) expect(flat(pdfText(path.join(out, file)))).not.toContain('check this figure');
    expect(report).not.toContain('check this figure');
  });
});
