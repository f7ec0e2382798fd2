// Bringing back the newest good backup. Nothing is lost on the way: the current file is backed up or moved aside.
import { join } from 'node:path';
import { BidForgeError } from '@core/model/problem.js';
import { decodeStore, StoreReadError } from './decode.js';
import { identityOf, type EngineOptions } from './engine.js';
import { atomicWrite, listBackups, moveAside, readBytesOrNull, STORE_FILE, writeBackup } from './files.js';
import { StoreLock } from './lock.js';

export type RestoreReport = { restoredFrom: string; replaced?: { movedAsideAs?: string; backedUpAs?: string } };

/**
 * Replaces library.json with the newest backup that parses and validates. The current file, if any, is kept: backed
 * up when it is good, moved aside as library.replaced-<time>.json when it is not. Takes the lock while it works.
 */
export async function restoreNewestBackup(options: EngineOptions): Promise<RestoreReport> {
  const clock = options.clock ?? (() => new Date());
  const lock = new StoreLock(options.dataDir, identityOf(options), clock);
  await lock.acquire();
  try {
    const backups = (await listBackups(options.dataDir)).reverse();
    let chosen: { name: string; bytes: Buffer } | undefined;
    const skipped: { zh: string; en: string }[] = [];
    for (const b of backups) {
      const bytes = await readBytesOrNull(b.path);
      if (bytes === null) continue;
      try {
        decodeStore(bytes, clock());
        chosen = { name: b.name, bytes };
        break;
      } catch (e) {
        const en = e instanceof StoreReadError ? e.reasonEn : (e as Error).message;
        skipped.push({ zh: `${b.name}：${(e as Error).message}`, en: `${b.name}: ${en}` });
      }
    }
    if (!chosen) {
      const read = skipped.map((x) => x.zh).join('；');
      const message = backups.length ? `没有一个备份能读取（${read}）` : '数据文件夹里没有备份';
      const params: Record<string, string> = backups.length
        ? { skipped: read, skippedEn: skipped.map((x) => x.en).join('; ') }
        : {};
      throw new BidForgeError('no_backup', message, [{ severity: 'error', code: 'no_backup', message, params }]);
    }
    const path = join(options.dataDir, STORE_FILE);
    const current = await readBytesOrNull(path);
    const report: RestoreReport = { restoredFrom: chosen.name };
    if (current !== null && !current.equals(chosen.bytes)) {
      let good = true;
      try {
        decodeStore(current, clock());
      } catch {
        good = false;
      }
      report.replaced = good
        ? { backedUpAs: await writeBackup(options.dataDir, current, clock(), Number.POSITIVE_INFINITY) }
        : { movedAsideAs: await moveAside(options.dataDir, clock(), 'replaced') };
    }
    await atomicWrite(path, chosen.bytes, { beforeCommit: () => lock.assertHeld() });
    return report;
  } finally {
    await lock.release();
  }
}
