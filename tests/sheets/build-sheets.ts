/** Builds the sheets with the real command and gives tests what they read back. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { RenderContext } from '../../scripts/deliverables/deliverable.ts';
import type { Guide } from '../../scripts/model/schemas.ts';
import { loadTemplateSet } from '../../scripts/render/template/load-template-set.ts';
import { loadTheme } from '../../scripts/render/theme.ts';
import { runCli } from '../helpers/run-cli.ts';

export interface SheetsBuild {
  out: string;
  /** Warning lines the build printed ("file: warning: …"). */
  warnings: string[];
  /** Facts each output published (out/.cache/build.json). */
  facts: Record<string, Record<string, unknown>>;
}

export function buildSheets(content = 'content'): SheetsBuild {
  const out = mkdtempSync(path.join(tmpdir(), 'netpes-sheets-'));
  const run = runCli(['build', '--only', 'sheets', '--content', content, '--out', out]);
  if (run.code !== 0) throw new Error(`build failed (${run.code}):\n${run.stderr}`);
  const cache = JSON.parse(readFileSync(path.join(out, '.cache', 'build.json'), 'utf8')) as { outputs: Record<string, { facts?: Record<string, unknown> }> };
  const facts = Object.fromEntries(Object.entries(cache.outputs).map(([file, entry]) => [file, entry.facts ?? {}]));
  return { out, warnings: run.stderr.split('\n').filter((line) => line.includes(': warning: ')), facts };
}

/** A render context like the build's, with the guide's published facts of `build`. */
export function renderContext(guide: Guide, build: SheetsBuild): RenderContext {
  return {
    guide,
    theme: loadTheme('templates/theme.yaml'),
    templates: loadTemplateSet('templates'),
    date: new Date('2025-01-01T00:00:00Z'),
    warn: () => {},
    facts: { 'guide.pdf': build.facts['guide.pdf'] },
    publish: () => {},
  };
}

/** Every node of a document definition's content and its footer on page 1. */
export function definitionNodes(definition: TDocumentDefinitions): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const seen = new Set<unknown>();
  // Note: once laid out, pdfmake has added its own bookkeeping (`_…`, `nodeInfo`), with cycles.
  const walk = (value: unknown): void => {
    if (seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      found.push(value as Record<string, unknown>);
      for (const [key, child] of Object.entries(value)) if (!key.startsWith('_') && !['layout', 'positions', 'nodeInfo'].includes(key)) walk(child);
    }
  };
  walk(definition.content);
  const footer = definition.footer;
  walk(typeof footer === 'function' ? footer(1, 1, { width: 595.28, height: 841.89, orientation: 'portrait' }) : (footer as Content | undefined));
  return found;
}
