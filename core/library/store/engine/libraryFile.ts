// The lowdb adapter for library.json: validated reads, atomic writes, a backup copy of each state written.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Adapter } from 'lowdb';
import { BidForgeError } from '@core/model/problem.js';
import { STORE_SCHEMA_VERSION, type StoreData } from '../schema.js';
import { decodeStore, storeText, tooLarge } from './decode.js';
import { StoreEncoder } from './encode.js';
import {
  atomicWrite,
  copyToBackups,
  fileKey,
  fsProblem,
  fsProblemZh,
  FileTooLargeError,
  readBytesAndKey,
  STORE_FILE,
} from './files.js';

export class LibraryFile implements Adapter<StoreData> {
  existed = false;
  /** Serializes on write, validating only the records that changed since the last read or write (encode.ts). */
  readonly encoder = new StoreEncoder();
  migratedFrom = STORE_SCHEMA_VERSION;
  /** The text last read or written: another program changed the file when it differs. */
  lastText: string | null = null;
  /** Identity of the file last read or written. Every write is a rename of a new file, so a new inode means a change. */
  lastStat: string | null = null;

  async statKey(): Promise<string | null> {
    const st = await stat(this.path).catch(() => null);
    return st ? fileKey(st) : null;
  }

  constructor(
    readonly dataDir: string,
    private readonly clock: () => Date,
    private readonly keep: number,
    /** Bigger files are refused before they are read (store_too_large). */
    readonly maxBytes: number,
    /** Throws when this program may no longer replace the file (its lock was lost). */
    private readonly beforeCommit: () => Promise<void>,
  ) {}

  get path(): string {
    return join(this.dataDir, STORE_FILE);
  }

  async read(): Promise<StoreData | null> {
    const file = await readBytesAndKey(this.path, this.maxBytes).catch((e: unknown) => {
      throw e instanceof FileTooLargeError ? tooLarge(e.path, e.size, e.limit) : e;
    });
    this.existed = file !== null;
    if (file === null) return null;
    const text = storeText(file.bytes);
    const { data, from } = decodeStore(text, this.clock());
    this.encoder.reset();
    this.migratedFrom = from;
    this.lastText = text;
    this.lastStat = file.key; // the key of the very text read, never of a newer file renamed in since
    return data;
  }

  /** Throws InvalidStoreError (nothing written), 'store_write_failed' (file left as it was) or 'backup_failed' (saved). */
  async write(data: StoreData): Promise<void> {
    const { text, accept } = this.encoder.encode(data);
    try {
      await atomicWrite(this.path, text, { beforeCommit: this.beforeCommit });
    } catch (e) {
      if (e instanceof BidForgeError) throw e; // the lock was lost: its own message
      const reason = fsProblemZh(e);
      const message = `条款库无法保存到 ${this.dataDir}：${reason}。${STORE_FILE} 保持原样，本次修改没有保存。`;
      const params = { why: 'save', folder: this.dataDir, storeName: STORE_FILE, reason, reasonEn: fsProblem(e) };
      throw new BidForgeError('store_write_failed', message, [
        { severity: 'error', code: 'store_write_failed', message, params, file: this.path },
      ]);
    }
    accept();
    this.lastText = text;
    this.lastStat = await this.statKey();
    try {
      await copyToBackups(this.dataDir, this.path, this.clock(), this.keep);
    } catch (e) {
      const folder = join(this.dataDir, 'backups');
      const reason = fsProblemZh(e);
      const message = `修改已保存到 ${STORE_FILE}，但它在 ${folder} 中的备份副本无法写入：${reason}`;
      throw new BidForgeError('backup_failed', message, [
        {
          severity: 'error',
          code: 'backup_failed',
          message,
          params: { storeName: STORE_FILE, folder, reason, reasonEn: fsProblem(e) },
        },
      ]);
    }
  }
}
