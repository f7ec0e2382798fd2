// The live preview's latency for `npm run bench`: keystroke → preview on a 40-page plan, measured by the end-to-end
// test (the built renderer in Debian's Chromium, the browser host in its own process) on a machine doing nothing
// else; that test writes test-output/preview-latency.json. Skipped, with a note, where Chromium is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type LatencyRow = {
  workload: string;
  units: number;
  median_ms: number;
  p95_ms?: number;
  target: string;
  ok: boolean;
  note?: string;
  rss_mb: number;
};

export function previewLatencyRow(repoRoot: string): LatencyRow | { skipped: string } {
  if (!existsSync('/usr/bin/chromium')) return { skipped: 'keystroke → preview: /usr/bin/chromium is not installed' };
  const out = join(repoRoot, 'test-output', 'preview-latency.json');
  const run = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/e2e/preview-latency.e2e.test.ts'],
    { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 },
  );
  if (run.status !== 0 || !existsSync(out))
    return { skipped: `keystroke → preview: the measurement failed\n${run.stdout}\n${run.stderr}`.slice(0, 2000) };
  const r = JSON.parse(readFileSync(out, 'utf8')) as { samplesMs: number[]; medianMs: number; hostPeakRssMb?: number };
  const sorted = [...r.samplesMs].sort((a, b) => a - b);
  return {
    workload: 'keystroke → preview (Chromium)',
    units: 40,
    median_ms: r.medianMs,
    p95_ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!,
    target: '< 100 ms',
    ok: r.medianMs < 100,
    note: `${r.samplesMs.length} keystrokes; memory is the host process`,
    rss_mb: r.hostPeakRssMb ?? 0,
  };
}
