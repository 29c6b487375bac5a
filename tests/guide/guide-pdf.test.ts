/**
 * The guide read back: the real content built by the real command, then opened with the
 * tools a reader or an archive would use (pdftotext, pdfinfo, pdffonts, qpdf).
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Guide } from '../../scripts/model/schemas.ts';
import { loadRealGuide } from '../helpers/real-guide.ts';
import { runCli } from '../helpers/run-cli.ts';
import { catalog, flat, linkTargets, pdfFonts, pdfInfo, pdfPages, pdfText, qpdfCheck, qpdfJson, squash, type Outline, type QpdfJson } from '../helpers/read-pdf.ts';

const EPOCH = '1767225600'; // 2026-01-01T00:00:00Z

let guide: Guide;
let file: string;
let again: string;
let undated: string;
let json: QpdfJson;
let pages: string[];

function build(env: Record<string, string>): string {
  const out = mkdtempSync(path.join(tmpdir(), 'netpes-guide-'));
  const run = runCli(['build', '--only', 'guide', '--out', out], env);
  if (run.code !== 0) throw new Error(`build failed (${run.code}):\n${run.stderr}`);
  return path.join(out, 'guide.pdf');
}

beforeAll(async () => {
  ({ guide } = await loadRealGuide());
  file = build({ SOURCE_DATE_EPOCH: EPOCH });
  again = build({ SOURCE_DATE_EPOCH: EPOCH });
  undated = build({ SOURCE_DATE_EPOCH: '' });
  json = qpdfJson(file);
  pages = pdfPages(file);
});

/** The numbered headings the guide must carry, as the templates write them. */
function headings() {
  const partner = (id: string) => guide.partners.find((p) => p.id === id)!;
  const chapter = (id: string) => guide.chapters.find((c) => c.id === id)!;
  const chapters = guide.chapters.map((c) => ({ id: c.id, text: `${c.number}. ${c.title}` }));
  const areas = guide.areas.map((a) => ({ id: a.id, text: `${a.sectionNumber}. Best practices for “${a.title}”` }));
  const practices = guide.practices.map((p) => ({
    area: p.area,
    text: `${p.number}. ${(p.title ?? p.name).toLocaleUpperCase('en')} - ${partner(p.partner).headingName}`,
  }));
  const topics = guide.topics.map((t) => `${t.number}. ${t.title}`);
  const pills = guide.partners.map((p, i) => `${chapter('video-pills').number}.${i + 1}. ${p.videoTitle}`);
  const sections = chapter('lessons-learned').sections.map((s) => `${s.number}. ${s.title}`);
  return { chapters, areas, practices, topics, pills, sections };
}

function allHeadings(): string[] {
  const h = headings();
  return [...h.chapters.map((c) => c.text), ...h.areas.map((a) => a.text), ...h.practices.map((p) => p.text), ...h.topics, ...h.pills, ...h.sections];
}

