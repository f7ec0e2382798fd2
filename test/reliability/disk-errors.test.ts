// 磁盘已满或只读时保存: a clear error naming the problem, library.json left exactly as it was, nothing half-written.
//
// Real failures where the machine allows them: as root (CI here runs as root) a 320 KB tmpfs gives a real ENOSPC,
// and remounting it read-only a real EROFS. chmod 0555 would not do: root writes through it. Where mounting is not
// allowed, those tests are skipped and the injected ones below still cover the same error path: the write of the
// temp file fails inside atomicWrite exactly as ENOSPC/EROFS would (FileHandle.prototype.writeFile is replaced for
// the duration of one test; no production code has a test hook).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openStore, type LibraryStore } from '@core/library/store/index.js';
import { failingWrites } from './helpers.js';

const mounts: string[] = [];
const opened: LibraryStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => {});
});
afterAll(() => {
  for (const m of mounts) spawnSync('umount', ['-l', m]);
  for (const m of mounts) rmSync(m, { recursive: true, force: true });
});

function tmpfs(sizeKb: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'bf-disk-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  mounts.push(dir);
  return dir;
}
const canMount = (() => {
  const d = tmpfs(64);
  return d !== null;
})();

async function seeded(dir: string): Promise<LibraryStore> {
  const s = await openStore({ dataDir: dir, program: 'app', backupsKept: 2 });
  opened.push(s);
  await s.createClause(
    { id: 'warranty', category: '保修', title: '保修条款', docTypes: ['service-plan'], body: '整机保修三年。' },
    '法务部',
  );
  return s;
}
const files = (dir: string) => readdirSync(dir).sort();
const bigBody = '压缩机包修六年，其他部件保修三年。'.repeat(4000); // ~200 KB as UTF-8

describe.skipIf(!canMount)('磁盘已满 (real ENOSPC on a small tmpfs)', () => {
  it('says the disk is full, keeps library.json as it was, and saves once there is room again', async () => {
    const dir = tmpfs(1200)!;
    const s = await seeded(dir);
    const before = readFileSync(join(dir, 'library.json'), 'utf8');
    const { bavail, bsize } = statfsSync(dir);
    writeFileSync(join(dir, 'filler.bin'), Buffer.alloc(bavail * bsize - 64 * 1024)); // leave 64 KB
    await expect(
      s.editVariant('warranty', '标准', { body: bigBody, changeNote: '加长' }, '法务部'),
    ).rejects.toMatchObject({
      code: 'store_write_failed',
      message: expect.stringMatching(
        /条款库无法保存到 .*：磁盘已满（ENOSPC）。library\.json 保持原样，本次修改没有保存/,
      ),
      problems: [{ params: { why: 'save', reasonEn: 'the disk is full (ENOSPC)' } }],
    });
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(before);
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await s.getClause('warranty'))?.variants[0]?.versions).toHaveLength(1); // memory went back too

    rmSync(join(dir, 'filler.bin'));
    await s.editVariant('warranty', '标准', { body: bigBody, changeNote: '加长' }, '法务部');
    expect((await s.getClause('warranty'))?.variants[0]?.versions).toHaveLength(2);
  });
});

describe.skipIf(!canMount)('磁盘在保存与备份之间写满 (real ENOSPC)', () => {
  it('the change is saved, and the error says only its backup copy is missing', async () => {
    const dir = tmpfs(1200)!;
    const s = await seeded(dir);
    const { bavail, bsize } = statfsSync(dir);
    // Room for the new ~200 KB library.json, but not for it and its backup copy as well.
    writeFileSync(join(dir, 'filler.bin'), Buffer.alloc(bavail * bsize - 300 * 1024));
    await expect(
      s.editVariant('warranty', '标准', { body: bigBody, changeNote: '加长' }, '法务部'),
    ).rejects.toMatchObject({
      code: 'backup_failed',
      message: expect.stringMatching(/修改已保存到 library\.json，但它在 .* 中的备份副本无法写入：磁盘已满（ENOSPC）/),
      problems: [{ params: { reasonEn: 'the disk is full (ENOSPC)' } }],
    });
    expect(JSON.parse(readFileSync(join(dir, 'library.json'), 'utf8')).clauses[0].variants[0].versions).toHaveLength(2);
    expect((await s.getClause('warranty'))?.variants[0]?.versions).toHaveLength(2); // memory agrees with the disk
  });
});

describe.skipIf(!canMount)('只读文件夹 (real EROFS: the tmpfs remounted read-only)', () => {
  it('a store holding the lock says the folder is read-only and leaves the file as it was', async () => {
    const dir = tmpfs(512)!;
    const s = await seeded(dir);
    const before = readFileSync(join(dir, 'library.json'), 'utf8');
    expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
    try {
      await expect(s.markReviewed('warranty', '法务部')).rejects.toMatchObject({
        code: 'store_write_failed',
        message: expect.stringMatching(/只读的文件系统（EROFS）/),
      });
      expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(before);
    } finally {
      spawnSync('mount', ['-o', 'remount,rw', dir]);
    }
  });

  it('another program opening the read-only folder can read, and is told why it cannot write', async () => {
    const dir = tmpfs(512)!;
    const s = await seeded(dir);
    await s.close();
    expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
    try {
      const other = await openStore({ dataDir: dir, program: 'CLI' });
      opened.push(other);
      expect((await other.getClause('warranty'))?.title).toBe('保修条款');
      await expect(other.markReviewed('warranty', '法务部')).rejects.toMatchObject({
        code: 'store_write_failed',
        message: expect.stringMatching(/无法创建它的锁文件 .*：所在文件夹是只读的文件系统（EROFS）/),
        problems: [{ params: { why: 'lock', reasonEn: 'the folder is on a read-only file system (EROFS)' } }],
      });
    } finally {
      spawnSync('mount', ['-o', 'remount,rw', dir]);
    }
  });
});

describe('保存失败 (injected into the temp-file write, on every machine)', () => {
  it.each([
    ['ENOSPC', /磁盘已满（ENOSPC）/],
    ['EROFS', /只读的文件系统（EROFS）/],
    ['EIO', /磁盘读写错误（EIO）/],
  ])('%s: a clear error, the old file intact, no temp file, and the store still works', async (code, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'bf-inject-'));
    mounts.push(dir); // removed after the file (umount fails harmlessly on a plain folder)
    const s = await seeded(dir);
    const before = readFileSync(join(dir, 'library.json'), 'utf8');
    const err = await failingWrites(code, () =>
      s.editVariant('warranty', '标准', { body: '新正文', changeNote: '改' }, '法务部'),
    );
    expect(err).toMatchObject({ code: 'store_write_failed', message: expect.stringMatching(message) });
    expect(String((err as Error).message)).not.toMatch(/\n\s+at /); // no stack trace in the message
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(before);
    expect(files(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await s.getClause('warranty'))?.variants[0]?.versions).toHaveLength(1);
    await s.editVariant('warranty', '标准', { body: '新正文', changeNote: '改' }, '法务部');
    expect((await s.getClause('warranty'))?.variants[0]?.versions).toHaveLength(2);
  });
});
