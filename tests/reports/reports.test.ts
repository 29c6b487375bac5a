/**
 * The eight partner reports, read back as a partner would meet them: each opens in
 * LibreOffice, holds its own practices, strengths and examples and none of the other
 * partners' strengths; its Word structure (Heading styles, hyperlinks, lists that restart)
 * is checked in document.xml; a second build gives the same bytes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Guide } from '../../scripts/model/schemas.ts';
import reports from '../../scripts/deliverables/reports/reports.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { bodyText, buildReports, convertToPdf, docxPart, pageCount, paragraphs, squash } from './read-docx.ts';

const EPOCH = '1767225600'; // 2026-01-01T00:00:00Z

let guide: Guide;
let docxDir: string;
let pdfDir: string;
const texts = new Map<string, string>();

beforeAll(async () => {
  guide = (await loadGuide('content')).guide!;
  docxDir = buildReports({ SOURCE_DATE_EPOCH: EPOCH });
  pdfDir = convertToPdf(guide.partners.map((p) => path.join(docxDir, `${p.id}.docx`)));
  for (const p of guide.partners) texts.set(p.id, bodyText(path.join(pdfDir, `${p.id}.pdf`)));
}, 600_000);

/** Containment with a short message (the report's whole text would drown the failure). */
function expectText(text: string, needle: string, present: boolean, what: string): void {
  expect(text.includes(needle), `${what} ${present ? 'missing' : 'present'}: "${needle.slice(0, 90)}…"`).toBe(present);
}

/** Each block of a rich text, squashed: a block is found even where a page break splits the whole. */
const blocks = (root: Root) => root.children.map((n) => squash(toString(n))).filter(Boolean);

