/**
 * The guide and practice-sheets.pdf keep the layout of each segment (the content between
 * two page breaks) in out/.cache/layout, and the next build lays out only the segments that
 * changed (segment-plan.ts, segment-layout.ts). What users must get is what a full layout
 * gives, byte for byte: after a full cache, after an edit that moves every later page, and
 * when a cached segment cannot land where it did.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../scripts/render/pdf/render-pdf.ts';
import { renderSegmented } from '../../scripts/render/pdf/render-segmented.ts';
import { snapshot } from '../helpers/build.ts';
import { materialise } from '../helpers/fixture.ts';
import { pdfInfo, pdfText } from '../helpers/read-pdf.ts';
import { runCli } from '../helpers/run-cli.ts';

const env = { SOURCE_DATE_EPOCH: '1767225600' };
const LONG = ['guide.pdf', 'practice-sheets.pdf'];

function build(content: string, out: string, extra: Record<string, string> = {}, args: string[] = []): void {
  const run = runCli(['build', '--quiet', '--content', content, '--out', out, ...args], { ...env, ...extra });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
}

/** A build with no cache of any kind: the reference bytes. */
function fullLayout(content: string): string {
  const out = mkdtempSync(path.join(tmpdir(), 'netpes-full-'));
  build(content, out, { NETPES_NO_CACHE: '1' });
  return out;
}

function expectSameFiles(expected: string, actual: string): void {
  const [x, y] = [snapshot(expected), snapshot(actual)];
  expect([...y.keys()].filter((f) => !f.startsWith('.cache'))).toEqual([...x.keys()].filter((f) => !f.startsWith('.cache')));
  for (const [file, bytes] of x) if (!file.startsWith('.cache')) expect(bytes.equals(y.get(file)!), file).toBe(true);
}

/**
 * Builds the long PDFs again from the layouts `out` keeps (the rest is up to date), and a
 * report: beside it, with three jobs or more, the guide renders on a worker.
 */
function rebuildLong(content: string, out: string, args: string[] = []): void {
  for (const file of [...LONG, 'reports/alpha.docx']) rmSync(path.join(out, file));
  build(content, out, {}, args);
}

/**
 * The long PDFs built again, in a new process, with the debug line: for each, the two
 * numbers of its `what` count ("12 of 20 <what>": found as kept, of how many).
 */
function rebuildCounting(what: string): number[][] {
  for (const file of [...LONG, 'reports/alpha.docx']) rmSync(path.join(out, file));
  const run = runCli(['build', '--quiet', '--content', content, '--out', out], { ...env, NETPES_DEBUG_LAYOUT: '1' });
  expect(run.code, run.stderr).toBe(0);
  return [...run.stderr.matchAll(new RegExp(`(\\d+) of (\\d+) ${what}`, 'g'))].map(([, found, of]) => [Number(found), Number(of)]);
}

const content = materialise();
const layouts = (out: string) => path.join(out, '.cache', 'layout');
/** The kept layouts of one document (its drawings are in a folder beside them: `drawn`). */
const layoutFiles = (out: string, name: string) =>
  readdirSync(path.join(layouts(out), name))
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(layouts(out), name, f));
const drawings = (out: string, name: string) => path.join(layouts(out), name, 'drawn');
/** Without the drawings (of the bodies and of the headers and footers), the next build draws every page from its (kept or fresh) layout. */
const forgetDrawings = (out: string) =>
  LONG.forEach((file) => {
    for (const folder of ['drawn', 'furniture-drawn']) rmSync(path.join(layouts(out), file.replace('.pdf', ''), folder), { recursive: true, force: true });
  });
let out: string;
let reference: string;
beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'netpes-out-'));
  build(content, out);
  reference = fullLayout(content);
});

