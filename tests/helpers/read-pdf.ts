/** Reads a PDF back with poppler-utils and qpdf, as a reader's tools would see it. */
import { execFileSync, spawnSync } from 'node:child_process';

export function pdfText(file: string, options: { layout?: boolean; first?: number; last?: number } = {}): string {
  const args = [...(options.layout ? ['-layout'] : []), ...(options.first ? ['-f', String(options.first)] : []), ...(options.last ? ['-l', String(options.last)] : [])];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** The text of each page (pdftotext separates pages with a form feed). */
export function pdfPages(file: string): string[] {
  return pdfText(file, { layout: true }).split('\f').slice(0, -1);
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((line) => {
    const i = line.indexOf(':');
    return [line.slice(0, i).trim(), line.slice(i + 1).trim()];
  }));
}

export interface FontRow {
  name: string;
  embedded: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  // Columns: name type encoding emb sub uni object ID; the type may contain a space.
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/);
    return { name: cells[0]!, embedded: cells.at(-5) === 'yes' };
  });
}

export function qpdfCheck(file: string): { code: number | null; output: string } {
  const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** qpdf's JSON view (objects, outlines, pages). */
export function qpdfJson(file: string): QpdfJson {
  return JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 256 << 20 })) as QpdfJson;
}

export interface QpdfJson {
  outlines: Outline[];
  pages: Array<{ object: string }>;
  qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
}

export interface Outline {
  title: string;
  destpageposfrom1: number;
  kids: Outline[];
}

/** Every `/URI` of a link annotation, without qpdf's `u:` prefix. */
export function linkTargets(json: QpdfJson): Set<string> {
  const uris = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === '/URI' && typeof item === 'string') uris.add(item.replace(/^u:/, ''));
        else walk(item);
      }
    }
  };
  walk(json.qpdf[1]);
  return uris;
}

/** The document catalog (the trailer's /Root). */
export function catalog(json: QpdfJson): Record<string, unknown> {
  const objects = json.qpdf[1];
  const root = objects['trailer']?.value?.['/Root'] as string;
  return objects[`obj:${root}`]?.value ?? {};
}

/** Collapses runs of whitespace, so text that wrapped across lines still matches. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Drops all whitespace: a heading that wrapped at a hyphen ("RHÔNE-\nALPES") still matches. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
