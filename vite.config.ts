// Vite builds the renderer (renderer/ → dist/renderer). Vitest reads this file too, so its test root is the project root.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the same build is served by the HTTP host and loaded from file:// by Electron.
  base: './',
  plugins: [react()],
  // The same alias as tsconfig's paths: `@core/…` instead of `../../../core/…`.
  resolve: { alias: { '@core': fileURLToPath(new URL('./core', import.meta.url)) } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Hashed external scripts only: the host's CSP forbids inline scripts.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2500,
  },
  test: {
    root: projectRoot,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Exports and browser tests start real programs (LibreOffice, Chromium): keep the 2-core machine calm.
    fileParallelism: true,
    maxWorkers: 2,
    // expect.poll waits on a state: on a busy machine (CI beside a CPU hog) a screen may take seconds, not Vitest's
    // default one second, to show it. A state that never comes still fails, after a minute.
    expect: { poll: { timeout: 60_000, interval: 100 } },
    exclude: ['**/node_modules/**', '**/dist/**', 'test/e2e/screens/**'],
    // No test may touch the user's real data folder (~/.bidforge).
    setupFiles: ['test/setup/dataDir.ts'],
  },
});
