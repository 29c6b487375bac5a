/**
 * Property-based: real content files mutated at random (lines deleted, duplicated, swapped,
 * bytes corrupted, frontmatter keys dropped or renamed …). The loader and validator must
 * never throw, and must either accept the content or report errors located inside the file.
 * NETPES_PROPERTY_RUNS sets the number of cases (default 2,000).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listContentFiles, type ContentFile } from '../../scripts/load/content-files.ts';
import { parseContent, type Entries } from '../../scripts/load/load-content.ts';
import { ParseCache } from '../../scripts/load/parse-cache.ts';
import { Diagnostics } from '../../scripts/validate/diagnostics.ts';
import { validateEntries } from '../../scripts/validate/load-guide.ts';

const RUNS = Number(process.env['NETPES_PROPERTY_RUNS'] ?? 2000);
const files: ContentFile[] = await listContentFiles('content');
const originals = files.map((f) => readFileSync(f.path));
const cache = new ParseCache(undefined);
// Unchanged files are parsed once; each case re-parses only the file it mutated.
const baseline = await parseContent(files, originals, new Diagnostics(), cache);

type Mutation = (lines: string[], bytes: Uint8Array) => Uint8Array;
const text = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));

const mutation: fc.Arbitrary<{ name: string; apply: Mutation }> = fc.oneof(
  fc.nat().map((i) => ({ name: `delete line ${i}`, apply: (l: string[]) => text(l.filter((_, k) => k !== i % l.length)) })),
  fc
    .nat()
    .map((i) => ({ name: `duplicate line ${i}`, apply: (l: string[]) => text(l.flatMap((x, k) => (k === i % l.length ? [x, x] : [x]))) })),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => ({
    name: `swap lines ${i} ${j}`,
    apply: (l: string[]) => {
      const c = [...l];
      const [a, b] = [i % c.length, j % c.length];
      [c[a], c[b]] = [c[b]!, c[a]!];
      return text(c);
    },
  })),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([i, byte]) => ({
    name: `byte ${i} = ${byte}`,
    apply: (_: string[], b: Uint8Array) => {
      const c = Uint8Array.from(b);
      if (c.length > 0) c[i % c.length] = byte;
      return c;
    },
  })),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 20 })).map(([i, s]) => ({
    name: `insert ${JSON.stringify(s)} in line ${i}`,
    apply: (l: string[]) => text(l.map((x, k) => (k === i % l.length ? x.slice(0, x.length >> 1) + s + x.slice(x.length >> 1) : x))),
  })),
  fc.nat().map((i) => ({ name: `truncate at ${i}`, apply: (_: string[], b: Uint8Array) => b.subarray(0, i % (b.length + 1)) })),
  fc.tuple(fc.nat(), fc.constantFrom('', 'x', 'id', 'partner', 'order', 'names')).map(([i, key]) => ({
    name: `rename frontmatter key ${i} to "${key}"`,
    apply: (l: string[]) => {
      const end = l.indexOf('---', 1);
      const k = 1 + (i % Math.max(1, end - 1));
      return text(l.map((x, n) => (n === k && x.includes(':') ? `${key}${x.slice(x.indexOf(':'))}` : x)));
    },
  })),
  fc
    .constantFrom('---', '', '## Context', '### soc', '- item', '1. item', '| a |', '[x][more-info]', '    code', '<div>', '* * *')
    .chain((line) =>
      fc.nat().map((i) => ({
        name: `insert line "${line}" at ${i}`,
        apply: (l: string[]) => text([...l.slice(0, i % l.length), line, ...l.slice(i % l.length)]),
      })),
    ),
);

describe('loader and validator under random mutations of real content', () => {
  it(`never throw and always locate their errors (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(files.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (index, mutations) => {
        let bytes: Uint8Array = originals[index]!;
        for (const m of mutations) bytes = m.apply(Buffer.from(bytes).toString('utf8').split('\n'), bytes);
        const diagnostics = new Diagnostics();
        const mutated = await parseContent([files[index]!], [bytes], diagnostics, cache);
        const entries = Object.fromEntries(
          Object.entries(baseline).map(([kind, list]) => [
            kind,
            [...list.filter((e) => e.file.path !== files[index]!.path), ...mutated[kind as keyof Entries]],
          ]),
        ) as Entries;
        const { guide } = validateEntries(entries, diagnostics);
        const lines = Buffer.from(bytes).toString('utf8').split('\n').length;
        for (const d of diagnostics.list) {
          expect(files.some((f) => f.path === d.file)).toBe(true);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          if (d.file === files[index]!.path) expect(d.line).toBeLessThanOrEqual(lines + 3);
          expect(d.message.length).toBeGreaterThan(10);
        }
        expect(guide === undefined).toBe(diagnostics.errorCount > 0);
      }),
      { numRuns: RUNS },
    );
  });
});
