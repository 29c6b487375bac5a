/**
 * The model's types come from its zod schemas; this runs them. The model built from the
 * real content and from the fixture must parse, and parse to itself: a key a builder adds
 * but the schema lacks would be stripped (and the inferred type would not know it), and a
 * key the schema requires but no builder sets would fail.
 */
import { describe, expect, it } from 'vitest';
import { guideSchema } from '../../scripts/model/schemas.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { VALID } from '../helpers/fixture.ts';

describe('the model matches its schema', () => {
  it.each([['the real content', 'content'], ['the fixture', VALID]])('%s', async (_, dir) => {
    const { guide } = await loadGuide(dir);
    expect(guide).toBeDefined();
    const parsed = guideSchema.safeParse(guide);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data).toEqual(guide);
  });
});
