/**
 * Reading built reports back for tests: build them with the real command, open them in
 * LibreOffice (headless, to PDF) and read the PDF text with pdftotext; or unzip a part.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { pdfInfo } from '../helpers/read-pdf.ts';
import { runCli } from '../helpers/run-cli.ts';

/** Builds the eight reports into a fresh folder; returns the folder of the .docx files. */
export function buildReports(env: Record<string, string> = {}): string {
  const out = mkdtempSync(path.join(tmpdir(), 'netpes-reports-'));
  const run = runCli(['build', '--only', 'reports', '--out', out], env);
  if (run.code !== 0) throw new Error(`build failed (exit ${run.code}):\n${run.stderr}`);
  return path.join(out, 'reports');
}

/** Converts all files in one soffice call (it starts once); returns the PDF folder. Throws when LibreOffice fails. */
export function convertToPdf(files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'netpes-pdf-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'lo-profile-'));
  const run = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (run.error || run.status !== 0) throw new Error(`LibreOffice failed: ${run.error?.message ?? run.stderr}`);
  return dir;
}

export function pageCount(pdf: string): number {
  return Number(pdfInfo(pdf)['Pages']);
}

/**
 * The body text of a PDF, for containment checks: running heads and feet dropped (first and
 * last line of each page after the cover, so a paragraph across pages reads on), squashed.
 */
export function bodyText(pdf: string): string {
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
  const body = pages.map((page, i) => {
    const lines = page.split('\n').filter((l) => l.trim() !== '');
    return i === 0 ? lines : lines.slice(1, -1);
  });
  return squash(body.flat().join('\n'));
}

/**
 * Text reduced for comparison with the model: ligatures unfolded (NFKC), whitespace and
 * hyphens removed, as line breaks fall where the layout puts them and pdftotext drops a
 * hyphen that ends a line ("long-term" may come out as "longterm").
 */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u002d\u00ad\u2010\u2011]+/g, '');
}

/** One part of a .docx (a file path or its bytes) as text, e.g. `word/document.xml`. */
export function docxPart(docx: string | Uint8Array, part: string): string {
  const zip = typeof docx === 'string' ? readFileSync(docx) : docx;
  const bytes = unzipSync(zip, { filter: (f) => f.name === part })[part];
  if (!bytes) throw new Error(`the document has no part ${part}`);
  return strFromU8(bytes);
}

/** The document's paragraphs in order: style id, numbering id and plain text. */
export function paragraphs(documentXml: string): Array<{ style: string | undefined; numId: string | undefined; text: string }> {
  return [...documentXml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1],
    numId: /<w:numId w:val="(\d+)"/.exec(p)?.[1],
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(''),
  }));
}

function decode(xml: string): string {
  return xml.replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}
