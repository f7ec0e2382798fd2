// Rebuild only what changed: an output is stale when it is missing or older than the newest of its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce(
    (m, name) => (name === 'node_modules' ? m : Math.max(m, newestMtime(join(path, name)))),
    s.mtimeMs,
  );
}

export function isStale(output: string, sources: string[]): boolean {
  return !existsSync(output) || statSync(output).mtimeMs < Math.max(...sources.map(newestMtime));
}

/** What the renderer bundle is built from: its own code, the core it imports, and the build's configuration. */
export const rendererSources = (root: string) =>
  ['renderer', 'core', 'vite.config.ts', 'package-lock.json'].map((p) => join(root, p));
export const rendererOutput = (root: string) => join(root, 'dist', 'renderer', 'index.html');
/** What Electron's main and preload bundles are built from. */
export const electronSources = (root: string) =>
  ['electron', 'core', 'host', 'scripts/build-electron.mjs'].map((p) => join(root, p));
export const electronOutput = (root: string) => join(root, 'dist-electron', 'main.mjs');
