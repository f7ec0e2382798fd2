// Bundles Electron's main (ESM, node_modules left external) and the sandboxed preload (one CommonJS file).
import { build } from 'esbuild';

await build({
  entryPoints: ['electron/main.ts'],
  outfile: 'dist-electron/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  target: 'node20',
  logLevel: 'warning',
});
// The worker thread the main process runs exports, card files and tender reading in (host/workerPool.ts).
await build({
  entryPoints: ['host/worker.ts'],
  outfile: 'dist-electron/worker.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  target: 'node20',
  logLevel: 'warning',
});
await build({
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron'],
  target: 'node20',
  logLevel: 'warning',
});
console.log('built dist-electron/main.mjs, worker.mjs and preload.cjs');
