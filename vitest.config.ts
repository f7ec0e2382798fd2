import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Exports and browser tests start real programs (LibreOffice, Chromium): keep the 2-core machine calm.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
