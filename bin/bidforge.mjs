#!/usr/bin/env node
// The installed `bidforge` command. It runs the prebuilt bundle (dist/cli/bidforge.mjs), rebuilt first when the
// sources are newer (a checkout being worked on); without esbuild (an install without dev dependencies) and without a
// bundle it falls back to compiling the TypeScript through tsx, which starts several times slower.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'bidforge.mjs');

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  return s.isDirectory()
    ? readdirSync(path).reduce((m, n) => Math.max(m, newest(join(path, n))), s.mtimeMs)
    : s.mtimeMs;
}

async function entry() {
  const stale =
    !existsSync(bundle) ||
    statSync(bundle).mtimeMs < Math.max(...['cli', 'core', 'host', 'server'].map((d) => newest(join(root, d))));
  if (!stale) return bundle;
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli(root);
    return bundle;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return join(root, 'cli', 'main.ts');
  }
}

const { run } = await import(pathToFileURL(await entry()).href);
process.exit(await run(process.argv.slice(2)));
