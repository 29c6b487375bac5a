/** The build's feedback: a progress line on a terminal and a closing summary. */
import type { BuildReport } from '../build/build-all.ts';

export function progressLine(done: number, total: number, started: number): string {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `\r\u001b[Krendering ${done}/${total} (${seconds} s)`;
}

export function formatSummary(report: BuildReport, outDir: string, ms: number): string {
  const rendered = report.files.filter((f) => f.rendered);
  const pages = report.files.reduce((sum, f) => sum + (f.pages ?? 0), 0);
  const bytes = rendered.reduce((sum, f) => sum + f.bytes, 0);
  const lines = [
    `${report.files.length} file(s) in ${outDir}/: ${rendered.length} rendered, ${report.files.length - rendered.length} unchanged; ` +
      `${pages} PDF page(s); ${(bytes / 1e6).toFixed(1)} MB written; ${report.warnings.length} warning(s); ${(ms / 1000).toFixed(2)} s`,
  ];
  return lines.join('\n');
}
