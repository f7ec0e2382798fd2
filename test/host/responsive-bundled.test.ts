// Electron's main process runs the expensive channels in the bundled worker (dist-electron/worker.mjs, built by
// scripts/build-electron.mjs from host/worker.ts) through withWorkers(): bundled the same way here, it exports what
// the in-process handlers export, keeps the main thread answering, and a killed job is the same coded ApiError.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '@core/api/contract.js';
import { ApiError } from '@core/api/envelope.js';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import type { Project } from '@core/model/project.js';
import { appRoot, templatesDir } from '../../host/paths.js';
import { WorkerPool, withWorkers } from '../../host/workerPool.js';
import { tempDir } from '../helpers/tmp.js';

let pool: WorkerPool;
let api: ApiHandlers;
let local: ApiHandlers;
let sample: Project;
let outDir: string;

const pdfText = (bytes: Uint8Array) => {
  const file = join(tempDir('bf-bundled-pdf-'), 'out.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

beforeAll(async () => {
  // Inside the project, so the bundle finds node_modules as dist-electron/worker.mjs does.
  outDir = join(appRoot(), 'node_modules', '.cache', 'bidforge', `worker-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'worker.mjs');
  const options = { bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20' } as const;
  await build({ entryPoints: [join(appRoot(), 'host', 'worker.ts')], outfile, logLevel: 'warning', ...options });
  const deps = { templatesDir: templatesDir(), dataDir: tempDir('bf-bundled-'), program: 'BidForge app' };
  pool = new WorkerPool({ deps, entry: new URL(`file://${outfile}`), size: 1 });
  local = createHandlers(deps);
  // As electron/main.ts registers them for IPC, which dispatches through the same validation.
  api = createLocalClient(withWorkers(local, pool));
  sample = (await local.openSample({ name: 'service-plan-sample' })).project;
});
afterAll(async () => {
  await pool.close();
  rmSync(outDir, { recursive: true, force: true });
});

it('exports through the bundled worker what the in-process handlers export', async () => {
  const viaWorker = await api.exportDocument({ project: sample, format: 'pdf' });
  const inProcess = await local.exportDocument({ project: sample, format: 'pdf' });
  expect(viaWorker.fileName).toBe(inProcess.fileName);
  expect(viaWorker.bytes).toBeInstanceOf(Uint8Array);
  expect(pdfText(viaWorker.bytes)).toBe(pdfText(inProcess.bytes));
  expect(pdfText(viaWorker.bytes)).toContain('售后服务');
  expect(pool.threads).toBe(1);
});

it('a job killed in the bundled worker is an ApiError with the code; the next call works', async () => {
  const values = { ...sample.values } as Record<string, unknown>;
  for (const [k, rows] of Object.entries(values))
    if (Array.isArray(rows) && rows.length)
      values[k] = Array.from({ length: rows.length * 30 }, (_, i) => rows[i % rows.length]);
  const big = api.exportDocument({ project: { ...sample, values } as Project, format: 'pdf' }).catch((e: unknown) => e);
  await vi.waitFor(() => expect(pool.busy()).toHaveLength(1), { timeout: 60_000, interval: 20 });
  // The main thread answers while the job runs.
  expect((await api.listSamples({})).length).toBeGreaterThan(0);
  expect(pool.busy()).toHaveLength(1);
  await pool.busy()[0]!.terminate();
  const e = await big;
  expect(e).toBeInstanceOf(ApiError);
  expect((e as ApiError).code).toBe('job_crashed');
  expect((await api.exportDocument({ project: sample, format: 'docx' })).bytes.byteLength).toBeGreaterThan(1000);
});
