/**
 * The mdast → docx mapping on small inputs: what each handler writes, and the errors a
 * template mistake gets (an unknown node or directive is named, never silently dropped).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { Bookmark, Document, ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { listSectionBlocks } from '../../scripts/model/list-section.ts';
import type { Guide, Practice } from '../../scripts/model/schemas.ts';
import { normaliseDocx } from '../../scripts/render/docx/normalise-docx.ts';
import { readFrame } from '../../scripts/render/docx/read-frame.ts';
import { renderDocx } from '../../scripts/render/docx/render-docx.ts';
import { loadTheme, type Theme } from '../../scripts/render/theme.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { convertToPdf, docxPart, paragraphs } from './read-docx.ts';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
const parse = (markdown: string) => processor.runSync(processor.parse(markdown)) as Root;

let theme: Theme;
let guide: Guide;
beforeAll(async () => {
  theme = loadTheme('templates/theme.yaml');
  guide = (await loadGuide('content')).guide!;
}, 60_000);

const frame = () => readFrame(parse('## header\n\nHead\n\n## footer\n\nPage :page of :pages\n\n## title\n\nT\n\n## subject\n\nS\n\n## keywords\n\nk'));
const render = (body: Root) => renderDocx({ body, frame: frame(), theme, language: 'en-GB', creator: 'Tester', date: new Date('2025-12-01T00:00:00Z') });
const documentOf = async (markdown: string) => docxPart(await render(parse(markdown)), 'word/document.xml');

describe('docx mapping', () => {
  it('names an mdast node type it has no handler for', async () => {
    await expect(render(parse('![alt](https://example.org/i.png)'))).rejects.toThrow(/no handler for mdast node type "image"/);
  });

  it('names an unknown directive and lists the known ones', async () => {
    await expect(render(parse('::nope{a="b"}'))).rejects.toThrow(/unknown directive "::nope".*known: cover, toc/);
    await expect(render(parse('Text :nope here'))).rejects.toThrow(/unknown directive ":nope"/);
  });

  it('gives every list its own numbering instance, so each numbers from 1', async () => {
    const paras = paragraphs(await documentOf('1. a\n2. b\n\nBetween.\n\n1. c\n   1. nested\n2. d\n'));
    const ids = (text: string) => paras.find((p) => p.text === text)?.numId;
    expect(ids('a')).toBe(ids('b'));
    expect(ids('c')).toBe(ids('d'));
    expect(ids('c')).not.toBe(ids('a'));
    expect(ids('nested')).not.toBe(ids('c'));
    expect(paras.find((p) => p.text === 'Between.')?.numId).toBeUndefined();
  });

  it('numbers a list from the number it is written from, also as Word and LibreOffice read it', async () => {
    const docx = await render(parse('1. one\n\nBetween.\n\n3. three\n4. four\n\n   7. seven\n'));
    const dir = mkdtempSync(path.join(tmpdir(), 'netpes-start-'));
    writeFileSync(path.join(dir, 'start.docx'), docx);
    const text = execFileSync('pdftotext', ['-layout', path.join(convertToPdf([path.join(dir, 'start.docx')]), 'start.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toMatch(/1\.\s+one/);
    expect(text).toMatch(/3\.\s+three/);
    expect(text).toMatch(/4\.\s+four/);
    expect(text).toMatch(/g\.\s+seven/); // level 2 counts in letters: the 7th is g
  }, 120_000);

  it('maps headings to Heading styles, links to hyperlinks, and the cover out of the outline', async () => {
    const xml = await documentOf(':::cover\n# Big title\n\n## Sub\n:::\n\n# One\n\n## Two\n\n### Three\n\n#### Four\n\nSee [the site](https://example.org/a?b=1&c=2).\n');
    const styleOf = (text: string) => paragraphs(xml).find((p) => p.text === text)?.style;
    expect([styleOf('Big title'), styleOf('Sub'), styleOf('One'), styleOf('Two'), styleOf('Three'), styleOf('Four')])
      .toEqual(['Title', 'Subtitle', 'Heading1', 'Heading2', 'Heading3', 'Heading4']);
    expect(xml).toMatch(/<w:hyperlink w:history="1" r:id="rId\d+"><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">the site<\/w:t>/);
    // The cover's page break is taken by the next paragraph, not an empty one.
    expect(xml).toMatch(/<w:pageBreakBefore\/>.*?One/s);
  });

  it('pairs scenario n with tip n in a table when the practice is paired, else writes two lists', async () => {
    const paired = guide.practices.find((p) => p.paired)!;
    const unpaired = guide.practices.find((p) => !p.paired && p.scenarios.ordered && p.tips.ordered)!;
    // As a template renders it: the scenarios, a ::tips line, the tips.
    const directive = (practice: Practice | undefined, split = true) => {
      const tree = parse(`:::scenarios-tips{scenarios="SCEN" tips="TIPS"}\n${split ? '::tips\n' : ''}:::`);
      const container = tree.children[0] as ContainerDirective;
      if (practice) container.children = [...listSectionBlocks(practice.scenarios), ...container.children, ...listSectionBlocks(practice.tips)] as ContainerDirective['children'];
      return tree;
    };
    const xml = async (tree: Root) => docxPart(await render(tree), 'word/document.xml');
    const table = await xml(directive(paired));
    expect(table.match(/<w:tr>|<w:tr /g)).toHaveLength(paired.scenarios.items.length + 1);
    expect(table).toMatch(/SCEN.*TIPS.*>1\. <.*>1\. </s);
    const lists = paragraphs(await xml(directive(unpaired)));
    expect(lists.filter((p) => p.numId).length).toBe(unpaired.scenarios.items.length + unpaired.tips.items.length);
    expect(new Set(lists.filter((p) => p.numId).map((p) => p.numId)).size).toBe(2);
    await expect(render(directive(paired, false))).rejects.toThrow(/needs a `::tips` line/);
  });

  it('sets the language, the properties and page numbers in the footer', async () => {
    const bytes = await render(parse('# Hi'));
    expect(docxPart(bytes, 'word/styles.xml')).toContain('<w:lang w:val="en-GB"/>');
    const core = docxPart(bytes, 'docProps/core.xml');
    expect(core).toContain('<dc:title>T</dc:title>');
    expect(core).toContain('<dc:creator>Tester</dc:creator>');
    expect(core).toContain('2025-12-01T00:00:00Z');
    expect(docxPart(bytes, 'word/settings.xml')).toContain('<w:updateFields/>');
    const footers = ['word/footer1.xml', 'word/footer2.xml'].map((f) => docxPart(bytes, f)).join('');
    expect(footers).toMatch(/PAGE<\/w:instrText>.*NUMPAGES<\/w:instrText>/s);
  });

  it('writes the same bytes for the same input twice in one process', async () => {
    const markdown = '::toc{title="Contents"}\n\n# A\n\n[x](https://a.example/)\n\n## B\n\n[y](https://b.example/)\n';
    const [a, b] = [await render(parse(markdown)), await render(parse(markdown))];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('maps footnotes, quotes, strike-through, code, breaks, bands, small text, examples and QR links', async () => {
    const bytes = await render(parse([
      'Said[^n] ~~old~~ `code`  ',
      'next line',
      '',
      '> Quoted',
      '',
      '[^n]: The note.',
      '',
      ':::band{area="evidence"}',
      'In the band',
      ':::',
      '',
      ':::small',
      'Fine print',
      ':::',
      '',
      ':::example{label="Partner X" area="activation"}',
      'Their words',
      ':::',
      '',
      '::qr{url="https://example.org/v" caption="Video"}',
      '',
      '---',
    ].join('\n')));
    const xml = docxPart(bytes, 'word/document.xml');
    expect(docxPart(bytes, 'word/footnotes.xml')).toContain('The note.');
    expect(xml).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(xml).toMatch(/<w:strike\/>.*old/s);
    expect(xml).toMatch(/Consolas.*code/s);
    expect(xml).toMatch(/<w:br\/>.*next line/s);
    expect(xml).toMatch(new RegExp(`w:fill="${theme.areas['evidence']!.accent.slice(1).toUpperCase()}".*In the band`, 's'));
    expect(xml).toMatch(new RegExp(`<w:sz w:val="${theme.sizes.small * 2}"/>.*Fine print`, 's'));
    expect(xml).toMatch(new RegExp(`<w:color w:val="${theme.areas['activation']!.accent.slice(1).toUpperCase()}"/>.*Partner X`, 's'));
    expect(docxPart(bytes, 'word/_rels/document.xml.rels')).toContain('Target="https://example.org/v" TargetMode="External"');
    await expect(render(parse(':::band{area="nowhere"}\nx\n:::'))).rejects.toThrow(/unknown area "nowhere"/);
  });

  it('writes the same bytes from docx\'s compiled parts as from its zip read back', async () => {
    // A bookmark, a hyperlink and dates: what normaliseDocx renumbers and fixes.
    const make = () =>
      new Document({
        sections: [{ children: [new Paragraph({ children: [new Bookmark({ id: 'b', children: [new TextRun('Text')] }), new ExternalHyperlink({ link: 'https://example.org', children: [new TextRun('link')] })] })] }],
      });
    const date = new Date('2025-12-01T00:00:00Z');
    const { compiler } = Packer as unknown as { compiler: { compile(file: Document): Map<string, string | Uint8Array> } };
    const fromParts = normaliseDocx(compiler.compile(make()), date);
    const fromZip = normaliseDocx(await Packer.toBuffer(make()), date);
    expect(Buffer.from(fromParts).equals(Buffer.from(fromZip))).toBe(true);
  });

  it('zips the parts in Word\'s order, each deflated, readable back', () => {
    const parts = new Map<string, string>([
      ['word/document.xml', `<w:document>${'<w:p>Text</w:p>'.repeat(200)}</w:document>`],
      ['_rels/.rels', '<Relationships/>'],
      ['[Content_Types].xml', '<Types/>'],
      ['docProps/app.xml', '<Properties/>'],
    ]);
    const zipped = normaliseDocx(parts, new Date('2025-12-01T00:00:00Z'));
    const entries: Array<{ name: string; compression: number; size: number; originalSize: number }> = [];
    const read = unzipSync(zipped, { filter: (file) => (entries.push(file), true) });
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'word/document.xml']);
    expect(entries.every((e) => e.compression === 8)).toBe(true);
    const document = entries.find((e) => e.name === 'word/document.xml')!;
    expect(document.size).toBeLessThan(document.originalSize / 10);
    expect(strFromU8(read['word/document.xml']!)).toBe(parts.get('word/document.xml'));
  });

  it('rejects a frame part it does not know', () => {
    expect(() => readFrame(parse('## heading\n\nx'))).toThrow(/unknown part "## heading"/);
  });
});
