/**
 * Writes a content set ten times the real guide (80 partners, 320 practices) for the
 * benchmark: each partner and practice copied ten times under suffixed ids, examples and
 * strengths pointing at the copies of the same group, counts adjusted.
 * Usage: tsx scripts/bench/make-synthetic-content.ts [SOURCE=content] [TARGET=.tmp/content-10x] [TIMES=10]
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function makeSyntheticContent(source: string, target: string, times = 10): void {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const dir of ['areas', 'chapters', 'glossary']) cpSync(path.join(source, dir), path.join(target, dir), { recursive: true });
  const partnerIds = readdirSync(path.join(source, 'partners')).map((f) => f.slice(0, -3));
  const suffix = (id: string, k: number) => (k === 0 ? id : `${id}-x${k}`);
  const renameHeadings = (text: string, k: number) =>
    text.replace(/^### ([a-z-]+)$/gm, (line, id: string) => (partnerIds.includes(id) ? `### ${suffix(id, k)}` : line));

  for (let k = 0; k < times; k++) {
    for (const id of partnerIds) {
      const text = readFileSync(path.join(source, 'partners', `${id}.md`), 'utf8')
        .replace(/^id: .*$/m, `id: ${suffix(id, k)}`)
        .replace(/^order: (\d+)$/m, (_, n: string) => `order: ${Number(n) + k * partnerIds.length}`)
        .replace(/^name: (.*)$/m, (_, name: string) => `name: ${k === 0 ? name : `${name} ${k + 1}`}`);
      write(path.join(target, 'partners', `${suffix(id, k)}.md`), text);
    }
    for (const area of readdirSync(path.join(source, 'practices'))) {
      for (const file of readdirSync(path.join(source, 'practices', area))) {
        const id = file.slice(0, -3);
        let text = readFileSync(path.join(source, 'practices', area, file), 'utf8')
          .replace(/^id: .*$/m, `id: ${suffix(id, k)}`)
          .replace(/^partner: (.*)$/m, (_, p: string) => `partner: ${suffix(p, k)}`)
          .replace(/^order: (\d+)$/m, (_, n: string) => `order: ${Number(n) + k * 8}`);
        text = renameHeadings(text, k);
        write(path.join(target, 'practices', area, `${suffix(id, k)}.md`), text);
      }
    }
  }
  for (const file of readdirSync(path.join(source, 'transversal'))) {
    const text = readFileSync(path.join(source, 'transversal', file), 'utf8');
    const [head, strengths, tail] = splitSection(text, '## Specific strengths', '## Common areas for improvement');
    const copies = Array.from({ length: times }, (_, k) => renameHeadings(strengths, k)).join('\n');
    write(path.join(target, 'transversal', file), `${head}${copies}\n${tail}`);
  }
  const guide = readFileSync(path.join(source, 'guide.md'), 'utf8')
    .replace(/^ {2}partners: \d+$/m, `  partners: ${partnerIds.length * times}`)
    .replace(/^ {2}practicesPerArea: \d+$/m, `  practicesPerArea: ${8 * times}`);
  write(path.join(target, 'guide.md'), guide);
}

function splitSection(text: string, start: string, end: string): [string, string, string] {
  const a = text.indexOf(start) + start.length;
  const b = text.indexOf(end);
  return [text.slice(0, a), text.slice(a, b), text.slice(b)];
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [source = 'content', target = '.tmp/content-10x', times = '10'] = process.argv.slice(2);
  makeSyntheticContent(source, target, Number(times));
  process.stderr.write(`wrote ${target}\n`);
}
