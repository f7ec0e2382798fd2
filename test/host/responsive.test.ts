// The browser host stays responsive while an expensive call runs or is refused (#19): exports, card files, tender
// reading and previews run in worker threads (host/workerPool.ts), bounded in time and memory, so another call answers
// in under a second meanwhile; a worker that is killed, too slow or too big ends its call with a coded error in the
// user's language and is replaced; and what comes out of a worker is what the in-process handlers make.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Channel, ApiHandlers } from '@core/api/contract.js';
import type { Envelope } from '@core/api/envelope.js';
import { createHandlers } from '@core/api/handlers.js';
import { httpTransport } from '@core/api/httpClient.js';
import { errorText } from '@core/i18n/errorText.js';
import type { Project } from '@core/model/project.js';
import { rendererDir, templatesDir } from '../../host/paths.js';
import { startHost, type RunningHost } from '../../host/server.js';
import { WorkerPool, type WorkerPoolOptions } from '../../host/workerPool.js';
import { tempDir } from '../helpers/tmp.js';

type Host = { host: RunningHost; pool: WorkerPool; call(channel: Channel, arg: unknown): Promise<Envelope> };
type ExportValue = { fileName: string; bytes: Uint8Array };

async function hostWithWorkers(pool: Partial<WorkerPoolOptions> = {}): Promise<Host> {
  const deps = { templatesDir: templatesDir(), dataDir: tempDir('bf-responsive-'), program: 'host' };
  const workers = new WorkerPool({ deps, ...pool });
  const host = await startHost({ handlers: createHandlers(deps), rendererDir: rendererDir(), pool: workers });
  return { host, pool: workers, call: httpTransport(host.url.replace(/\/$/, ''), host.token) };
}

/** The sample plan with every table among its values repeated `factor` times over (as bench/run.ts scales it). */
function scaled(base: Project, factor: number): Project {
  const values = { ...base.values } as Record<string, unknown>;
  for (const [key, rows] of Object.entries(values))
    if (Array.isArray(rows) && rows.length)
      values[key] = Array.from({ length: rows.length * factor }, (_, i) => rows[i % rows.length]);
  return { ...base, values } as Project;
}

/**
 * Calls `small` again and again while `job` is pending: how long each took, and how many answered while the job was
 * still pending (the state, not a timer, says the host answered during the job).
 */
async function answersDuring(job: Promise<unknown>, small: () => Promise<Envelope>) {
  let pending = true;
  void job.finally(() => {
    pending = false;
  });
  const times: number[] = [];
  let during = 0;
  while (pending) {
    const t = performance.now();
    const reply = await small();
    times.push(performance.now() - t);
    expect(reply.ok).toBe(true);
    if (pending) during++;
  }
  return { slowest: Math.max(...times), during };
}

