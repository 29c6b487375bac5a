/** Test fixtures: the small valid guide, optionally with a case's files laid over it. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve('tests/fixtures');
export const VALID = path.join(FIXTURES, 'valid', 'content');

/** Copies the valid fixture to a temporary folder, applies `case` (files/ overlay, remove.txt), returns its content dir. */
export function materialise(caseDir?: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'netpes-fixture-'));
  const content = path.join(root, 'content');
  cpSync(VALID, content, { recursive: true });
  if (caseDir) {
    const remove = path.join(caseDir, 'remove.txt');
    if (existsSync(remove)) {
      for (const rel of readFileSync(remove, 'utf8').split('\n').filter(Boolean)) rmSync(path.join(content, rel));
    }
    const files = path.join(caseDir, 'files');
    if (existsSync(files)) cpSync(files, content, { recursive: true });
  }
  return content;
}

/** Rewrites the printed paths of a temporary content dir to `content/…`, for stable expectations. */
export function normalisePaths(text: string, content: string): string {
  const shown = path.relative(process.cwd(), content);
  return text.split(shown).join('content');
}
