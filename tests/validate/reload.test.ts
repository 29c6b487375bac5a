/**
 * Watch mode loads the content again on every save. What it read before is kept by text
 * (frontmatter splits, parsed Markdown): an unchanged file is not parsed again, and an
 * edited one is, with its errors located as on a first load.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../scripts/load/frontmatter.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { materialise } from '../helpers/fixture.ts';

describe('loading again', () => {
  it('reuses what it read of unchanged files and reads edited ones anew', async () => {
    const content = materialise();
    const file = path.join(content, 'practices', 'activation', 'first-practice.md');
    const text = readFileSync(file, 'utf8');
    const first = await loadGuide(content);
    expect(first.guide).toBeDefined();
    const unchanged = readFileSync(path.join(content, 'guide.md'), 'utf8');
    expect(splitFrontmatter(unchanged)).toBe(splitFrontmatter(unchanged));

    writeFileSync(file, text.replace(/^order: .*$/m, 'order: first'));
    const broken = await loadGuide(content);
    expect(broken.guide).toBeUndefined();
    const [error] = broken.diagnostics.list;
    expect(path.resolve(error!.file)).toBe(file);
    expect(error?.line).toBe(text.split('\n').findIndex((l) => l.startsWith('order:')) + 1);

    writeFileSync(file, text.replace('Started in 2022', 'Started in 2023'));
    const edited = await loadGuide(content);
    const practice = edited.guide!.practices.find((p) => p.id === 'first-practice')!;
    expect(JSON.stringify(practice)).toContain('Started in 2023');
    expect(JSON.stringify(first.guide!.practices.find((p) => p.id === 'first-practice'))).toContain('Started in 2022');
  });
});
