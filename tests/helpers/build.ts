/** Builds a content folder in-process (validation + buildAll), as `netpes build` does. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAll, type BuildOptions, type BuildReport } from '../../scripts/build/build-all.ts';
import { loadGuide } from '../../scripts/validate/load-guide.ts';
import { materialise } from './fixture.ts';

export async function buildContent(content: string, options: Partial<BuildOptions> & { out: string }): Promise<BuildReport> {
  const { guide, diagnostics } = await loadGuide(content);
  if (!guide) throw new Error(`fixture does not validate:\n${diagnostics.list.map((d) => d.message).join('\n')}`);
  return buildAll(guide, { only: [], jobs: 1, ...options });
}

export const renderedPaths = (report: BuildReport) =>
  report.files
    .filter((f) => f.rendered)
    .map((f) => f.path)
    .sort();

/** Every file under a folder (except the build cache) with its bytes, for byte-for-byte comparisons. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !path.join(e.parentPath, e.name).includes(`${path.sep}.cache${path.sep}`))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  return new Map(files.map((f) => [f, readFileSync(path.join(dir, f))]));
}

/**
 * The valid fixture with some files edited (`edits`: path under content/ → new text from
 * old), built in-process to a temporary out/; `remove` deletes both folders.
 */
export async function buildEditedFixture(edits: Record<string, (text: string) => string>): Promise<{ content: string; out: string; remove(): void }> {
  const content = materialise();
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(content, file);
    writeFileSync(target, edit(readFileSync(target, 'utf8')));
  }
  const out = mkdtempSync(path.join(tmpdir(), 'netpes-out-'));
  await buildContent(content, { out });
  return {
    content,
    out,
    remove: () => {
      rmSync(path.dirname(content), { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    },
  };
}
