/**
 * The practice sheets of the real content, built by the real command and read back with
 * pdfinfo, pdftotext and qpdf: one page each, the combined PDF in guide order with one
 * bookmark per sheet, the QR code's target, and the guide page each sheet cites.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitSheet, type SheetFit } from '../../scripts/deliverables/sheets/fit-sheet.ts';
import { sheetSubjectFor } from '../../scripts/deliverables/sheets/sheet-context.ts';
import type { Guide, Practice } from '../../scripts/model/schemas.ts';
import { loadRealGuide } from '../helpers/real-guide.ts';
import { flat, linkTargets, pdfInfo, pdfText, qpdfJson } from '../helpers/read-pdf.ts';
import { buildSheets, definitionNodes, renderContext, type SheetsBuild } from './build-sheets.ts';

let guide: Guide;
let build: SheetsBuild;
const sheet = (id: string) => path.join(build.out, 'sheets', `${id}.pdf`);
const text = (id: string) => flat(pdfText(sheet(id)));
const byId = (id: string): Practice => guide.practices.find((p) => p.id === id)!;

beforeAll(async () => {
  ({ guide } = await loadRealGuide());
  build = buildSheets();
});

describe('out/sheets/<practice-id>.pdf', () => {
  it('has one PDF per practice, each exactly one page', () => {
    const files = readdirSync(path.join(build.out, 'sheets')).sort();
    expect(files).toEqual(guide.practices.map((p) => `${p.id}.pdf`).sort());
    expect(files).toHaveLength(32);
    for (const file of files) expect(pdfInfo(path.join(build.out, 'sheets', file))['Pages'], file).toBe('1');
  });

  it('reads back with the area band, the name, partner and country, and every part', () => {
    const p = byId('bifurcators');
    const t = text('bifurcators');
    for (const expected of ['Benchlearning area 1', 'Sustainable activation and management of transitions', p.name, 'France Travail Auvergne-Rhône-Alpes', 'France']) {
      expect(t).toContain(expected);
    }
    for (const part of ['Description', 'Context in brief', 'Key success factors', 'Results', 'Top recommendations']) expect(t).toContain(part);
    expect(t).toContain('So far, 240 jobseekers have taken part');
  });

  it('cites the guide page where the practice starts, as the guide laid it out', () => {
    const guidePdf = path.join(build.out, 'guide.pdf');
    for (const p of guide.practices) {
      const cited = /section (\d+\.\d+\.\d+), p\. (\d+)/.exec(text(p.id));
      expect(cited?.[1], p.id).toBe(p.number);
      const page = flat(pdfText(guidePdf, { first: Number(cited![2]), last: Number(cited![2]) }));
      expect(page, `${p.id}: guide p. ${cited![2]}`).toContain(`${p.number}. ${(p.title ?? p.name).toLocaleUpperCase('en')}`);
    }
  });

  it('links the more-information URL, or the partner website when the practice has none', () => {
    const withUrl = byId('bifurcators');
    const without = guide.practices.find((p) => !p.moreInfoUrl)!;
    expect(linkTargets(qpdfJson(sheet(withUrl.id)))).toContain(withUrl.moreInfoUrl);
    // The link beside the QR code (the description may link the same URL): printed without its scheme.
    expect(text(withUrl.id)).toContain(`More information ${withUrl.moreInfoUrl!.replace(/^https:\/\//, '').slice(0, 30)}`);
    const website = guide.partners.find((p) => p.id === without.partner)!.website;
    expect(linkTargets(qpdfJson(sheet(without.id)))).toContain(website);
    expect(text(without.id)).toContain(`${guide.partners.find((p) => p.id === without.partner)!.name} website`);
  });

  it('marks every shortened part on the sheet and warns about each shortened sheet, naming its file and cut', () => {
    const shortened = guide.practices.filter((p) => /full text in the guide, p\. \d+/.test(text(p.id)));
    const warned = build.warnings.map((w) => w.split(': warning: ')[0]);
    expect(warned.sort()).toEqual(shortened.map((p) => p.file).sort());
    for (const w of build.warnings) expect(w).toMatch(/: warning: the sheet sheets\/[a-z0-9-]+\.pdf was shortened to fit one page \(at [\d.]+ pt\): (context|recommendations|keySuccessFactors|results|description): /);
  });

  it('shrinks the type before it cuts, and lays each sheet out only a few times', () => {
    const fits = guide.practices.map((p) => build.facts[`sheets/${p.id}.pdf`]?.['sheetFit'] as SheetFit);
    for (const fit of fits) {
      expect(fit.layouts, fit.practice).toBeLessThanOrEqual(4);
      if (fit.cuts.length > 0) expect(fit.fontSize, fit.practice).toBe(8);
    }
    expect(fits.reduce((sum, f) => sum + f.layouts, 0)).toBeLessThanOrEqual(32 * 2.5);
    expect(new Set(fits.map((f) => f.fontSize)).size).toBeGreaterThan(1);
  });
});

describe('the document definition handed to pdfmake', () => {
  it('has a QR code of the more-information URL, and figures in the results set in bold', async () => {
    const ctx = renderContext(guide, build);
    const { result } = await fitSheet(ctx, sheetSubjectFor(ctx, 'bifurcators'));
    const nodes = definitionNodes(result.definition);
    expect(nodes.filter((n) => 'qr' in n).map((n) => n['qr'])).toEqual([byId('bifurcators').moreInfoUrl]);
    expect(nodes.some((n) => n['text'] === '240' && n['bold'] === true)).toBe(true);
  });

  it('has a QR code of the partner website for a practice without a more-information URL', async () => {
    const ctx = renderContext(guide, build);
    const without = guide.practices.find((p) => !p.moreInfoUrl)!;
    const { result } = await fitSheet(ctx, sheetSubjectFor(ctx, without.id));
    const qr = definitionNodes(result.definition).filter((n) => 'qr' in n).map((n) => n['qr']);
    expect(qr).toEqual([guide.partners.find((p) => p.id === without.partner)!.website]);
  });
});

describe('out/practice-sheets.pdf', () => {
  it('has the 32 sheets in guide order, one page and one bookmark each', () => {
    const file = path.join(build.out, 'practice-sheets.pdf');
    const order = guide.practices;
    expect(order.map((p) => p.number)).toEqual(guide.practices.map((p) => p.number).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(pdfInfo(file)['Pages']).toBe('32');
    const outlines = qpdfJson(file).outlines;
    expect(outlines.map((o) => o.title)).toEqual(order.map((p) => p.name));
    expect(outlines.map((o) => o.destpageposfrom1)).toEqual(order.map((_, i) => i + 1));
    expect(outlines.every((o) => o.kids.length === 0)).toBe(true);
    order.forEach((p, i) => expect(flat(pdfText(file, { first: i + 1, last: i + 1 })), p.id).toBe(text(p.id)));
  });
});
