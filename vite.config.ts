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
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Hashed external scripts only: the host's CSP forbids inline scripts.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2500,
  },
  test: {
    root: projectRoot,
    exclude: ['**/node_modules/**', '**/dist/**', 'test/e2e/screens/**'],
    // No test may touch the user's real data folder (~/.bidforge).
    setupFiles: ['test/setup/dataDir.ts'],
  },
});
