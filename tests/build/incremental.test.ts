/**
 * The build's dependency tracking and cache on the small fixture: an unchanged build renders
 * nothing; an edit re-renders exactly the deliverables that use the edited file; parallel,
 * serial, cached and fresh builds give the same bytes.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { materialise } from '../helpers/fixture.ts';
import { buildContent, renderedPaths, snapshot } from '../helpers/build.ts';

const tmp = (name: string) => mkdtempSync(path.join(tmpdir(), `netpes-${name}-`));
let content: string;
let out: string;
let all: string[];

function edit(rel: string, from: string, to: string): void {
  const file = path.join(content, rel);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

beforeAll(async () => {
  process.env['SOURCE_DATE_EPOCH'] = '1767225600';
  content = materialise();
  out = tmp('out');
  const first = await buildContent(content, { out });
  all = renderedPaths(first);
  expect(all).toContain('guide.pdf');
  expect(all).toContain('reports/alpha.docx');
});

afterEach(() => {
  delete process.env['NETPES_TEMPLATES'];
});

const planned = (paths: string[]) => paths.filter((p) => all.includes(p)).sort();

describe('incremental builds', () => {
  it('render nothing when nothing changed', async () => {
    expect(renderedPaths(await buildContent(content, { out }))).toEqual([]);
  });

  it('re-render the guide, the sheet and the reports that use an edited practice', async () => {
    // first-practice belongs to alpha and quotes an example from beta.
    edit('practices/activation/first-practice.md', 'Started in 2022', 'Started in 2021');
    const rendered = renderedPaths(await buildContent(content, { out }));
    expect(rendered).toEqual(
      planned(['guide.pdf', 'reports/alpha.docx', 'reports/beta.docx', 'sheets/first-practice.pdf', 'practice-sheets.pdf']),
    );
  });

  it('can defer the long layouts: the rest first, with the guide pages of its last build, then the guide', async () => {
    edit('practices/activation/first-practice.md', 'Started in 2021', 'Started in 2020');
    const early = renderedPaths(await buildContent(content, { out, defer: (o) => ['guide.pdf', 'practice-sheets.pdf'].includes(o.path) }));
    expect(early).toEqual(planned(['reports/alpha.docx', 'reports/beta.docx', 'sheets/first-practice.pdf']));
    // The guide's pages did not move: the sheet rendered early stays as it is.
    expect(renderedPaths(await buildContent(content, { out }))).toEqual(planned(['guide.pdf', 'practice-sheets.pdf']));
  });

  it('can render an output early, beside its needs, and again after them when their facts moved', async () => {
    const early = (o: { path: string }) => o.path === 'practice-sheets.pdf';
    const fresh = async () => {
      const dir = tmp('fresh');
      await buildContent(content, { out: dir });
      return snapshot(dir);
    };
    // The guide's pages stay: rendered once, early, as a build from scratch would.
    const practice = 'practices/activation/first-practice.md';
    edit(practice, /Started in \d+/.exec(readFileSync(path.join(content, practice), 'utf8'))![0], 'Started in 2019');
    expect(renderedPaths(await buildContent(content, { out, early }))).toContain('practice-sheets.pdf');
    let expected = await fresh();
    for (const [file, bytes] of snapshot(out)) expect(bytes.equals(expected.get(file)!), file).toBe(true);
    // A longer first practice moves the later ones: the sheets cite other guide pages now.
    const pages = () => JSON.stringify(JSON.parse(readFileSync(path.join(out, '.cache', 'build.json'), 'utf8')).outputs['guide.pdf'].facts);
    const before = pages();
    edit(practice, 'Started in 2019', `Started in 2019. ${'It grew from one office to many. '.repeat(400)}`);
    await buildContent(content, { out, early });
    expect(pages()).not.toBe(before);
    expected = await fresh();
    for (const [file, bytes] of snapshot(out)) expect(bytes.equals(expected.get(file)!), file).toBe(true);
  });

  it('re-render what depends on a partner file', async () => {
    edit('partners/beta.md', 'region: Helsinki', 'region: Uusimaa');
    const rendered = renderedPaths(await buildContent(content, { out }));
    expect(rendered).toContain('guide.pdf');
    expect(rendered).toContain('reports/beta.docx');
  });

  it('re-render only the reports when a report template changes', async () => {
    const templates = tmp('templates');
    cpSync('templates', templates, { recursive: true });
    const report = path.join(templates, 'reports', 'report.md.hbs');
    writeFileSync(report, `${readFileSync(report, 'utf8')}\nEdited by a test.\n`);
    process.env['NETPES_TEMPLATES'] = templates;
    await buildContent(content, { out }); // the first build with these templates: theme and others unchanged
    writeFileSync(report, `${readFileSync(report, 'utf8')}\nEdited again.\n`);
    expect(renderedPaths(await buildContent(content, { out }))).toEqual(all.filter((p) => p.startsWith('reports/')));
  });

  it('fail as a whole when a report fails on its worker, leaving out/ as it was', async () => {
    const templates = tmp('templates');
    cpSync('templates', templates, { recursive: true });
    const report = path.join(templates, 'reports', 'report.md.hbs');
    writeFileSync(report, `${readFileSync(report, 'utf8')}\n{{notAField}}\n`);
    process.env['NETPES_TEMPLATES'] = templates;
    const before = snapshot(out);
    // A partner edit makes the guide and the reports stale: the reports render on the worker.
    edit('partners/beta.md', 'region: Uusimaa', 'region: Helsinki');
    await expect(buildContent(content, { out, jobs: 2 })).rejects.toThrow(/"notAField" not defined/);
    const after = snapshot(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, bytes] of before) expect(bytes.equals(after.get(file)!), file).toBe(true);
    edit('partners/beta.md', 'region: Helsinki', 'region: Uusimaa');
  });

  it('re-render everything when the theme changes', async () => {
    const templates = tmp('templates');
    cpSync('templates', templates, { recursive: true });
    const theme = path.join(templates, 'theme.yaml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace('text: "#1f2328"', 'text: "#111111"'));
    process.env['NETPES_TEMPLATES'] = templates;
    expect(renderedPaths(await buildContent(content, { out }))).toEqual(all);
  });
});

describe('reproducible builds', () => {
  it('give identical bytes serial, parallel, fresh and cached', async () => {
    const serial = tmp('serial');
    await buildContent(content, { out: serial, jobs: 1 });
    const a = snapshot(serial);
    // 2: the reports on a worker, the PDFs here; 3: a pool of workers renders everything.
    for (const jobs of [2, 3]) {
      const parallel = tmp(`parallel-${jobs}`);
      await buildContent(content, { out: parallel, jobs });
      const b = snapshot(parallel);
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), `${file} with ${jobs} jobs`).toBe(true);
    }
    // A cached rebuild leaves every byte, manifest included, as it was.
    await buildContent(content, { out: serial, jobs: 2 });
    for (const [file, bytes] of snapshot(serial)) expect(bytes.equals(a.get(file)!), file).toBe(true);
  });
});
