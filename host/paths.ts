// Where the app's own files are, for the host, the CLI and Electron's main process alike.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder above this file that holds templates/. */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'templates'))) return dir;
    dir = dirname(dir);
  }
  return resolve('.');
}

/** The app's version, from its package.json (what `bidforge --version` and bug reports name). */
export function appVersion(): string {
  try {
    const { version } = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? version : '?';
  } catch {
    return '?';
  }
}

export const templatesDir = () => process.env.BIDFORGE_TEMPLATES ?? join(appRoot(), 'templates');
export const rendererDir = () => join(appRoot(), 'dist', 'renderer');

/** The user's data folder (clause store, backups): $BIDFORGE_DATA, else ~/.bidforge, as for the CLI's --data default. */
export const dataDir = () => process.env.BIDFORGE_DATA ?? join(homedir(), '.bidforge');
