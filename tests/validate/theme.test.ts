/** The theme is checked with the content: a missing area colour is a located error, not a crash mid-build. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../scripts/validate/diagnostics.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { materialise, normalisePaths } from '../helpers/fixture.ts';

afterEach(() => {
  delete process.env['NETPES_TEMPLATES'];
});

describe('theme', () => {
  it('reports an area without colours at the area file', async () => {
    const templates = mkdtempSync(path.join(tmpdir(), 'netpes-theme-'));
    cpSync('templates', templates, { recursive: true });
    const theme = path.join(templates, 'theme.yaml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace(/^ {2}employers: .*\n/m, ''));
    process.env['NETPES_TEMPLATES'] = templates;
    const content = materialise();
    const { guide, diagnostics } = await loadGuide(content);
    expect(guide).toBeUndefined();
    const lines = diagnostics.sorted().map((d) => normalisePaths(formatDiagnostic(d), content));
    expect(lines[0]).toMatch(
      /^content\/areas\/employers\.md:2:5 error: area "employers" has no colours in .*theme\.yaml; it has: activation, evidence, partnerships/,
    );
  });

  it('reports every bad value at its line in theme.yaml, in one run', async () => {
    const templates = mkdtempSync(path.join(tmpdir(), 'netpes-theme-'));
    cpSync('templates', templates, { recursive: true });
    const theme = path.join(templates, 'theme.yaml');
    const text = readFileSync(theme, 'utf8')
      .replace('size: A4', 'size: A3')
      .replace('body: Roboto ', 'body: Arial  ')
      .replace('minFontSize: 8', 'minFontSize: 12')
      .replace('  h4: 10.5', '  h4: -1')
      .replace('lineHeight: 1.25', 'lineHeight: 1.25\nlineheight: 1.3');
    writeFileSync(theme, text);
    process.env['NETPES_TEMPLATES'] = templates;
    const content = materialise();
    const { guide, diagnostics } = await loadGuide(content);
    expect(guide).toBeUndefined();
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const lines = diagnostics.sorted().map((d) => formatDiagnostic(d).split('\n')[0]!.replace(/^.*theme\.yaml/, 'theme.yaml'));
    expect(lines).toEqual([
      `theme.yaml:${lineOf('size: A3')}:9 error: \`page.size\`: page size "A3" is not one of A4, A5, LETTER`,
      `theme.yaml:${lineOf('body: Arial')}:9 error: \`fonts.body\`: the PDF font must be Roboto, the family shipped with pdfmake (got "Arial")`,
      `theme.yaml:${lineOf('h4: -1')}:7 error: \`sizes.h4\`: too small: expected number to be >0 (got -1)`,
      `theme.yaml:${lineOf('lineheight:')}:1 error: unknown theme key \`lineheight\`; allowed keys: page, fonts, sizes, lineHeight, colours, areas, sheet, pdf`,
      `theme.yaml:${lineOf('fontSteps:')}:14 error: \`sheet.fontSteps\`: no font step is at or above \`minFontSize\`: a sheet would have no size to try`,
    ]);
  });

  it('reports text that would be hard to read on a theme colour, at that colour', async () => {
    const templates = mkdtempSync(path.join(tmpdir(), 'netpes-theme-'));
    cpSync('templates', templates, { recursive: true });
    const theme = path.join(templates, 'theme.yaml');
    const text = readFileSync(theme, 'utf8').replace('evidence:     { accent: "#8a3b12", tint: "#f8ebe3" }', 'evidence:     { accent: "#8a3b12", tint: "#9a9a9a" }');
    writeFileSync(theme, text);
    process.env['NETPES_TEMPLATES'] = templates;
    const { guide, diagnostics } = await loadGuide(materialise());
    expect(guide).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('#9a9a9a')) + 1;
    const lines = diagnostics.sorted().map((d) => formatDiagnostic(d).split('\n')[0]!.replace(/^.*theme\.yaml/, 'theme.yaml'));
    expect(lines).toEqual([
      `theme.yaml:${line}:44 error: \`areas.evidence.tint\`: muted text on the evidence tint: #57606a on #9a9a9a has a contrast of 2.27:1, below the 4.5:1 readers need (WCAG 2, AA)`,
    ]);
  });
});

