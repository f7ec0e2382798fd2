/**
 * The storage engine: one library.json in a data folder, read through lowdb (strict UTF-8, size-limited), changed one
 * save at a time under the lock (lock.ts), written atomically with a backup copy, migrated on open. It knows the file's schema but nothing of
 * clauses, versions or packs: the domain (../store.ts) hands it changes as functions on the data.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { BidForgeError } from '@core/model/problem.js';
import { emptyStore, STORE_SCHEMA_VERSION, type StoreData } from '../schema.js';
import { decodeStore, readFailure, recoverySteps } from './decode.js';
import { zodDetail } from '../../../model/zodDetail.js';
import { InvalidStoreError } from './encode.js';
import {
  DEFAULT_BACKUPS_KEPT,
  exists,
  FileTooLargeError,
  keepCopy,
  listBackups,
  readBytesAndKey,
  STORE_FILE,
  sweepTemps,
} from './files.js';
import { LibraryFile } from './libraryFile.js';
import { hostBootedAt, pidIsAlive, StoreLock, type LockInfo, type ProcessIdentity } from './lock.js';

export type EngineOptions = {
  /** The data folder (Electron userData, or --data DIR). Created if missing. */
  dataDir: string;
  /** Shown to a second writer: "app", "CLI", "host". */
  program: string;
  clock?: () => Date;
  /** Defaults to this process (pid, os.hostname(), kill(pid, 0)); tests may pretend to be another process. */
  identity?: Partial<Omit<ProcessIdentity, 'program'>>;
  backupsKept?: number;
  /** A library.json bigger than this is refused with 'store_too_large' before it is read (default 128 MB). */
  maxStoreBytes?: number;
  /**
   * When library.json is missing but the folder has backups or files moved aside, opening fails with
   * 'store_missing' (so a lost library is never silently replaced by a fresh one) unless this is true.
   */
  startFresh?: boolean;
};

export type EngineOpenReport = {
  /** A new library.json was written (from the seed). */
  created: boolean;
  /** The schema version the file had, when it was migrated on open. */
  migratedFrom?: number;
  /** backups/ name of the file as it was before migration. */
  preMigrationCopy?: string;
};

/**
 * The biggest library.json opened. Why a limit: reading a file decodes and validates it on the event loop, so a huge
 * one froze the host with no word (a 67 MB store opens in ~1.7 s; past ~512 MB it cannot even be decoded). A library
 * of 10,000 clauses is about 10 MB.
 */
export const MAX_STORE_BYTES = 128 * 1024 * 1024;

export function identityOf(opts: EngineOptions): ProcessIdentity {
  return {
    pid: opts.identity?.pid ?? process.pid,
    host: opts.identity?.host ?? hostname(),
    isAlive: opts.identity?.isAlive ?? pidIsAlive,
    bootedAt: opts.identity?.bootedAt ?? hostBootedAt(),
    program: opts.program,
  };
}

export class StoreEngine {
  private readonly db: Low<StoreData>;
  private readonly file: LibraryFile;
  private readonly lock: StoreLock;
  private readonly clock: () => Date;
  private closed = false;
  /** Bumped on every change of the data in memory: caches built from the data (the search index) compare it. */
  rev = 0;

  private constructor(private readonly options: EngineOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.lock = new StoreLock(options.dataDir, identityOf(options), this.clock);
    // Each save checks, right before it replaces the file, that the lock is still ours.
    this.file = new LibraryFile(
      options.dataDir,
      this.clock,
      options.backupsKept ?? DEFAULT_BACKUPS_KEPT,
      options.maxStoreBytes ?? MAX_STORE_BYTES,
      () => this.lock.assertHeld(),
    );
    this.db = new Low<StoreData>(this.file, emptyStore());
  }

  /** Opens the store in `options.dataDir`; a missing library.json is created from `seed()`. */
  static async open(
    options: EngineOptions,
    seed: (now: Date) => Promise<StoreData>,
  ): Promise<{ engine: StoreEngine; report: EngineOpenReport }> {
    await mkdir(options.dataDir, { recursive: true });
    const engine = new StoreEngine(options);
    return { engine, report: await engine.init(seed) };
  }

  get path(): string {
    return this.file.path;
  }
  get dataDir(): string {
    return this.options.dataDir;
  }
  get now(): Date {
    return this.clock();
  }
  get holdsLock(): boolean {
    return this.lock.held;
  }

  private async init(seed: (now: Date) => Promise<StoreData>): Promise<EngineOpenReport> {
    await this.load();
    if (!this.file.existed) {
      const leftovers = await this.leftovers();
      if (leftovers.length && !this.options.startFresh) {
        const steps = recoverySteps(this.dataDir, await listBackups(this.dataDir));
        const found = leftovers.map((x) => x.zh).join('、');
        const message = `条款库文件 ${STORE_FILE} 不见了，但数据文件夹 ${this.dataDir} 里还有 ${found}，所以没有新建空的条款库。${steps.text}`;
        const params = {
          folder: this.dataDir,
          leftovers: found,
          leftoversEn: leftovers.map((x) => x.en).join(' and '),
        };
        throw new BidForgeError('store_missing', message, [
          { severity: 'error', code: 'store_missing', message, params: { ...params, ...steps.params } },
        ]);
      }
      await this.lock.acquire();
      // Someone may have created it between our read and our lock.
      if (await exists(this.path)) {
        await this.load();
        return { created: false };
      }
      await this.commit(await seed(this.clock()));
      return { created: true };
    }
    if (this.file.migratedFrom < STORE_SCHEMA_VERSION) {
      const from = this.file.migratedFrom;
      await this.lock.acquire();
      const copy = await keepCopy(this.dataDir, this.path, `library-v${from}-premigration-`, this.clock());
      await this.commit(this.db.data);
      return { created: false, migratedFrom: from, preMigrationCopy: copy };
    }
    return { created: false };
  }

