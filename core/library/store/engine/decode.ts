// Reading library.json: parse, migrate, validate. A file that fails is reported in plain words, never repaired.
import { join } from 'node:path';
import { BidForgeError } from '@core/model/problem.js';
import { jsonWhere, zodDetail } from '../../../model/zodDetail.js';
import { storeDataSchema, type StoreData } from '../schema.js';
import { listBackups, moveAside, STORE_FILE } from './files.js';
import { migrate, MigrationError } from './migrations.js';

/** Why the file cannot be read: reason in Chinese, reasonEn in English, params the details both name. */
export class StoreReadError extends Error {
  constructor(
    readonly kind: 'corrupt' | 'too_new' | 'too_large',
    readonly reason: string,
    readonly reasonEn: string = reason,
    readonly params: Record<string, string | number> = {},
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
      `第 ${line} 行（第 ${at} 字节）不是有效的 UTF-8 文本`,
      `line ${line} (byte ${at}) is not valid UTF-8 text`,
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
  const json = text.replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(json);
  } catch (e) {
    const where = jsonWhere(json, e);
    throw new StoreReadError('corrupt', `它不是有效的 JSON${where.zh}`, `it is not valid JSON${where.en}`);
  }
  let migrated: { data: unknown; from: number };
  try {
    migrated = migrate(raw, now);
  } catch (e) {
    if (e instanceof MigrationError)
      throw new StoreReadError(e.kind === 'too_new' ? 'too_new' : 'corrupt', e.message, e.messageEn, e.params);
    const why = (e as Error).message;
    throw new StoreReadError('corrupt', `升级格式失败（${why}）`, `the migration failed (${why})`);
  }
  const parsed = storeDataSchema.safeParse(migrated.data, { reportInput: true });
  if (!parsed.success) {
    const d = zodDetail(parsed.error);
    throw new StoreReadError(
      'corrupt',
      `内容与条款库的格式不符：${d.detail}`,
      `it does not match the library schema: ${d.detailEn}`,
    );
  }
  return { data: parsed.data, from: migrated.from };
}

/**
 * What to do about a library file that is gone or unreadable, in steps every program can follow: the app restores
 * from 设置 → 条款库备份; a CLI user copies the backup by hand (the CLI has no restore command, so none is named).
 * The params carry the same for the English wording (storeText.ts).
 */
export function recoverySteps(
  dataDir: string,
  backups: { name: string }[],
): { text: string; params: Record<string, string | number> } {
  const newest = backups[backups.length - 1];
  const store = join(dataDir, STORE_FILE);
  if (!newest)
    return {
      text: `没有备份：请修复移开的文件后改名为 ${STORE_FILE}；要重新开始，把移开的文件移出数据文件夹。`,
      params: { storeName: STORE_FILE, store, backups: 0 },
    };
  return {
    text:
      `数据文件夹里有 ${backups.length} 个备份，最新的是 backups/${newest.name}：在应用的「设置 → 条款库备份」中恢复它；` +
      `只用命令行时，先关闭其他 BidForge 程序，再把它复制为 ${store}。`,
    params: { storeName: STORE_FILE, store, backups: backups.length, newest: newest.name },
  };
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 2 : 0);

/** Why a library file is not opened at all: too big to read without freezing the program. The file is not touched. */
export function tooLarge(path: string, size: number, limit: number): StoreReadError {
  const reason =
    `条款库文件 ${path} 有 ${mb(size)} MB，超过可打开的上限 ${mb(limit)} MB；为免程序长时间无响应，没有打开它，文件原样保留。` +
    `正常的条款库（一万条条款）约 10 MB：请检查它是否被写入了异常内容，或在「设置 → 条款库备份」中恢复备份。`;
  return new StoreReadError('too_large', reason, reason, { file: path, size: mb(size), limit: mb(limit) });
}

/** Turns a StoreReadError into the error the user sees; a corrupt file is moved aside first (never deleted). */
export async function readFailure(e: unknown, dataDir: string, now: Date): Promise<unknown> {
  if (!(e instanceof StoreReadError)) return e;
  const refused = (code: string, message: string, params: Record<string, string | number>, file?: string) =>
    new BidForgeError(code, message, [
      { severity: 'error', code, message, params, ...(file === undefined ? {} : { file }) },
    ]);
  if (e.kind === 'too_new')
    return refused('store_too_new', `${STORE_FILE} 无法打开：${e.reason}。请升级 BidForge；文件保持原样。`, {
      storeName: STORE_FILE,
      ...e.params,
    });
  if (e.kind === 'too_large') return refused('store_too_large', e.reason, e.params);
  const aside = await moveAside(dataDir, now);
  const file = join(dataDir, STORE_FILE);
  const steps = recoverySteps(dataDir, await listBackups(dataDir));
  return refused(
    'store_corrupt',
    `条款库文件 ${file} 无法读取：${e.reason}。它已原样移到 ${aside}，没有删除或覆盖任何内容。${steps.text}`,
    { file, aside, reason: e.reason, reasonEn: e.reasonEn, ...steps.params },
    aside,
  );
}
