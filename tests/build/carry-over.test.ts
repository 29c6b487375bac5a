/**
 * Between the layout passes of one document, a segment laid out as it will stay is a
 * stand-in in the next pass (carry-over.ts, segment-layout.ts). Which segments may be
 * carried is checked on its own; that the real guide, whose first pass moves headings in
 * many segments, carries most of them and still gives the bytes of a build without any
 * layout cache, end to end.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settledSegments, type LaidOutNode } from '../../scripts/render/pdf/carry-over.ts';
import type { Segment } from '../../scripts/render/pdf/segment-plan.ts';
import { snapshot } from '../helpers/build.ts';
import { runCli } from '../helpers/run-cli.ts';

/** A node laid out on `page`, with its page break as the pass saw it. */
const node = (page: number, pageBreak?: string): LaidOutNode => ({ positions: [{ pageNumber: page } as never], ...(pageBreak ? { pageBreak } : {}) });

/** Four segments of two pages each (pages 1–2, 3–4, 5–6, 7–8), three nodes each. */
function fourSegments() {
  const nodes = [1, 3, 5, 7].map((first) => [node(first), node(first), node(first + 1, 'after')]);
  const segments = nodes.map((n, i) => ({ key: `k${i}`, nodes: n, breaks: { before: false, after: true }, marked: [] }) as Segment);
  const breaks = new Map(nodes.flat().map((n) => [n, n.pageBreak]));
  return { nodes, segments, breaks, starts: [1, 3, 5, 7] };
}

describe('segments carried to the next layout pass', () => {
  it('are those laid out in the pass whose page breaks keep-with-next left alone', () => {
    const { nodes, segments, breaks, starts } = fourSegments();
    expect(settledSegments(segments, starts, breaks)).toEqual([0, 1, 2, 3]);
    nodes[1]![1]!.pageBreak = 'before'; // a heading of segment 1 moved to the next page
    expect(settledSegments(segments, starts, breaks)).toEqual([0, 2, 3]);
  });

  it('leave out the neighbours of a segment whose first or last node changed its break', () => {
    const { nodes, segments, breaks, starts } = fourSegments();
    delete nodes[1]![2]!.pageBreak; // segment 1's closing break dropped: segment 2 no longer starts a page
    expect(settledSegments(segments, starts, breaks)).toEqual([3]);
  });

  it('leave out segments already cached, never cached, or not laid out in the pass', () => {
    const { nodes, segments, breaks, starts } = fourSegments();
    segments[0]!.cached = { faces: [], styles: [], pages: [[]], positions: [] };
    segments[1]!.key = undefined; // a table of contents
    for (const n of nodes[2]!) breaks.delete(n); // a stand-in's segment: its nodes were not laid out
    expect(settledSegments(segments, starts, breaks)).toEqual([3]);
  });
});

describe('the real guide, laid out with carried segments', () => {
  it('carries most segments after its first pass and gives the bytes of a build with no layout cache', () => {
    const build = (env: Record<string, string>) => {
      const out = mkdtempSync(path.join(tmpdir(), 'netpes-carry-'));
      const run = runCli(['build', '--quiet', '--only', 'guide', '--out', out], { SOURCE_DATE_EPOCH: '1767225600', ...env });
      expect(run.code, run.stderr).toBe(0);
      return { bytes: snapshot(out).get('guide.pdf')!, stderr: run.stderr };
    };
    const carried = build({ NETPES_DEBUG_LAYOUT: '1' });
    const [, laidOut, passes] = /layout: guide: 0 of \d+ segments kept their last layout, (\d+) laid out \(\d+ every time; (\d+) only in the first/.exec(carried.stderr) ?? [];
    expect(Number(passes), carried.stderr).toBeGreaterThan(Number(laidOut) / 2);
    expect(carried.bytes.equals(build({ NETPES_NO_CACHE: '1' }).bytes)).toBe(true);
  }, 120_000);
});