const pdfText = (bytes: Uint8Array) => {
  const file = join(tempDir('bf-responsive-pdf-'), 'out.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};
/** The DOCX's document part (the file's zip also holds the time it was made, which differs by a second or so). */
const docxText = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
const value = <T>(e: Envelope): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value as T;
};

let sample: Project;
let inProcess: ApiHandlers;
beforeAll(async () => {
  inProcess = createHandlers({ templatesDir: templatesDir(), dataDir: tempDir('bf-responsive-local-') });
  sample = (await inProcess.openSample({ name: 'service-plan-sample' })).project;
});

describe('a host with worker threads', () => {
  let h: Host;
  beforeAll(async () => {
    h = await hostWithWorkers();
  });
  afterAll(() => h.host.close());

  it('exports the same document through a worker as in-process, its bytes transferred whole', async () => {
    const pdf = value<ExportValue>(await h.call('exportDocument', { project: sample, format: 'pdf' }));
    const local = await inProcess.exportDocument({ project: sample, format: 'pdf' });
    expect(pdf.fileName).toBe(local.fileName);
    expect(pdfText(pdf.bytes)).toBe(pdfText(local.bytes));
    expect(pdfText(pdf.bytes)).toContain('售后服务');
    const docx = value<ExportValue>(await h.call('exportDocument', { project: sample, format: 'docx' }));
    const localDocx = await inProcess.exportDocument({ project: sample, format: 'docx' });
    expect(await docxText(docx.bytes)).toBe(await docxText(localDocx.bytes));
    // It ran in a worker: the pool has a thread, and nothing is left busy.
    expect(h.pool.threads).toBeGreaterThan(0);
    expect(h.pool.busy()).toEqual([]);
  });

  it('answers another call in under 1 s while a long PDF export runs', async () => {
    const big = h.call('exportDocument', { project: scaled(sample, 30), format: 'pdf' });
    const { slowest, during } = await answersDuring(big, () => h.call('getSettings', {}));
    const done = value<ExportValue>(await big);
    expect(done.bytes.byteLength).toBeGreaterThan(100_000);
    expect(during).toBeGreaterThan(0);
    expect(slowest).toBeLessThan(1000);
  });

  it('a worker killed mid-call fails that call with a coded error; the next export works', async () => {
    const big = h.call('exportDocument', { project: scaled(sample, 30), format: 'pdf' });
    await vi.waitFor(() => expect(h.pool.busy().map((b) => b.channel)).toEqual(['exportDocument']), {
      timeout: 60_000,
      interval: 20,
    });
    await h.pool.busy()[0]!.terminate();
    const killed = await big;
    expect(killed.ok).toBe(false);
    if (killed.ok) return;
    expect(killed.error.code).toBe('job_crashed');
    expect(killed.error.message).toContain('后台进程意外退出');
    expect(errorText(killed.error, 'en')).toContain('stopped unexpectedly (exportDocument)');
    const next = value<ExportValue>(await h.call('exportDocument', { project: sample, format: 'docx' }));
    expect(next.bytes.byteLength).toBeGreaterThan(1000);
  });
});

describe('a job over its bounds is stopped; the host answers meanwhile', () => {
  it('over its time: job_timeout, in both languages, and the next call works', async () => {
    const h = await hostWithWorkers({ size: 1, timeoutMs: 1500 });
    try {
      const hostile = h.call('exportDocument', { project: scaled(sample, 150), format: 'pdf' });
      const { slowest, during } = await answersDuring(hostile, () => h.call('listSamples', {}));
      const refused = await hostile;
      expect(refused).toMatchObject({ ok: false, error: { code: 'job_timeout', params: { seconds: 1.5 } } });
      if (refused.ok) return;
      expect(refused.error.message).toContain('超过 1.5 秒');
      expect(errorText(refused.error, 'en')).toContain('did not finish within 1.5 seconds');
      expect(during).toBeGreaterThan(0);
      expect(slowest).toBeLessThan(1000);
      const csv = Buffer.from('客户名称,序列号,购买日期\n张三,SN1,2026-01-31\n').toString('base64');
      const parsed = value<{ headers: string[] }>(await h.call('parseCards', { fileName: 'a.csv', data: csv }));
      expect(parsed.headers).toContain('序列号');
    } finally {
      await h.host.close();
    }
  });

  it('over its memory: job_out_of_memory, and the host answers meanwhile', async () => {
    const h = await hostWithWorkers({ size: 1, maxOldGenerationSizeMb: 96 });
    try {
      // A batch file near the size limit: 120,000 rows to read into memory.
      const row = (i: number) => `客户${i},SN${String(i).padStart(8, '0')},2026-01-31,型号甲,北京市朝阳区某某路${i}号`;
      const csv = Buffer.from(
        `客户名称,序列号,购买日期,型号,地址\n${Array.from({ length: 120_000 }, (_, i) => row(i)).join('\n')}`,
      );
      const hostile = h.call('parseCards', { fileName: 'big.csv', data: csv.toString('base64') });
      const { slowest, during } = await answersDuring(hostile, () => h.call('getSettings', {}));
      const refused = await hostile;
      expect(refused).toMatchObject({ ok: false, error: { code: 'job_out_of_memory', params: { mb: 96 } } });
      if (refused.ok) return;
      expect(errorText(refused.error, 'en')).toContain('more than 96 MB');
      expect(during).toBeGreaterThan(0);
      expect(slowest).toBeLessThan(1000);
      // The bound is the job's, not the worker's start: a replacement with the same bound reads a small batch.
      const small = Buffer.from('客户名称,序列号,购买日期\n张三,SN1,2026-01-31\n').toString('base64');
      value(await h.call('parseCards', { fileName: 'a.csv', data: small }));
    } finally {
      await h.host.close();
    }
  });
});
