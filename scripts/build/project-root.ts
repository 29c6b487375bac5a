/**
 * The project's root folder (where `templates/`, `scripts/` and `package-lock.json` are),
 * whatever the working directory: content and out/ are the user's paths, the templates are
 * the project's. bin/netpes.js sets NETPES_ROOT; from sources it is two folders up.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectRoot(): string {
  if (process.env['NETPES_ROOT']) return process.env['NETPES_ROOT'];
  return import.meta.url.endsWith('.ts') ? fileURLToPath(new URL('../..', import.meta.url)) : process.cwd();
}

export function fromRoot(...parts: string[]): string {
  return path.join(projectRoot(), ...parts);
}

/** Templates and theme: `templates/` of the project, or NETPES_TEMPLATES (tests, alternative designs). */
export function templatesDir(): string {
  return process.env['NETPES_TEMPLATES'] ?? fromRoot('templates');
}
