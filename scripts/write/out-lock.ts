/**
 * One build at a time per output folder: `<out>/.lock` holds the builder's pid. A second
 * build fails with a clear message instead of interleaving files; a lock left by a killed
 * build (its pid is gone) is taken over. Temporary files a killed build left behind are
 * removed by the next build that holds the lock.
 */
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export class OutputLockedError extends Error {}

export async function lockOutput(outDir: string): Promise<() => Promise<void>> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      await removeStaleTemporaries(outDir);
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new OutputLockedError(`another build (pid ${pid}) is writing to ${outDir}/; wait for it to finish, or use another --out`);
      }
      await rm(file, { force: true }); // left by a build that was killed
    }
  }
  throw new OutputLockedError(`cannot lock ${outDir}/`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function removeStaleTemporaries(outDir: string): Promise<void> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries
      .filter((e) => e.isFile() && e.name.startsWith('.') && e.name.endsWith('.tmp'))
      .map((e) => rm(path.join(e.parentPath, e.name), { force: true })),
  );
}
