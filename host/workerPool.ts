// The expensive channels (core/api/workerJobs.ts) run here, in 1–2 worker threads created on first use and reused, so
// the thread that answers every other call never waits for a PDF layout or an XLSX read. Each job is bounded: a
// worker over its time (timeoutMs) or memory (resourceLimits.maxOldGenerationSizeMb), or that crashes, is terminated
// and replaced, and its call fails with a coded error (job_timeout, job_out_of_memory, job_crashed) worded in the
// user's language by code. Arguments and envelopes cross by structured clone; file bytes come back transferred.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ApiHandlers } from '../core/api/contract.js';
import { failure, unwrap, type Envelope } from '../core/api/envelope.js';
import type { HandlerDeps } from '../core/api/handlers.js';
import { WORKER_CHANNELS, workerFailure, type WorkerFailure } from '../core/api/workerJobs.js';
import type { WorkerCall, WorkerReply } from './worker.js';

export type WorkerPoolOptions = {
  /** What each worker builds its handlers from: the same data folder, templates and program as the main thread's. */
  deps: HandlerDeps;
  /** Threads at most (default: 2, or 1 on a one-core machine). */
  size?: number;
  /** A job still running after this long is stopped (default 180 s). */
  timeoutMs?: number;
  /** A worker whose JS heap grows past this is stopped (default 1536 MB). */
  maxOldGenerationSizeMb?: number;
  /** The worker's module (default host/worker.ts beside this file; Electron passes its bundled worker). */
  entry?: URL;
};

type Job = { id: number; channel: string; arg: unknown; resolve(e: Envelope): void };
type Slot = { worker: Worker; ready: boolean; job?: Job; timer?: NodeJS.Timeout; stop?: WorkerFailure; error?: Error };

/**
 * The worker's module. From the TypeScript sources, a bootstrap that registers tsx in the worker first: a worker does
 * inherit `tsx host/main.ts`'s --import flag, but tsx installs its hooks on the main thread only, so the worker would
 * fail on worker.ts with ERR_UNKNOWN_FILE_EXTENSION (checked on Node 20).
 */
const defaultEntry = () =>
  new URL(import.meta.url.endsWith('.ts') ? './worker-boot.mjs' : './worker.js', import.meta.url);

/** The parent's Node flags without the code it was started to evaluate (`node -e`, `tsx -e`: the flag and its code). */
function withoutEval(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--eval' || args[i] === '-e' || args[i] === '-p' || args[i] === '--print') i++;
    else if (!args[i]!.startsWith('--eval=') && !args[i]!.startsWith('--print=')) out.push(args[i]!);
  }
  return out;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  readonly size: number;
  readonly timeoutMs: number;
  readonly maxOldGenerationSizeMb: number;
  private readonly entry: URL;

  constructor(private readonly options: WorkerPoolOptions) {
    this.size = Math.max(1, Math.min(2, options.size ?? availableParallelism() - 1));
    this.timeoutMs = options.timeoutMs ?? 180_000;
    this.maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? 1536;
    this.entry = options.entry ?? defaultEntry();
  }

  /** Runs one call in a worker; always resolves to an envelope, whatever happened to the worker. */
  run(channel: string, arg: unknown): Promise<Envelope> {
    if (this.closed) return Promise.resolve(failure('internal', 'the host is shutting down'));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, channel, arg, resolve });
      this.pump();
    });
  }

  /** The threads now working on a call, by channel (tests stop one mid-call with terminate()). */
  busy(): { channel: string; threadId: number; terminate(): Promise<number> }[] {
    return this.slots
      .filter((s) => s.job)
      .map((s) => ({ channel: s.job!.channel, threadId: s.worker.threadId, terminate: () => s.worker.terminate() }));
  }

  /** Starts one thread ahead of the first call (loading the export code takes a few seconds from sources). */
  warm(): void {
    if (!this.closed && !this.slots.length) this.spawn();
  }

  /** How many threads exist (started or starting). */
  get threads(): number {
    return this.slots.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(failure('internal', 'the host is shutting down'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) break;
      this.start(slot, this.queue.shift()!);
    }
    const starting = this.slots.filter((s) => !s.ready).length;
    for (let n = starting; n < this.queue.length && this.slots.length < this.size; n++) this.spawn();
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.timer = setTimeout(() => {
      slot.stop = 'job_timeout';
      void slot.worker.terminate();
    }, this.timeoutMs);
    const call: WorkerCall = { id: job.id, channel: job.channel, arg: job.arg };
    slot.worker.postMessage(call);
  }

  private spawn(): void {
    const worker = new Worker(this.entry, {
      workerData: this.options.deps,
      // The parent's flags, but not the code it was started to evaluate (`node -e`, `tsx -e`).
      execArgv: withoutEval(process.execArgv),
      resourceLimits: { maxOldGenerationSizeMb: this.maxOldGenerationSizeMb },
    });
    worker.unref();
    const slot: Slot = { worker, ready: false };
    this.slots.push(slot);
    worker.on('message', (m: WorkerReply | { ready: true }) => {
      if ('ready' in m) {
        slot.ready = true;
        return this.pump();
      }
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      clearTimeout(slot.timer);
      slot.job = undefined;
      job.resolve(m.envelope);
      this.pump();
    });
    worker.on('error', (e) => {
      slot.error = e;
      // For whoever runs the host: the user's call gets the coded error, the log gets why.
      console.error(`BidForge worker thread ${worker.threadId} failed:`, e);
    });
    worker.on('exit', () => this.exited(slot));
  }

  private exited(slot: Slot): void {
    clearTimeout(slot.timer);
    this.slots.splice(this.slots.indexOf(slot), 1);
    // A worker that dies before it is ready takes the oldest waiting call with it, so a broken start never loops.
    const job = slot.job ?? (slot.ready || this.closed ? undefined : this.queue.shift());
    if (job) {
      const code: WorkerFailure =
        slot.stop ??
        ((slot.error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'job_out_of_memory'
          : 'job_crashed');
      const f = workerFailure(code, {
        channel: job.channel,
        seconds: Math.round(this.timeoutMs / 100) / 10,
        mb: this.maxOldGenerationSizeMb,
      });
      job.resolve(failure(f.code, f.message, f.params));
    }
    if (!this.closed) this.pump();
  }
}

/**
 * The handlers with the expensive channels sent to the pool (Electron's main process, whose IPC takes handlers): the
 * envelope's error comes back as the same ApiError, so every transport still carries the same code and params.
 */
export function withWorkers(handlers: ApiHandlers, pool: WorkerPool): ApiHandlers {
  const offloaded = Object.fromEntries(
    [...WORKER_CHANNELS].map((c) => [c, async (arg: unknown) => unwrap(await pool.run(c, arg))]),
  );
  return { ...handlers, ...offloaded } as ApiHandlers;
}
