/**
 * The store's lock: one writer at a time (the app, the host or the CLI), even across processes.
 *
 * Each program that wants to write puts its own claim, a file with a unique name, into library.locks/ (pid, host,
 * program, time, a random token, boot time), then looks at the other claims. It holds the lock only when every other
 * claim is dead (its process is gone on this host, or it is from before this machine last booted); otherwise it takes
 * its claim back and is told who holds the store. Why claims and not one library.lock file that a newcomer deletes
 * when stale: deleting is check-then-act, so two writers that both saw the same stale lock both "took it over" (19 of
 * 300 rounds) and saves were lost. With claims nothing live is ever deleted (each name is used once), and of two
 * programs that claim at the same time the one that looks second always sees the first: they can never both hold.
 *
 * A save checks its claim is still there, with its token, right before it replaces library.json; a claim deleted or
 * taken away by anything makes the save fail loudly instead of reporting a change that another writer may overwrite.
 * A claim is removed on release, and on Ctrl+C / SIGTERM / exit (lockExit.ts). A library.lock file from an older
 * BidForge is respected like a claim.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { uptime as osUptime } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { fsProblem, fsProblemZh } from '@core/fs/fsProblem.js';
import { BidForgeError } from '@core/model/problem.js';
import { forgetOnExit, releaseOnExit } from './lockExit.js';

export const LOCK_DIR = 'library.locks';
/** The single lock file of BidForge before claims; still honoured so an old and a new version never write at once. */
export const LEGACY_LOCK_FILE = 'library.lock';

export type LockInfo = { pid: number; host: string; program: string; since: string; token: string; bootedAt?: string };

const lockInfoSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  program: z.string(),
  since: z.string(),
  token: z.string(),
  bootedAt: z.string().optional(),
});

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
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'EISDIR') return 'unreadable';
    throw e;
  }
  try {
    const parsed = lockInfoSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** The programs BidForge names itself as (openStore's program), in Chinese; any other name is shown as written. */
const PROGRAM_ZH: Record<string, string> = {
  'BidForge app': 'BidForge 应用',
  CLI: 'BidForge 命令行',
  'BidForge (browser host)': 'BidForge（浏览器版）',
};

/** Who holds the library, in Chinese, and the same details as params (storeText.ts words them in English). */
export function lockMessage(
  info: LockInfo,
  me: ProcessIdentity,
): { message: string; params: Record<string, string | number> } {
  const other = info.host !== me.host;
  const program = Object.hasOwn(PROGRAM_ZH, info.program) ? PROGRAM_ZH[info.program]! : info.program;
  return {
    message: `条款库正被 ${program}（进程 ${info.pid}${other ? `，计算机 ${info.host}` : ''}）使用，自 ${info.since} 起`,
    params: { program: info.program, pid: info.pid, since: info.since, ...(other ? { host: info.host } : {}) },
  };
}

/** Why a lock file could not be created, where fsProblem has no words for it. */
const LOCK_WHY: Record<string, { zh: string; en: string }> = {
  EPERM: { zh: '操作系统拒绝创建它', en: 'the operating system refused to create it' },
  ENOENT: { zh: '数据文件夹不存在', en: 'the data folder does not exist' },
};

/** A lock that cannot be written (read-only folder, full disk) in plain words, as a BidForgeError. */
function lockWriteError(path: string, e: unknown): BidForgeError {
  const code = (e as NodeJS.ErrnoException).code;
  const own = code && Object.hasOwn(LOCK_WHY, code) ? LOCK_WHY[code] : undefined;
  const reason = own ? `${own.zh}（${code}）` : fsProblemZh(e);
  const reasonEn = own ? `${own.en} (${code})` : fsProblem(e);
  const message = `条款库无法修改：无法创建它的锁文件 ${path}：${reason}`;
  return new BidForgeError('store_write_failed', message, [
    { severity: 'error', code: 'store_write_failed', message, params: { why: 'lock', file: path, reason, reasonEn } },
  ]);
}

type Claim = { path: string; info: LockInfo | 'unreadable'; mtimeMs: number };

/** A claim whose file cannot be read is given this long to be a program's claim being written before it counts as dead. */
const UNREADABLE_GRACE_MS = 2000;
/** Two programs that claim at the same moment both step back; each tries again this many times, after a short random wait. */
const CLAIM_ATTEMPTS = 4;

export class StoreLock {
  private mine: { path: string; token: string } | null = null;
  readonly dir: string;

  constructor(
    readonly dataDir: string,
    private readonly me: ProcessIdentity,
    private readonly clock: () => Date,
  ) {
    this.dir = join(dataDir, LOCK_DIR);
  }

  get held(): boolean {
    return this.mine !== null;
  }

  /** Takes the lock or throws BidForgeError 'store_locked' naming the holder. */
  async acquire(): Promise<void> {
    if (this.mine) return;
    let holder: Claim | undefined;
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
      const mine = await this.claim();
      holder = await this.liveOther(mine.path);
      if (!holder) {
        this.mine = mine;
        releaseOnExit(mine.path);
        return;
      }
      await unlink(mine.path).catch(() => {});
      if (attempt < CLAIM_ATTEMPTS) await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
    throw this.lockedError(holder!);
  }

  /** Writes our claim completely under a temp name, then renames it in (a claim is never seen half-written). */
  private async claim(): Promise<{ path: string; token: string }> {
    const info: LockInfo = {
      pid: this.me.pid,
      host: this.me.host,
      program: this.me.program,
      since: this.clock().toISOString(),
      token: randomUUID(),
      ...(this.me.bootedAt ? { bootedAt: this.me.bootedAt } : {}),
    };
    const path = join(this.dir, `${info.token}.json`);
    const tmp = join(this.dir, `.${info.token}.tmp`);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(tmp, `${JSON.stringify(info, null, 2)}\n`, { flag: 'wx' });
      await rename(tmp, path);
    } catch (e) {
      await unlink(tmp).catch(() => {});
      throw lockWriteError(path, e);
    }
    return { path, token: info.token };
  }

  /** Every claim but ours (and an old BidForge's library.lock); dead ones are removed on the way. */
  private async liveOther(minePath: string | null): Promise<Claim | undefined> {
    const paths = (await readdir(this.dir).catch(() => [] as string[]))
      .filter((n) => n.endsWith('.json'))
      .map((n) => join(this.dir, n));
    paths.push(join(this.dataDir, LEGACY_LOCK_FILE));
    let live: Claim | undefined;
    for (const path of paths) {
      if (path === minePath) continue;
      const info = await readLock(path);
      if (info === null) continue; // released meanwhile
      const mtimeMs = await stat(path).then(
        (s) => s.mtimeMs,
        () => Date.now(),
      );
      const claim = { path, info, mtimeMs };
      if (this.isDead(claim)) {
        // A unique name used once: removing it can never remove a live program's claim.
        await unlink(path).catch(() => {});
        continue;
      }
      if (!live || (claim.info !== 'unreadable' && (live.info === 'unreadable' || claim.info.since < live.info.since)))
        live = claim;
    }
    return live;
  }

  private isDead(c: Claim): boolean {
    if (c.info === 'unreadable') return Date.now() - c.mtimeMs > UNREADABLE_GRACE_MS;
    return c.info.host === this.me.host && (!this.me.isAlive(c.info.pid) || fromEarlierBoot(c.info, this.me));
  }

  private lockedError(holder: Claim): BidForgeError {
    if (holder.info === 'unreadable') {
      const message = '条款库正被另一个程序使用（它的锁文件正在写入）';
      return new BidForgeError('store_locked', message, [
        { severity: 'error', code: 'store_locked', message, params: { why: 'writing' } },
      ]);
    }
    // The problem says the same as the message (UIs show problems when an error has them), plus which file it is.
    const said = lockMessage(holder.info, this.me);
    return new BidForgeError('store_locked', said.message, [
      {
        severity: 'error',
        code: 'store_locked',
        message: `${said.message}（锁文件 ${holder.path}）`,
        params: { ...said.params, file: holder.path },
      },
    ]);
  }

  /**
   * Throws 'store_lock_lost' unless our claim is still in place with our token. Called right before a save replaces
   * library.json: a save whose lock was deleted or taken over must fail, not report success.
   */
  async assertHeld(): Promise<void> {
    if (!this.mine) throw lockLost('本程序没有持有写入锁', 'this program does not hold the lock');
    const now = await readLock(this.mine.path).catch(() => null);
    if (now && now !== 'unreadable' && now.token === this.mine.token) return;
    const path = this.mine.path;
    forgetOnExit(path);
    this.mine = null;
    throw lockLost(
      `它的锁文件 ${path} 被其他程序${now ? '替换' : '删除'}了`,
      `its lock file ${path} was ${now ? 'replaced' : 'deleted'} by something else`,
    );
  }

  /** Removes our claim. */
  async release(): Promise<void> {
    if (!this.mine) return;
    const { path, token } = this.mine;
    this.mine = null;
    forgetOnExit(path);
    const now = await readLock(path).catch(() => null);
    if (now && now !== 'unreadable' && now.token === token) await unlink(path).catch(() => {});
  }

  /** The oldest live claim, if any program holds the store now. */
  async holder(): Promise<LockInfo | null> {
    if (this.mine) {
      const info = await readLock(this.mine.path).catch(() => null);
      if (info && info !== 'unreadable') return info;
    }
    const other = await this.liveOther(this.mine?.path ?? null);
    return other && other.info !== 'unreadable' ? other.info : null;
  }
}

function lockLost(reason: string, reasonEn: string): BidForgeError {
  const message = `保存失败：条款库的写入锁已丢失（${reason}），另一个程序可能正在写入。本次修改没有保存，请重试。`;
  return new BidForgeError('store_lock_lost', message, [
    { severity: 'error', code: 'store_lock_lost', message, params: { reason, reasonEn } },
  ]);
}