describe('out/guide.pdf read back', () => {
  it('carries all 32 practice names and every numbered heading', () => {
    const text = squash(pdfText(file));
    expect(guide.practices).toHaveLength(32);
    for (const practice of guide.practices) expect(text).toContain(squash(practice.name));
    for (const heading of allHeadings()) expect(text).toContain(squash(heading));
  });

  it('has the title, the language and the title shown in the window', () => {
    const info = pdfInfo(file);
    expect(info['Title']).toBe(guide.meta.title);
    expect(info['Author']).toBe(guide.meta.author);
    expect(info['Subject']).toBe(guide.meta.subtitle);
    expect(info['Keywords']).toBe(guide.meta.keywords.join(', '));
    expect(Number(info['Pages'])).toBeGreaterThan(60);
    expect(Number(info['Pages'])).toBe(pages.length);
    const root = catalog(json);
    expect(root['/Lang']).toBe(`u:${guide.meta.language}`);
    const prefs = json.qpdf[1][`obj:${root['/ViewerPreferences'] as string}`]?.value;
    expect(prefs?.['/DisplayDocTitle']).toBe(true);
  });

  it('has an outline entry for every chapter, area, practice and topic, nested by level', () => {
    const h = headings();
    const top = json.outlines;
    const titles = (list: Outline[]) => list.map((o) => flat(o.title));
    expect(titles(top)).toEqual(['Contents', ...h.chapters.map((c) => c.text)]);
    const kidsOf = (text: string, list: Outline[] = top) => list.find((o) => flat(o.title) === flat(text))?.kids ?? [];
    const overview = h.chapters.find((c) => c.id === 'overview')!.text;
    expect(titles(kidsOf(overview))).toEqual(h.areas.map((a) => a.text));
    for (const area of h.areas) {
      expect(titles(kidsOf(area.text, kidsOf(overview)))).toEqual(h.practices.filter((p) => p.area === area.id).map((p) => flat(p.text)));
    }
    expect(titles(kidsOf(h.chapters.find((c) => c.id === 'transversal')!.text))).toEqual(h.topics);
    expect(titles(kidsOf(h.chapters.find((c) => c.id === 'video-pills')!.text))).toEqual(h.pills.map(flat));
    expect(titles(kidsOf(h.chapters.find((c) => c.id === 'lessons-learned')!.text))).toEqual(h.sections);
    // Each bookmark opens its page at the top left (pdfkit alone would scroll to the right edge).
    const dests: unknown[][] = [];
    const collect = (list: Outline[]) => list.forEach((o) => (dests.push((o as unknown as { dest: unknown[] }).dest), collect(o.kids)));
    collect(top);
    expect(dests.every((d) => d[1] === '/XYZ' && d[2] === 0)).toBe(true);
  });

  it('lists every numbered heading in the contents with the page it is on, each entry clickable', () => {
    const outline = new Map<string, number>();
    const walk = (list: Outline[]) => list.forEach((o) => (outline.set(flat(o.title), o.destpageposfrom1), walk(o.kids)));
    walk(json.outlines);
    const contentsPages = pages.map((p, i) => ({ text: flat(p), page: i + 1 })).filter((p) => p.page > 1 && p.page <= outline.get(headings().chapters[0]!.text)! - 1);
    const contents = squash(contentsPages.map((p) => p.text).join(' '));
    for (const heading of allHeadings()) {
      const page = outline.get(flat(heading));
      expect(page, heading).toBeDefined();
      expect(squash(pages[page! - 1]!)).toContain(squash(heading));
      expect(contents).toContain(`${squash(heading)}${page}`);
    }
    // Each entry links to its heading: one GoTo destination per entry on the contents pages.
    const destinations = new Set<string>();
    for (const { page } of contentsPages) {
      const pageObject = json.qpdf[1][`obj:${json.pages[page - 1]!.object}`]!.value!;
      for (const ref of (pageObject['/Annots'] as string[]) ?? []) {
        const annot = json.qpdf[1][`obj:${ref}`]!.value!;
        const action = json.qpdf[1][`obj:${annot['/A'] as string}`]?.value;
        if (action?.['/S'] === '/GoTo') destinations.add(String(action['/D']));
      }
    }
    expect(destinations.size).toBe(allHeadings().length);
  });

  it('makes every URL of the content it prints clickable', () => {
    const targets = linkTargets(json);
    const urls = new Set<string>();
    for (const file of readdirSync('content', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'))) {
      for (const match of readFileSync(path.join('content', file), 'utf8').matchAll(/https?:\/\/[^\s)>"\]]+/g)) urls.add(match[0]);
    }
    expect(urls.size).toBeGreaterThan(50);
    expect([...urls].filter((u) => !targets.has(u))).toEqual([]);
  });

  it('embeds every font', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('passes qpdf --check', () => {
    const { code, output } = qpdfCheck(file);
    expect(output).toContain('No syntax or stream encoding errors found');
    expect(output).not.toMatch(/warning/i);
    expect(code).toBe(0);
  });

  it('gives the same bytes for the same input, dated by SOURCE_DATE_EPOCH or else the guide', () => {
    expect(Buffer.compare(readFileSync(file), readFileSync(again))).toBe(0);
    expect(pdfInfo(file)['CreationDate']).toMatch(/2026/);
    expect(pdfInfo(undated)['CreationDate']).toMatch(new RegExp(guide.meta.date.slice(0, 4)));
    expect(pdfInfo(undated)['ModDate']).toBe(pdfInfo(undated)['CreationDate']);
  });

  it('heads each page with its chapter or area and numbers it "page x of y"', () => {
    const h = headings();
    const firstLine = (page: string) => flat(page.split('\n').find((line) => line.trim() !== '') ?? '');
    const pageOf = (text: string) => pages.findIndex((p, i) => i > 2 && squash(p).includes(squash(text)));
    // 2.x.2 starts a page of its own, inside area 2.x.
    const practice = pageOf(h.practices[1]!.text);
    expect(firstLine(pages[practice]!)).toBe(flat(h.areas.find((a) => a.id === h.practices[1]!.area)!.text));
    const topic = pageOf(h.topics[1]!);
    expect(firstLine(pages[topic]!)).toBe(flat(h.chapters.find((c) => c.id === 'transversal')!.text));
    pages.forEach((page, i) => {
      if (i > 0) expect(page).toContain(`page ${i + 1} of ${pages.length}`);
    });
  });

  it('has no blank page', () => {
    pages.forEach((page, i) => {
      const body = page.split('\n').map(flat).filter((l) => l !== '' && !/^page \d+ of \d+$/.test(l));
      expect(body.length, `page ${i + 1} is blank`).toBeGreaterThan(2);
    });
  });

  it('leaves no heading or partner label alone at the bottom of a page', () => {
    const all = [...allHeadings(), ...guide.partners.map((p) => p.name)].map(flat);
    pages.forEach((page, i) => {
      const lines = page.split('\n').map(flat).filter((l) => l !== '' && !/^page \d+ of \d+$/.test(l));
      const last = lines.at(-1) ?? '';
      const orphan = last.length >= 8 && all.some((h) => h === last || h.startsWith(last) || h.endsWith(last));
      expect(orphan, `page ${i + 1} ends with "${last}"`).toBe(false);
    });
  });

  it('sets again the label of a practice-table row on each page the row runs onto', () => {
    // Read in reading order (not -layout, which interleaves the table's two columns).
    const plain = pdfText(file).split('\f');
    const continued = plain.flatMap((page, i) => {
      const at = page.indexOf('\n(continued)\n');
      if (at === -1) return [];
      // The label: the lines just above the note, back to the blank line before them.
      const above = page.slice(0, at).split('\n\n').at(-1)!;
      return [{ page: i, label: flat(above) }];
    });
    expect(continued.length).toBeGreaterThan(10);
    expect(continued.map((c) => c.label)).toContain('Examples (if any) from other partners');
    for (const { page, label } of continued) {
      expect(label.length, `page ${page + 1}: "(continued)" under no label`).toBeGreaterThan(3);
      // The row started on an earlier page, under the same label.
      expect(plain.slice(0, page).some((p) => flat(p).includes(label)), `page ${page + 1}: ${label}`).toBe(true);
    }
  });
});
