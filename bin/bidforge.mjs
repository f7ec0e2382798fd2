#!/usr/bin/env node
// The installed `bidforge` command. It runs the prebuilt bundle (dist/cli/bidforge.cjs), rebuilt first when the
// sources are newer (a checkout being worked on); without esbuild (an install without dev dependencies) and without a
// bundle it falls back to compiling the TypeScript through tsx, which starts several times slower. The bundle and the
// packages it loads are compiled through a V8 code cache (codeCache.mjs): from the second run of a command on, V8
// reads their bytecode instead of compiling them again. Packages' Unicode tables are inflated by zlib
// (nativeInflate.mjs), and modules loaded only for what BidForge never does wait until used (deferModules.mjs).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// A command lives a second or two, and V8's optimizing compiler, started as soon as a function has run a little,
// spent more CPU in it than it saved (a cold render: ~0.35 s of ~1 s, a 60-page one ~0.8 s of 2 s). Code is now
// optimized once it has run ~30 times as long: only what is really hot (a long render, the team server).
setFlagsFromString('--interrupt-budget=2000000');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'bidforge.cjs');

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
    return undefined;
  }
}

async function load() {
  const built = await entry();
  if (built) {
    const { commandShape, installCodeCache } = await import('./codeCache.mjs');
    installCodeCache(root, commandShape(process.argv.slice(2)), built);
    (await import('./nativeInflate.mjs')).inflateNatively(root);
    (await import('./deferModules.mjs')).deferModules(root);
    // The bundle's import() calls (see scripts/build-cli.mjs), from an ES module, where Node runs them.
    globalThis[Symbol.for('bidforge.import')] = (specifier) =>
      import(specifier.startsWith('.') ? new URL(specifier, pathToFileURL(built)).href : specifier);
    return createRequire(import.meta.url)(built);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(root, 'cli', 'main.ts')).href);
}

const { run } = await load();
process.exit(await run(process.argv.slice(2)));
