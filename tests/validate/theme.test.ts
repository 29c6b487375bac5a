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
});
