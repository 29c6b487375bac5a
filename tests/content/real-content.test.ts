/** The real guide in content/: loads cleanly and has the shape the guide promises. */
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Guide } from '../../scripts/model/schemas.ts';
import { formatDiagnostic } from '../../scripts/validate/diagnostics.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';

let guide: Guide;

beforeAll(async () => {
  const result = await loadGuide('content');
  expect(result.diagnostics.list.map((d) => formatDiagnostic(d))).toEqual([]);
  guide = result.guide!;
});

describe('content/', () => {
  it('has 32 practices, 4 areas × 8, each partner with one practice per area', () => {
    expect(guide.practices).toHaveLength(32);
    expect(guide.areas.map((a) => a.id)).toEqual(['activation', 'employers', 'evidence', 'partnerships']);
    for (const area of guide.areas) {
      const inArea = guide.practices.filter((p) => p.area === area.id);
      expect(inArea).toHaveLength(8);
      expect(new Set(inArea.map((p) => p.partner)).size).toBe(8);
    }
    expect(guide.practices.map((p) => p.number).slice(0, 3)).toEqual(['2.1.1', '2.1.2', '2.1.3']);
    expect(guide.practices.at(-1)!.number).toBe('2.4.8');
  });

  it('has 8 partners, each with a video pill and a feedback report link', () => {
    expect(guide.partners).toHaveLength(8);
    expect(new Set(guide.partners.map((p) => p.videoUrl)).size).toBe(8);
    expect(new Set(guide.partners.map((p) => p.reportUrl)).size).toBe(8);
    expect(guide.partners.find((p) => p.id === 'le-forem')!.videoUrl).toMatch(/youtube\.com/);
  });

  it('has 5 transversal topics with 8 specific strengths each', () => {
    expect(guide.topics).toHaveLength(5);
    for (const topic of guide.topics) {
      expect(topic.strengths.map((s) => s.partner).sort()).toEqual(guide.partners.map((p) => p.id).sort());
      expect(topic.improvements.length).toBeGreaterThan(0);
    }
    const communication = guide.topics.find((t) => t.id === 'communication-strategies')!;
    expect(communication.improvements[0]!.partners.sort()).toEqual(['arti', 'france-travail', 'helsinki', 'le-forem']);
  });

  it('has 22 glossary terms, sorted', () => {
    expect(guide.glossary).toHaveLength(22);
    expect(guide.glossary[0]!.term).toBe('ALMP-measures');
  });

  it('gives every practice link as an https URL, except the five practices without one', () => {
    const without = guide.practices.filter((p) => !p.moreInfoUrl).map((p) => p.number);
    expect(without).toEqual(['2.1.5', '2.2.5', '2.4.1', '2.4.2', '2.4.5']);
    for (const p of guide.practices) if (p.moreInfoUrl) expect(p.moreInfoUrl).toMatch(/^https:\/\//);
  });

  it('links each more-info sentence to its practice URL in the model itself', () => {
    for (const p of guide.practices.filter((x) => x.moreInfoUrl)) {
      const links: Array<{ url: string; text: string }> = [];
      const walk = (n: { type: string; url?: string; children?: unknown[] }) => {
        if (n.type === 'link') links.push({ url: n.url!, text: toString(n as never) });
        for (const c of n.children ?? []) walk(c as typeof n);
      };
      walk(p.description as never);
      expect(links, p.id).toContainEqual({ url: p.moreInfoUrl, text: 'You can find additional information here.' });
    }
  });

  it('keeps scenarios and tips as the source has them: nine practices unpaired', () => {
    const counts = Object.fromEntries(
      guide.practices.filter((p) => !p.paired).map((p) => [p.number, `${p.scenarios.items.length}/${p.tips.items.length}`]),
    );
    expect(counts).toEqual({
      '2.1.3': '11/3',
      '2.1.4': '4/8',
      '2.2.3': '4/9',
      '2.3.2': '4/3',
      '2.3.3': '6/5',
      '2.3.4': '4/2',
      '2.4.3': '5/6',
      '2.4.4': '4/3',
      '2.4.8': '6/3',
    });
  });

  it('attributes every example to another partner than the practice owner', () => {
    for (const p of guide.practices) {
      expect(p.examples.length).toBeGreaterThan(0);
      for (const e of p.examples) expect(e.partner).not.toBe(p.partner);
    }
  });

  it('keeps "Additional tips" paragraphs as paragraphs after the tips', () => {
    const wai = guide.practices.find((p) => p.number === '2.3.5')!;
    expect(toString(wai.tips.after)).toMatch(/^Additional tips:/);
  });
});
