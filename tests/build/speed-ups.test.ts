/**
 * The PDF speed-ups (one parsed font, one shape and one scaled shape per word for the
 * process, shapes and parsed template skeletons kept on disk between runs, QR codes encoded
 * once, pages drawn only for a document that is written, text measures reused across layout
 * passes, style lookups once per text and per inline, runs scaled without for-in) patch
 * pdfmake, pdfkit and fontkit. Each claims to change nothing in the output: held to it here,
 * byte for byte, against a build with none of them, whether the disk caches are empty or full.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { materialise } from '../helpers/fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { snapshot } from '../helpers/build.ts';

function build(args: string[], env: Record<string, string>): Map<string, Buffer> {
  const out = mkdtempSync(path.join(tmpdir(), 'netpes-speed-'));
  const run = runCli(['build', '--quiet', '--out', out, ...args], { SOURCE_DATE_EPOCH: '1767225600', ...env });
  expect(run.code, run.stderr).toBe(0);
  return snapshot(out);
}

describe('PDF speed-ups', () => {
  it('give the same bytes as plain pdfmake: every output of the fixture, and the real guide', () => {
    for (const args of [['--content', materialise()], ['--only', 'guide']]) {
      // With caches of its own: the first run shapes and parses, the second reads them back.
      const cache = mkdtempSync(path.join(tmpdir(), 'netpes-cache-'));
      const plain = build(args, { NETPES_PLAIN_PDFMAKE: '1', NETPES_NO_CACHE: '1' });
      for (const run of ['caches empty', 'caches full']) {
        const fast = build(args, { NETPES_CACHE_DIR: cache });
        expect([...fast.keys()]).toEqual([...plain.keys()]);
        for (const [file, bytes] of fast) expect(bytes.equals(plain.get(file)!), `${file} differs without the speed-ups (${run})`).toBe(true);
      }
    }
  }, 300_000);
});
