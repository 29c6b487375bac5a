/** The template vocabulary is one table: both backends handle what it lists, and only that. */
import { describe, expect, it } from 'vitest';
import { directiveHandlers as docxHandlers } from '../../scripts/render/docx/registry.ts';
import { directiveHandlers as pdfHandlers } from '../../scripts/render/pdf/handlers/registry.ts';
import { checkDirectives, DIRECTIVES } from '../../scripts/render/template/directives.ts';

/** Read by code before rendering (the sheets' fit) or inside its parent (`row` by DOCX `practice`, `tips` by `scenarios-tips`). */
const CONSUMED = { pdf: ['fit', 'tips'], docx: ['fit', 'row', 'tips'] };

describe('directive vocabulary', () => {
  it('the PDF backend handles every directive, and no other', () => {
    const expected = Object.keys(DIRECTIVES).filter((name) => !CONSUMED.pdf.includes(name));
    expect(Object.keys(pdfHandlers).sort()).toEqual(expected.sort());
  });

  it('the DOCX backend handles every directive a Word document may use, and no other', () => {
    const expected = Object.entries(DIRECTIVES)
      .filter(([name, spec]) => !spec.pdfOnly && !CONSUMED.docx.includes(name))
      .map(([name]) => name);
    expect(Object.keys(docxHandlers).sort()).toEqual(expected.sort());
  });

  it('a PDF-only directive in a report template is refused at its line', () => {
    expect(checkDirectives('text\n:::qr-beside{url="https://example.org"}\n:::\n', 'docx')).toEqual([
      { line: 2, column: 1, message: '"qr-beside" is drawn in PDFs only; this template renders a Word document' },
    ]);
    expect(checkDirectives('text\n:::qr-beside{url="https://example.org"}\n:::\n', 'pdf')).toEqual([]);
  });

  it('a ::tips line belongs directly inside :::scenarios-tips, which must hold one', () => {
    const ok = '::::row\n:::scenarios-tips{scenarios="S" tips="T"}\n{{md practice.scenarios}}\n::tips\n{{md practice.tips}}\n:::\n::::\n';
    expect(checkDirectives(ok, 'pdf')).toEqual([]);
    expect(checkDirectives(ok.replace('::tips\n', ''), 'pdf')).toEqual([
      { line: 2, column: 1, message: '":::scenarios-tips" must hold a "::tips" line (see docs/directives.md)' },
    ]);
    expect(checkDirectives('text\n::tips\n', 'docx')).toEqual([{ line: 2, column: 1, message: '"::tips" belongs directly inside ":::scenarios-tips"' }]);
  });
});
