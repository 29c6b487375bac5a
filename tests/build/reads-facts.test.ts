/** What a sheet's cache key holds of the guide's facts: its own page (and the footer's), not every practice's. */
import { describe, expect, it } from 'vitest';
import sheets from '../../scripts/deliverables/sheets/sheets.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { materialise } from '../helpers/fixture.ts';

describe('sheet cache keys', () => {
  it('change when the sheet\'s own guide page moves, not when another practice\'s does', async () => {
    const { guide } = await loadGuide(materialise());
    const [first, second, third] = guide!.practices.map((p) => p.id);
    const sheet = sheets.plan(guide!).find((o) => o.path === `sheets/${third}.pdf`)!;
    const facts = (pages: Record<string, number>) => ({ 'guide.pdf': { practicePages: pages } });
    const key = (pages: Record<string, number>) => JSON.stringify(sheet.readsFacts!(facts(pages)));
    const base = { [first!]: 3, [second!]: 5, [third!]: 7 };
    expect(key({ ...base, [second!]: 6 })).toBe(key(base));
    expect(key({ ...base, [third!]: 8 })).not.toBe(key(base));
    expect(key({ ...base, [first!]: 4 })).not.toBe(key(base)); // the footer height is measured on the first practice's
  });
});