  private async leftovers(): Promise<{ zh: string; en: string }[]> {
    const out: { zh: string; en: string }[] = [];
    const backups = await listBackups(this.dataDir);
    const newest = backups[backups.length - 1]?.name;
    if (newest)
      out.push({
        zh: `${backups.length} 个备份（最新的是 ${newest}）`,
        en: `${backups.length} backup(s) (newest ${newest})`,
      });
    const aside = (await readdir(this.dataDir)).filter((f) => /^library\.(corrupt|replaced)-.*\.json$/.test(f));
    if (aside.length)
      out.push({
        zh: `${aside.length} 个移开的文件（${aside.join('、')}）`,
        en: `${aside.length} file(s) moved aside (${aside.join(', ')})`,
      });
    return out;
  }

  private async load(): Promise<void> {
    try {
      await this.db.read();
    } catch (e) {
      throw await readFailure(e, this.dataDir, this.clock());
    }
    this.rev++;
  }

  /** Re-reads the file when another program changed it since we last saw it. */
  private async refresh(): Promise<void> {
    if (this.closed) throw closedError();
    // Same inode, size and mtime: nobody replaced the file (writers always rename a new file in). Otherwise compare
    // the text, which is exact even when a fast second write leaves size and mtime unchanged.
    const key = await this.file.statKey();
    if (key !== null && key === this.file.lastStat) return;
    const now = await readBytesAndKey(this.path, this.file.maxBytes).catch((e: unknown) =>
      e instanceof FileTooLargeError ? 'too_large' : Promise.reject(e),
    );
    if (now === 'too_large') return this.load(); // which reports it
    if (now === null) return; // gone (moved aside): the next write puts it back
    if (this.file.lastText !== null && now.bytes.equals(Buffer.from(this.file.lastText, 'utf8'))) {
      this.file.lastStat = now.key; // the same content under a new name: remember it, skip re-reading next time
      return;
    }
    await this.load();
  }

  /** The state last read or written: what memory goes back to when a change fails. */
  private lastGood(): StoreData {
    return this.file.lastText === null ? emptyStore() : decodeStore(this.file.lastText, this.clock()).data;
  }

  /** Writes `data` as the new state. When the write fails, memory goes back to the last state read or written. */
  private async commit(data: StoreData): Promise<void> {
    this.db.data = data;
    // Bumped before the write too: a search index built from a change in flight must not outlive its rollback.
    this.rev++;
    try {
      await this.db.write();
    } catch (e) {
      if (e instanceof BidForgeError && e.code === 'backup_failed') throw e; // saved; only the backup copy is missing
      this.db.data = this.lastGood();
      this.rev++;
      if (e instanceof InvalidStoreError) throw invalidChange(e.error);
      throw e;
    }
    this.rev++;
  }

  /** Saves of this process, one after another: each changes the live data, so they must never interleave. */
  private writing: Promise<unknown> = Promise.resolve();

  /**
   * Runs `change` on the data, validates the changed records, writes it. A thrown error changes nothing.
   * Why in place and not on a copy: a deep copy of 10,000 clauses took ~100 ms per save. Safety is kept by rolling
   * back instead: on any failure memory is decoded again from the text last read or written (the slow path, only on
   * errors), and nothing reaches the disk unless the whole change validated.
   */
  async mutate<T>(change: (d: StoreData, now: Date) => T): Promise<T> {
    if (this.closed) throw closedError();
    const run = this.writing.then(async () => {
      if (!this.lock.held) {
        await this.lock.acquire();
        await sweepTemps(this.dataDir); // leftovers of a program killed while saving
      }
      await this.refresh();
      if (!this.file.encoder.primed) this.file.encoder.prime(this.db.data);
      const data = this.db.data;
      let result: T;
      try {
        result = change(data, this.clock());
      } catch (e) {
        this.db.data = this.lastGood();
        this.rev++;
        throw e;
      }
      await this.commit(data);
      return structuredClone(result);
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  /** The current data, for reading only (not a copy). */
  async view(): Promise<StoreData> {
    await this.writing; // a read waits for this process's save in flight: it sees the change saved or rolled back
    await this.refresh();
    return this.db.data;
  }

  /** Releases the lock. The store can't be used afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await this.lock.release();
  }

  /** Lets go of the lock but keeps the store open; the next write takes it again. */
  async releaseLock(): Promise<void> {
    await this.writing; // never in the middle of a save of ours
    await this.lock.release();
  }

  /** Who holds the lock now, if anyone. */
  lockHolder(): Promise<LockInfo | null> {
    return this.lock.holder();
  }
}

function closedError(): BidForgeError {
  const message = '条款库已关闭';
  return new BidForgeError('store_closed', message, [{ severity: 'error', code: 'store_closed', message, params: {} }]);
}

/** A change the schema refuses: nothing was written. */
function invalidChange(error: z.ZodError): BidForgeError {
  const d = zodDetail(error);
  const message = `这次修改会使条款库不符合格式，没有保存：${d.detail}`;
  return new BidForgeError('invalid_change', message, [
    { severity: 'error', code: 'invalid_change', message, params: { ...d } },
  ]);
}
