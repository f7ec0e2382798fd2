// Where the app's own files are, for the host, the CLI and Electron's main process alike.
import { existsSync } from 'node:fs';
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

export const templatesDir = () => process.env.BIDFORGE_TEMPLATES ?? join(appRoot(), 'templates');
export const rendererDir = () => join(appRoot(), 'dist', 'renderer');

/** The user's data folder (clause store, backups): $BIDFORGE_DATA, else ~/.bidforge, as for the CLI's --data default. */
export const dataDir = () => process.env.BIDFORGE_DATA ?? join(homedir(), '.bidforge');
