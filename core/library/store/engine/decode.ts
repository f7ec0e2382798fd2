// Reading library.json: parse, migrate, validate. A file that fails is reported in plain words, never repaired.
import { join } from 'node:path';
import type { z } from 'zod';
import { BidForgeError } from '@core/model/problem.js';
import { zodMessage } from '@core/model/zodMessage.js';
import { storeDataSchema, type StoreData } from '../schema.js';
import { listBackups, moveAside, STORE_FILE } from './files.js';
import { migrate, MigrationError } from './migrations.js';

export class StoreReadError extends Error {
  constructor(
    readonly kind: 'corrupt' | 'too_new' | 'too_large',
    readonly reason: string,
  ) {
    super(reason);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of the store's bytes. Invalid UTF-8 is refused with where it is: decoding it leniently would turn the
 * bytes into U+FFFD, and the next save would write the replaced text over the user's file without a word.
 */
export function storeText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch (e) {
    const at = firstInvalidUtf8(bytes);
    if (at === bytes.length) throw e; // every byte is valid: the decoder failed for another reason (size), not the file
    const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    throw new StoreReadError(
      'corrupt',
      `第 ${line} 行（第 ${at} 字节）不是有效的 UTF-8 文本 (invalid UTF-8 at line ${line}, byte ${at})`,
    );
  }
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or the length. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    const c1 = b[i + 1] ?? 0;
    // The second byte's narrower ranges: no overlong forms, no surrogates, nothing above U+10FFFF.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (n > 0 && (c1 < lo || c1 > hi)) return i;
    for (let k = 2; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

/** Parses, migrates and validates library.json (its text, or its bytes read strictly as UTF-8); throws StoreReadError. */
export function decodeStore(input: string | Uint8Array, now: Date): { data: StoreData; from: number } {
  const text = typeof input === 'string' ? input : storeText(input);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new StoreReadError('corrupt', `it is not valid JSON (${(e as Error).message})`);
  }
  let migrated: { data: unknown; from: number };
  try {
    migrated = migrate(raw, now);
  } catch (e) {
    if (e instanceof MigrationError) throw new StoreReadError(e.kind === 'too_new' ? 'too_new' : 'corrupt', e.message);
    throw new StoreReadError('corrupt', `migration failed (${(e as Error).message})`);
  }
  const parsed = storeDataSchema.safeParse(migrated.data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = zodMessage({ ...parsed.error, issues: issues.slice(0, 5) } as z.ZodError);
    throw new StoreReadError(
      'corrupt',
      `it does not match the library schema: ${shown}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`,
    );
  }
  return { data: parsed.data, from: migrated.from };
}

/**
 * What to do about a library file that is gone or unreadable, in steps every program can follow: the app restores
 * from 设置 → 备份; a CLI user copies the backup by hand (the CLI has no restore command, so none is named).
 */
export function recoverySteps(dataDir: string, backups: { name: string }[]): string {
  const newest = backups[backups.length - 1];
  const store = join(dataDir, STORE_FILE);
  if (!newest)
    return (
      `没有备份：请修复移开的文件后改名为 ${STORE_FILE}；要重新开始，把移开的文件移出数据文件夹。` +
      ` (No backup: repair the moved file and rename it ${STORE_FILE}, or move it out of the folder to start anew.)`
    );
  return (
    `数据文件夹里有 ${backups.length} 个备份，最新的是 backups/${newest.name}：在应用的「设置 → 备份」中恢复它；` +
    `只用命令行时，先关闭其他 BidForge 程序，再把它复制为 ${store}。` +
    ` (${backups.length} backup(s); restore the newest, backups/${newest.name}, in the app under 设置 → 备份,` +
    ` or copy it to ${store} while no other BidForge program runs.)`
  );
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 2 : 0);

/** Why a library file is not opened at all: too big to read without freezing the program. The file is not touched. */
export function tooLarge(path: string, size: number, limit: number): StoreReadError {
  return new StoreReadError(
    'too_large',
    `条款库文件 ${path} 有 ${mb(size)} MB，超过可打开的上限 ${mb(limit)} MB；为免程序长时间无响应，没有打开它，文件原样保留。` +
      `正常的条款库（一万条条款）约 10 MB：请检查它是否被写入了异常内容，或在「设置 → 备份」中恢复备份。` +
      ` (${path} is ${mb(size)} MB, over the ${mb(limit)} MB BidForge opens, so it was not read, and left as it is.)`,
  );
}

/** Turns a StoreReadError into the error the user sees; a corrupt file is moved aside first (never deleted). */
export async function readFailure(e: unknown, dataDir: string, now: Date): Promise<unknown> {
  if (!(e instanceof StoreReadError)) return e;
  if (e.kind === 'too_new')
    return new BidForgeError(
      'store_too_new',
      `${STORE_FILE} cannot be opened: ${e.reason}. Update BidForge; the file was left as it is.`,
    );
  if (e.kind === 'too_large') return new BidForgeError('store_too_large', e.reason);
  const aside = await moveAside(dataDir, now);
  return new BidForgeError(
    'store_corrupt',
    `条款库文件 ${join(dataDir, STORE_FILE)} 无法读取：${e.reason}。它已原样移到 ${aside}，没有删除或覆盖任何内容。` +
      ` (${STORE_FILE} could not be read: ${e.reason}. It was moved aside as ${aside}; nothing was deleted.) ` +
      recoverySteps(dataDir, await listBackups(dataDir)),
    [{ severity: 'error', code: 'store_corrupt', message: `${STORE_FILE} → ${aside}: ${e.reason}`, file: aside }],
  );
}
