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
    // expect.poll waits on a state: on a busy machine (CI beside a CPU hog) a screen may take seconds, not Vitest's
    // default one second, to show it. A state that never comes still fails, after a minute.
    expect: { poll: { timeout: 60_000, interval: 100 } },
  },
});
