/** Runs the real `netpes` command in a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [path.resolve('bin/netpes.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...env },
    timeout: 600_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
