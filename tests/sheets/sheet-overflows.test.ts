/**
 * Fitting a sheet proves its level by laying out the level before it, which overflows; the
 * overflows are kept in the run cache (fit-sheet.ts `overflowOf`), so the next run on the
 * same content makes fewer layouts, and must choose the same levels and write the same bytes.
 * On the real content: its sheets overflow at their first levels, the fixture's do not.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SheetFit } from '../../scripts/deliverables/sheets/fit-sheet.ts';
import { snapshot } from '../helpers/build.ts';
import { runCli } from '../helpers/run-cli.ts';

const cache = mkdtempSync(path.join(tmpdir(), 'netpes-cache-'));

function buildSheets(): { out: string; fits: SheetFit[] } {
  const out = mkdtempSync(path.join(tmpdir(), 'netpes-out-'));
  const run = runCli(['build', '--quiet', '--only', 'sheets', '--out', out], { NETPES_CACHE_DIR: cache, SOURCE_DATE_EPOCH: '1767225600' });
  expect(run.code, run.stderr).toBe(0);
  const { outputs } = JSON.parse(readFileSync(path.join(out, '.cache', 'build.json'), 'utf8')) as {
    outputs: Record<string, { facts?: { sheetFit?: SheetFit } }>;
  };
  const fits = Object.entries(outputs)
    .filter(([file]) => file.startsWith('sheets/'))
    .map(([, entry]) => entry.facts!.sheetFit!);
  return { out, fits };
}

const layouts = (fits: SheetFit[]) => fits.reduce((sum, fit) => sum + fit.layouts, 0);
const levels = (fits: SheetFit[]) => fits.map(({ practice, level, fontSize, cuts }) => ({ practice, level, fontSize, cuts }));

describe('the overflows of fitting, kept between runs', () => {
  it('spare the next run its proving layouts, with the same levels and the same bytes', () => {
    const first = buildSheets();
    expect(first.fits.length).toBeGreaterThan(20);
    // Laid out once per sheet at least, and more for the many that overflow at first.
    expect(layouts(first.fits)).toBeGreaterThan(first.fits.length + 10);
    expect(readdirSync(path.join(cache, 'sheet-overflows')).length).toBeGreaterThan(10);

    const second = buildSheets();
    expect(layouts(second.fits)).toBeLessThan(layouts(first.fits) - 10);
    expect(levels(second.fits)).toEqual(levels(first.fits));
    const [a, b] = [snapshot(first.out), snapshot(second.out)];
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
  }, 120_000);
});
