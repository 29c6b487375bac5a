/** Stage 5–6: render each deliverable from the validated model and write it atomically. */
import type { CliOptions } from '../cli/options.ts';
import type { Guide } from '../model/schemas.ts';

export async function buildAll(guide: Guide, options: CliOptions): Promise<number> {
  void guide;
  void options;
  process.stderr.write('no renderer yet\n');
  return 0;
}
