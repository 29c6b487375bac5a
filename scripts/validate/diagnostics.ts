/**
 * Problems found in content, kept as data (file, position, severity, message, hint) so the
 * CLI can print them all at once, tests can assert them exactly, and `--json` can emit them.
 */

export type Severity = 'error' | 'warning';

export interface Position {
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the file. */
  column: number;
}

export interface Diagnostic extends Position {
  /** Path of the offending file, relative to the working directory. */
  file: string;
  severity: Severity;
  /** What is wrong, naming the bad value and what is allowed. */
  message: string;
  /** How to fix it, when the message alone does not say. */
  hint?: string;
}

export class Diagnostics {
  readonly list: Diagnostic[] = [];

  error(file: string, at: Position | undefined, message: string, hint?: string): void {
    this.add('error', file, at, message, hint);
  }

  warning(file: string, at: Position | undefined, message: string, hint?: string): void {
    this.add('warning', file, at, message, hint);
  }

  get errorCount(): number {
    return this.list.filter((d) => d.severity === 'error').length;
  }

  get warningCount(): number {
    return this.list.filter((d) => d.severity === 'warning').length;
  }

  /** Sorted by file then position, so output is stable whatever order the checks ran in. */
  sorted(): Diagnostic[] {
    return [...this.list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  }

  private add(severity: Severity, file: string, at: Position | undefined, message: string, hint?: string): void {
    const { line, column } = at ?? { line: 1, column: 1 };
    this.list.push({ file, line, column, severity, message, ...(hint ? { hint } : {}) });
  }
}

export function formatDiagnostic(d: Diagnostic, color = false): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const label = d.severity === 'error' ? paint('31;1', 'error') : paint('33;1', 'warning');
  const head = `${paint('1', `${d.file}:${d.line}:${d.column}`)} ${label}: ${d.message}`;
  return d.hint ? `${head}\n  ${paint('2', `hint: ${d.hint}`)}` : head;
}