describe('the layout cache of the long PDFs', () => {
  it('keeps one layout per segment of the guide and of practice-sheets.pdf, and gives the bytes of a full layout', () => {
    const pages = Number(pdfInfo(path.join(out, 'guide.pdf'))['Pages']);
    const kept = (name: string) => layoutFiles(out, name).length;
    // Every segment but the contents' (its page numbers are filled in when drawn); one per sheet.
    expect(kept('guide')).toBeGreaterThan(5);
    expect(kept('guide')).toBeLessThan(pages);
    expect(kept('practice-sheets')).toBe(4);
    expectSameFiles(reference, out);
    rebuildLong(content, out);
    expectSameFiles(reference, out);
  });

  it('lays out and draws practice-sheets.pdf from the single sheets of the same build, even the first one', () => {
    const first = mkdtempSync(path.join(tmpdir(), 'netpes-out-'));
    const run = runCli(['build', '--quiet', '--content', content, '--out', first], { ...env, NETPES_DEBUG_LAYOUT: '1' });
    expect(run.code).toBe(0);
    const [, kept, segments] = /practice-sheets: (\d+) of (\d+) segments kept their last layout/.exec(run.stderr) ?? [];
    expect([Number(kept), Number(segments)]).toEqual([4, 4]);
    const [, drawn, pages] = /practice-sheets: .* (\d+) of (\d+) segment pages drawn as kept/.exec(run.stderr) ?? [];
    // All but a page that first uses one of pdfkit's opacity states (made as drawn).
    expect(Number(drawn)).toBeGreaterThanOrEqual(Number(pages) - 1);
    expect(Number(pages)).toBe(4);
    expectSameFiles(reference, first);
  });

  it('is read by the next build (a tampered layout shows in the guide and in practice-sheets.pdf)', () => {
    const files = ['guide', 'practice-sheets'].flatMap((name) => layoutFiles(out, name)).filter((f) => readFileSync(f, 'utf8').includes('"Started '));
    // Each practice's guide segment and sheet (the fixture's practices share the sentence).
    expect(files.length, 'cached layouts holding a practice context').toBe(8);
    const originals = files.map((f) => readFileSync(f, 'utf8'));
    try {
      files.forEach((f, i) => writeFileSync(f, originals[i]!.replace('"Started ', '"Tampered ')));
      // In this thread, and on workers (three jobs: every output goes to the pool). The
      // pages' kept drawings would be written back as they were: the tampered words are
      // drawn only from the layouts.
      for (const jobs of ['1', '3']) {
        forgetDrawings(out);
        rebuildLong(content, out, ['--jobs', jobs]);
        for (const file of LONG) expect(pdfText(path.join(out, file)).match(/Tampered in 2022/g), `${file}, ${jobs} job(s)`).toHaveLength(4);
      }
    } finally {
      files.forEach((f, i) => writeFileSync(f, originals[i]!));
      forgetDrawings(out);
      rebuildLong(content, out);
    }
    expectSameFiles(reference, out);
  });

  it('keeps the running headers and footers for the next build (a tampered one shows in the guide; a broken one is laid out again)', () => {
    const [file] = readdirSync(path.join(layouts(out), 'guide', 'furniture')).map((f) => path.join(layouts(out), 'guide', 'furniture', f));
    const original = readFileSync(file!, 'utf8');
    const blocks = JSON.parse(original) as Record<string, string>;
    expect(Object.keys(blocks).length, 'kept headers and footers').toBeGreaterThan(5);
    // Every block holding a running header of the fixture's first chapter, its words changed.
    const header = Object.values(blocks).find((json) => json.includes('"1. Introduction"'));
    expect(header, 'a kept running header').toBeDefined();
    const tamper = (change: (json: string) => string) =>
      JSON.stringify(Object.fromEntries(Object.entries(blocks).map(([k, json]) => [k, json.includes('"1. Introduction"') ? change(json) : json])));
    try {
      writeFileSync(file!, tamper((json) => json.replaceAll('"1. Introduction"', '"1. Tampered"')));
      forgetDrawings(out);
      rebuildLong(content, out);
      expect(pdfText(path.join(out, 'guide.pdf'))).toContain('1. Tampered');
      writeFileSync(file!, tamper((json) => json.replace(/\[(\d+),"/g, '[9999,"'))); // words of a style it does not have
      forgetDrawings(out);
      rebuildLong(content, out);
      expectSameFiles(reference, out);
    } finally {
      writeFileSync(file!, original);
      forgetDrawings(out);
      rebuildLong(content, out);
    }
    expectSameFiles(reference, out);
  });

  it('keeps the drawings of the running headers and footers for the next build, and draws again those that do not read back', () => {
    const rebuild = () => rebuildCounting('headers and footers drawn as kept');
    const files = LONG.flatMap((file) => {
      const dir = path.join(layouts(out), file.replace('.pdf', ''), 'furniture-drawn');
      return readdirSync(dir).map((f) => path.join(dir, f));
    });
    expect(files.length).toBe(LONG.length);
    rebuild();
    const counts = rebuild();
    expect(counts).toHaveLength(LONG.length);
    for (const [found, used] of counts) {
      expect(used).toBeGreaterThan(0);
      expect(found).toBe(used);
    }
    expectSameFiles(reference, out);
    const originals = files.map((f) => readFileSync(f, 'utf8'));
    try {
      // Each drawing kept as a JSON text: one that does not parse is drawn again.
      files.forEach((f, i) => {
        const blocks = JSON.parse(originals[i]!) as Record<string, string>;
        writeFileSync(f, JSON.stringify(Object.fromEntries(Object.keys(blocks).map((k) => [k, '{"steps": [torn']))));
      });
      for (const [found] of rebuild()) expect(found).toBe(0);
      expectSameFiles(reference, out);
    } finally {
      files.forEach((f, i) => writeFileSync(f, originals[i]!));
    }
  });

  it('keeps the compressed streams for the next build, and compresses again those that do not read back', () => {
    /** How many of their streams came compressed from the last build, of how many. */
    const rebuild = () => rebuildCounting('streams compressed as kept');
    const files = LONG.map((file) => path.join(layouts(out), file.replace('.pdf', ''), 'deflated.bin'));
    rebuild();
    for (const [found, streams] of rebuild()) {
      expect(streams).toBeGreaterThan(3);
      expect(found).toBe(streams);
    }
    expectSameFiles(reference, out);
    const originals = files.map((f) => readFileSync(f));
    try {
      files.forEach((f, i) => writeFileSync(f, originals[i]!.subarray(0, originals[i]!.length - 100))); // torn
      for (const [found] of rebuild()) expect(found).toBe(0);
      expectSameFiles(reference, out);
    } finally {
      files.forEach((f, i) => writeFileSync(f, originals[i]!));
    }
  });

  it('lays out again a segment whose kept layout is unreadable, torn or of another shape, with the same bytes', () => {
    const files = layoutFiles(out, 'guide');
    const originals = files.map((f) => readFileSync(f, 'utf8'));
    const broken = [
      (json: string) => json.slice(0, json.length / 2), // torn
      () => '{"pages": 3}', // another shape
      (json: string) => json.replace(/\[(\d+),"/g, '[9999,"'), // words of a style it does not have
    ];
    try {
      files.forEach((f, i) => writeFileSync(f, broken[i % broken.length]!(originals[i]!)));
      rebuildLong(content, out);
      expectSameFiles(reference, out);
      // And the build kept its own layouts in their place.
      expect(files.map((f) => readFileSync(f, 'utf8'))).toEqual(originals);
    } finally {
      files.forEach((f, i) => writeFileSync(f, originals[i]!));
    }
  });

  it('draws the pages of unchanged segments as the last build drew them, and draws again those whose drawing does not read back', () => {
    /** For each, how many of its segments' pages were drawn as kept, and of how many. */
    const rebuild = () => rebuildCounting('segment pages drawn as kept');
    const expectKept = (counts: number[][]) => {
      expect(counts).toHaveLength(2);
      // All but the pages that first use one of pdfkit's three opacity states (made as drawn).
      for (const [kept, pages] of counts) expect(kept).toBeGreaterThanOrEqual(pages! - 3);
    };
    expectKept(rebuild());
    expectSameFiles(reference, out);
    const files = readdirSync(drawings(out, 'guide')).map((f) => path.join(drawings(out, 'guide'), f));
    const originals = files.map((f) => readFileSync(f, 'utf8'));
    try {
      // Each kept run of content blanked: the practices' paragraphs are gone from the guide,
      // so the drawings are what the guide's pages were drawn from.
      files.forEach((f, i) => {
        const drawn = JSON.parse(originals[i]!) as { pages: Array<{ steps: unknown[] }> };
        for (const page of drawn.pages) page.steps = page.steps.map((step) => (Array.isArray(step) ? ['', step[1]] : step));
        writeFileSync(f, JSON.stringify(drawn));
      });
      rebuild();
      expect(pdfText(path.join(out, 'guide.pdf'))).not.toContain('Started in 2022');
      const broken = [
        (json: string) => json.slice(0, json.length / 2), // torn: the pages are drawn from their layout
        (json: string) => json.replace(/"glyphs":\{[^}]*\}/g, '"glyphs":{}'), // glyphs it no longer lists
        (json: string) => json.replace(/"glyphs":\{"(\d+)"/g, '"glyphs":{"9$1"'), // a glyph it lists under another number: laid out and drawn in full
        (json: string) => json.replaceAll('"face":["Roboto","normal"]', '"face":["Nothing","normal"]'), // a face the document does not have
      ];
      files.forEach((f, i) => writeFileSync(f, broken[i % broken.length]!(originals[i]!)));
      rebuild();
      expectSameFiles(reference, out);
      // And the build left drawings that the next one draws from.
      expectKept(rebuild());
      expectSameFiles(reference, out);
    } finally {
      files.forEach((f, i) => writeFileSync(f, originals[i]!));
    }
  });

  it('after an edit that moves every later page, lays out the edited segment only and gives the bytes of a full layout', () => {
    const edited = materialise();
    const practice = path.join(edited, 'practices', 'activation', 'first-practice.md');
    // New letters too: every later page's glyphs get new numbers in the font subsets.
    const longer = ` It grew: Ωğŷ.${' It grew.'.repeat(400)}`;
    writeFileSync(practice, readFileSync(practice, 'utf8').replace('Started in 2022 in two offices.', `Started in 2022 in two offices.${longer}`));
    const before = Number(pdfInfo(path.join(out, 'guide.pdf'))['Pages']);
    const copy = mkdtempSync(path.join(tmpdir(), 'netpes-out-'));
    cpSync(out, copy, { recursive: true });
    build(edited, copy);
    expect(Number(pdfInfo(path.join(copy, 'guide.pdf'))['Pages'])).toBeGreaterThan(before);
    expectSameFiles(fullLayout(edited), copy);
    // The edited segment's old layout is gone: a build keeps only its own.
    const count = (dir: string) => [layoutFiles(dir, 'guide').length, readdirSync(drawings(dir, 'guide')).length];
    expect(count(copy)).toEqual(count(out));
  });
});

describe('a cached segment that would not land where it did', () => {
  // Two segments; the first one's break is dropped in the second render, as keep-with-next
  // drops a break that would leave a blank page, so the cached second segment would start
  // on the first one's last page.
  const make = (text: string, drop: boolean) => () => {
    const marker = { text: ' ', fontSize: 1, pageBreak: 'after', headlineLevel: 1 };
    let dropped = false;
    const definition: TDocumentDefinitions = {
      content: [{ text }, marker, { text: 'The second segment.' }] as TDocumentDefinitions['content'],
      info: { creationDate: new Date(0), modDate: new Date(0) },
      pageBreakBefore: (node) => {
        if (!drop || dropped || node.headlineLevel !== 1) return false;
        dropped = true;
        delete (marker as { pageBreak?: string }).pageBreak;
        return true;
      },
    };
    return { definition };
  };

  it('is laid out in full instead, with the same bytes as without the cache', async () => {
    const cache = { dir: mkdtempSync(path.join(tmpdir(), 'netpes-layout-')), salt: 'test' };
    await renderSegmented('test', make('First.', false), cache, () => ({ tracked: new Set() }));
    expect(readdirSync(path.join(cache.dir, 'test')).filter((f) => f.endsWith('.json')).length).toBe(2);
    const { bytes } = await renderSegmented('test', make('First, edited.', true), cache, () => ({ tracked: new Set() }));
    const plain = await renderPdf(make('First, edited.', true)().definition);
    expect(Buffer.from(bytes).equals(Buffer.from(plain))).toBe(true);
  });
});
