// library.lock: one writer at a time (the app or the CLI). The file names its holder; a lock whose process is gone
// (same host, pid not alive) is stale and taken over. A lock from another host cannot be checked and is respected.
import { randomUUID } from 'node:crypto';
import { link, open, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { uptime as osUptime } from 'node:os';
import { z } from 'zod';
import { BidForgeError } from '../../../model/problem.js';

export type LockInfo = { pid: number; host: string; program: string; since: string; token: string; bootedAt?: string };

const lockInfoSchema = z.object({ pid: z.number().int(), host: z.string(), program: z.string(), since: z.string(), token: z.string(), bootedAt: z.string().optional() });

/** Who we are, injected so tests can pretend to be another process and core code reads no globals. */
export type ProcessIdentity = {
  pid: number;
  host: string;
  /** "app", "CLI", … shown to the other writer. */
  program: string;
  /** Whether a process with this pid is running on this host. */
  isAlive: (pid: number) => boolean;
  /** When this host last booted (ISO). A lock from an earlier boot is stale even if its pid was reused since. */
  bootedAt?: string;
};

/** This machine's boot time, from its uptime, to the minute (uptime and clock drift by a few seconds). */
export function hostBootedAt(): string {
  const t = Date.now() - osUptime() * 1000;
  return new Date(Math.round(t / 60_000) * 60_000).toISOString();
}

const BOOT_TOLERANCE_MS = 3 * 60_000;
function fromEarlierBoot(holder: LockInfo, me: ProcessIdentity): boolean {
  if (!holder.bootedAt || !me.bootedAt) return false;
  const a = Date.parse(holder.bootedAt);
  const b = Date.parse(me.bootedAt);
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) > BOOT_TOLERANCE_MS;
}

/** The usual liveness probe: signal 0 checks existence without touching the process. */
export function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readLock(path: string): Promise<LockInfo | 'unreadable' | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const parsed = lockInfoSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

export function lockMessage(info: LockInfo, me: ProcessIdentity): string {
  return `store is in use by ${info.program} (pid ${info.pid}) since ${info.since}${info.host !== me.host ? ` on ${info.host}` : ''}`;
}

/**
 * Creates `path` with `text` only if it does not exist, and never leaves it half-written: the text goes to a temp
 * file first, which is then hard-linked to `path` (link fails with EEXIST when the lock is taken). Why: a program
 * killed between creating the lock file and writing it left an empty lock that looked "being written" for 2 s, so a
 * restart right after a crash was refused (found by the kill test). Where hard links are not supported (FAT, some
 * network shares) it falls back to exclusive create + write.
 */
async function createComplete(path: string, text: string): Promise<void> {
  const tmp = `${path}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await link(tmp, path);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
  } finally {
    await unlink(tmp).catch(() => {});
  }
  const fh = await open(path, 'wx');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** A lock that cannot be written (read-only folder, full disk) in plain words, as a BidForgeError. */
function lockWriteError(path: string, e: unknown): BidForgeError {
  const err = e as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    EROFS: 'the folder is on a read-only file system',
    EACCES: 'permission denied (the folder is read-only for this user)',
    EPERM: 'the operating system refused to create it',
    ENOSPC: 'the disk is full',
    ENOENT: 'the data folder does not exist',
  };
  const reason = err.code && why[err.code] ? `${why[err.code]} (${err.code})` : (err.message ?? String(e));
  return new BidForgeError('store_write_failed', `the library cannot be changed: its lock file ${path} cannot be created: ${reason}`);
}

export class StoreLock {
  private token: string | null = null;

  constructor(
    readonly path: string,
    private readonly me: ProcessIdentity,
    private readonly clock: () => Date,
  ) {}

  get held(): boolean {
    return this.token !== null;
  }

  /** Takes the lock or throws BidForgeError 'store_locked' naming the holder. */
  async acquire(): Promise<void> {
    if (this.token) return;
    for (let attempt = 0; attempt < 3; attempt++) {
      const info: LockInfo = {
        pid: this.me.pid,
        host: this.me.host,
        program: this.me.program,
        since: this.clock().toISOString(),
        token: randomUUID(),
        ...(this.me.bootedAt ? { bootedAt: this.me.bootedAt } : {}),
      };
      try {
        await createComplete(this.path, JSON.stringify(info, null, 2) + '\n');
        this.token = info.token;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw lockWriteError(this.path, e);
      }
      const holder = await readLock(this.path);
      if (holder === null) continue; // released meanwhile: try again
      if (holder === 'unreadable') {
        // Being written right now, or left half-written by a crash: wait for it to settle before calling it stale.
        const age = Date.now() - (await stat(this.path).then((s) => s.mtimeMs, () => Date.now()));
        if (age < 2000) throw new BidForgeError('store_locked', 'store is in use by another program (its lock file is being written)');
        await unlink(this.path).catch(() => {});
        continue;
      }
      if (holder.host === this.me.host && (!this.me.isAlive(holder.pid) || fromEarlierBoot(holder, this.me))) {
        await unlink(this.path).catch(() => {}); // stale: its process is gone (or the machine was restarted since)
        continue;
      }
      throw new BidForgeError('store_locked', lockMessage(holder, this.me), [
        { severity: 'error', code: 'store_locked', message: `lock file ${this.path} held by ${holder.program}, pid ${holder.pid} on ${holder.host}` },
      ]);
    }
    throw new BidForgeError('store_locked', `could not take the lock ${this.path}: other programs keep taking it`);
  }

  /** Removes the lock file if it is still ours. */
  async release(): Promise<void> {
    if (!this.token) return;
    const holder = await readLock(this.path).catch(() => null);
    if (holder && holder !== 'unreadable' && holder.token === this.token) await unlink(this.path).catch(() => {});
    this.token = null;
  }
}
