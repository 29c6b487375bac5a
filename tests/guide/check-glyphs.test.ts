/** A character the PDF fonts cannot draw is a located error, not a blank box in the guide. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../scripts/load/load-content.ts';
import { checkGlyphs } from '../../scripts/validate/check-glyphs.ts';
import { Diagnostics } from '../../scripts/validate/diagnostics.ts';
import { materialise } from '../helpers/fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

async function check(edit?: (content: string) => void) {
  const root = mkdtempSync(path.join(tmpdir(), 'netpes-glyphs-'));
  const content = path.join(root, 'content');
  cpSync('content', content, { recursive: true });
  edit?.(content);
  const d = new Diagnostics();
  const entries = (await loadContent(path.relative(process.cwd(), content), d))!;
  const before = d.list.length;
  checkGlyphs(entries, d);
  return { found: d.list.slice(before), content };
}

function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`"${from}" is not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

describe('checkGlyphs', () => {
  it('accepts the real content: accents, typographic quotes and dashes are all in Roboto', async () => {
    const { found } = await check();
    expect(found).toEqual([]);
  });

  it('names file, line, column and code point of each character the fonts lack', async () => {
    const { found, content } = await check((dir) => {
      const practice = path.join(dir, 'practices/activation/bifurcators.md');
      replaceIn(practice, 'name: "The Bifurcators"', 'name: "The ✓ Bifurcators"');
      replaceIn(practice, 'Phase 3 evaluated', 'Phase 3 ☃ evaluated');
    });
    const file = path.relative(process.cwd(), path.join(content, 'practices/activation/bifurcators.md'));
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('☃')) + 1;
    expect(found.map((d) => [d.file, d.line, d.column, d.severity])).toEqual([
      [file, 3, 12, 'error'],
      [file, line, lines[line - 1]!.indexOf('☃') + 1, 'error'],
    ]);
    expect(found[0]!.message).toContain('U+2713');
    expect(found[1]!.message).toContain('U+2603');
  });

  it('keeps the fonts’ drawable characters in the run cache, and reads them from there', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'netpes-cache-'));
    const content = materialise();
    const run = () => runCli(['check', '--content', content], { NETPES_CACHE_DIR: cache });
    expect(run().code).toBe(0);
    const [file] = readdirSync(path.join(cache, 'glyphs')).map((f) => path.join(cache, 'glyphs', f));
    const drawable = JSON.parse(readFileSync(file!, 'utf8')) as number[];
    expect(drawable).toContain('é'.codePointAt(0));
    // A cached set without "F": the fixture's "Fixture Guide" now has a character the fonts lack.
    writeFileSync(file!, JSON.stringify(drawable.filter((cp) => cp !== 0x46)));
    const tampered = run();
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/U\+0046/);
  });
});