describe('partner reports', () => {
  it('are eight files named by partner id, each opened by LibreOffice', () => {
    expect(readdirSync(docxDir).sort()).toEqual(guide.partners.map((p) => `${p.id}.docx`).sort());
    for (const p of guide.partners) expect(pageCount(path.join(pdfDir, `${p.id}.pdf`))).toBeGreaterThan(10);
  });

  it("hold the partner's name and its four practices", () => {
    for (const partner of guide.partners) {
      const text = texts.get(partner.id)!;
      expectText(text, squash(partner.name), true, partner.id);
      const own = guide.practices.filter((p) => p.partner === partner.id);
      expect(own).toHaveLength(4);
      for (const p of own) {
        expectText(text, squash(p.name), true, `${partner.id}: ${p.name}`);
        for (const block of blocks(p.description)) expectText(text, block, true, `${partner.id}: description of ${p.id}`);
      }
    }
  });

  it("hold the partner's own strength in all five topics and none of the other partners'", () => {
    for (const partner of guide.partners) {
      const text = texts.get(partner.id)!;
      for (const topic of guide.topics) {
        for (const strength of topic.strengths) {
          for (const block of blocks(strength.content)) {
            const message = `${partner.id} report, ${topic.id}, strength of ${strength.partner}`;
            expectText(text, block, strength.partner === partner.id, message);
          }
        }
      }
    }
  });

  it("hold the partner's own examples in the other partners' practices, with those practices named", () => {
    for (const partner of guide.partners) {
      const text = texts.get(partner.id)!;
      const contributed = guide.practices.filter((p) => p.partner !== partner.id && p.examples.some((e) => e.partner === partner.id));
      expect(contributed.length).toBeGreaterThan(0);
      for (const p of contributed) {
        expectText(text, squash(p.name), true, `${partner.id}: ${p.name}`);
        const example = p.examples.find((e) => e.partner === partner.id)!;
        for (const block of blocks(example.content)) expectText(text, block, true, `${partner.id}: example in ${p.id}`);
      }
    }
  });

  it('plan one output per partner whose sources are exactly the files it is made of', () => {
    const plan = reports.plan(guide);
    expect(plan.map((o) => o.path)).toEqual(guide.partners.map((p) => `reports/${p.id}.docx`));
    for (const output of plan) {
      const id = path.basename(output.path, '.docx');
      for (const source of output.sources) expect(existsSync(source), source).toBe(true);
      const practices = guide.practices.filter((p) => p.partner === id || p.examples.some((e) => e.partner === id));
      expect(output.sources.filter((s) => s.includes('/practices/')).sort()).toEqual(practices.map((p) => p.file).sort());
      expect(output.sources).toEqual(expect.arrayContaining([guide.meta.file, ...guide.topics.map((t) => t.file), ...guide.areas.map((a) => a.file)]));
      expect(output.sources).toContain(guide.partners.find((p) => p.id === id)!.file);
    }
  });

  it('use Heading styles for chapters, practices and topics', () => {
    const styles = docxPart(path.join(docxDir, 'le-forem.docx'), 'word/styles.xml');
    expect(styles).toMatch(/w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/s);
    for (const partner of guide.partners) {
      const paras = paragraphs(docxPart(path.join(docxDir, `${partner.id}.docx`), 'word/document.xml'));
      const styleOf = (text: string) => paras.find((p) => p.text.includes(text) && p.style?.startsWith('Heading'))?.style;
      expect(paras.filter((p) => p.style === 'Heading1').length).toBeGreaterThanOrEqual(5);
      for (const p of guide.practices.filter((x) => x.partner === partner.id)) expect(styleOf(p.title ?? p.name), p.id).toBe('Heading2');
      for (const t of guide.topics) expect(styleOf(t.title), t.id).toBe('Heading2');
      expect(paras.find((p) => p.style === 'Title')).toBeDefined();
    }
  });

  it("link to the partner's video pill and online report as external hyperlinks", () => {
    for (const partner of guide.partners) {
      const file = path.join(docxDir, `${partner.id}.docx`);
      const rels = docxPart(file, 'word/_rels/document.xml.rels');
      const document = docxPart(file, 'word/document.xml');
      for (const url of [partner.videoUrl, partner.reportUrl]) {
        const escaped = url.replace(/&/g, '&amp;');
        const id = new RegExp(`Id="(rId\\d+)"[^>]*Target="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" TargetMode="External"`).exec(rels)?.[1];
        expect(id, url).toBeDefined();
        expect(document).toContain(`<w:hyperlink w:history="1" r:id="${id}">`);
      }
    }
  });

  it('restart numbering for each list: scenarios and tips are two lists, each from 1', () => {
    // Le Forem's "Direction Unique Employeur" has 4 numbered scenarios and 9 numbered tips (not paired).
    const practice = guide.practices.find((p) => p.id === 'direction-unique-employeur')!;
    expect(practice.paired).toBe(false);
    expect(practice.scenarios.ordered && practice.tips.ordered).toBe(true);
    const file = path.join(docxDir, 'le-forem.docx');
    const paras = paragraphs(docxPart(file, 'word/document.xml'));
    const first = (item: (typeof practice.scenarios.items)[number]) => paras.find((p) => squash(p.text) === squash(toString(item.children[0]!)));
    const scenario = first(practice.scenarios.items[0]!);
    const tip = first(practice.tips.items[0]!);
    expect(scenario?.numId).toBeDefined();
    expect(tip?.numId).toBeDefined();
    expect(tip!.numId).not.toBe(scenario!.numId);
    const numbering = docxPart(file, 'word/numbering.xml');
    for (const id of [scenario!.numId, tip!.numId]) {
      expect(numbering).toMatch(new RegExp(`<w:num w:numId="${id}"><w:abstractNumId w:val="\\d+"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>`));
    }
    // And as rendered: the tips list starts again at 1.
    expectText(texts.get('le-forem')!, squash(`1. ${toString(practice.tips.items[0]!)}`), true, 'first tip numbered 1.');
  });

  it('are byte-identical when built again from the same content and SOURCE_DATE_EPOCH', () => {
    // docx alone writes the current time, random relationship ids and a process-wide bookmark counter.
    const again = buildReports({ SOURCE_DATE_EPOCH: EPOCH });
    for (const p of guide.partners) {
      const [a, b] = [docxDir, again].map((dir) => readFileSync(path.join(dir, `${p.id}.docx`)));
      expect(a!.equals(b!), `${p.id}.docx differs between two builds`).toBe(true);
    }
    const core = docxPart(path.join(docxDir, 'le-forem.docx'), 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>');
  }, 600_000);
});
