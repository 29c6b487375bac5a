/**
 * One fixture per validation rule (tests/fixtures/invalid/<case>/): the valid fixture with
 * a few files changed. Each asserts the exact file, line, column and message of every
 * diagnostic. Run with UPDATE_EXPECTED=1 to rewrite expected.txt after a deliberate change.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../scripts/validate/diagnostics.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { FIXTURES, materialise, normalisePaths } from '../helpers/fixture.ts';

const INVALID = path.join(FIXTURES, 'invalid');

async function diagnosticsOf(caseDir?: string): Promise<{ text: string; errors: number }> {
  const content = materialise(caseDir);
  const { diagnostics } = await loadGuide(content);
  const text = diagnostics
    .sorted()
    .map((d) => formatDiagnostic(d))
    .join('\n');
  return { text: normalisePaths(text, content), errors: diagnostics.errorCount };
}

describe('valid fixture', () => {
  it('loads with no diagnostics', async () => {
    expect(await diagnosticsOf()).toEqual({ text: '', errors: 0 });
  });
});

describe('invalid fixtures', () => {
  for (const name of readdirSync(INVALID).sort()) {
    it(name, async () => {
      const caseDir = path.join(INVALID, name);
      const { text, errors } = await diagnosticsOf(caseDir);
      const expectedFile = path.join(caseDir, 'expected.txt');
      if (process.env['UPDATE_EXPECTED'] || !existsSync(expectedFile)) writeFileSync(expectedFile, `${text}\n`);
      expect(errors).toBeGreaterThan(0);
      expect(`${text}\n`).toBe(readFileSync(expectedFile, 'utf8'));
    });
  }
});
