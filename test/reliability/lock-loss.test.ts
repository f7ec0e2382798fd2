// 锁丢了就不能报"已保存": a save whose lock was deleted or taken by something else fails loudly and changes nothing;
// Ctrl+C (SIGINT) or SIGTERM during a save leaves no lock behind.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEGACY_LOCK_FILE, LOCK_DIR, openStore } from '@core/library/store/index.js';
import { bundle, startNode, waitForLine } from './helpers.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function dataDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'bf-locklost-'));
  dirs.push(d);
  return d;
}
const claims = (dir: string) => readdirSync(join(dir, LOCK_DIR)).filter((n) => n.endsWith('.json'));
const locksLeft = (dir: string) => [...claims(dir), ...readdirSync(dir).filter((n) => n === LEGACY_LOCK_FILE)];

describe('保存时锁已丢失', () => {
  it('when something deletes the lock file, the next save fails with store_lock_lost and the change is not in the file', async () => {
    const dir = await dataDir();
    const store = await openStore({ dataDir: dir, program: 'CLI' });
    await store.createClause(
      { id: 'mine', category: '测试', title: '我的条款', docTypes: ['service-plan'], body: '正文' },
      '张',
    );
    expect(store.holdsLock).toBe(true);
    for (const c of claims(dir)) await unlink(join(dir, LOCK_DIR, c));
    const before = readFileSync(join(dir, 'library.json'), 'utf8');

    await expect(store.updateClauseMeta('mine', { title: '改过的标题' }, '张')).rejects.toMatchObject({
      code: 'store_lock_lost',
      message: expect.stringContaining('没有保存'),
    });
    expect(readFileSync(join(dir, 'library.json'), 'utf8')).toBe(before);
    expect((await store.getClause('mine'))!.title).toBe('我的条款'); // memory went back too
    // Saving again takes a fresh lock: nothing is stuck.
    await store.updateClauseMeta('mine', { title: '改过的标题' }, '张');
    expect((await store.getClause('mine'))!.title).toBe('改过的标题');
    await store.close();
  });

  it('when another program replaced our lock with its own, the save fails loudly instead of overwriting its work', async () => {
    const dir = await dataDir();
    const store = await openStore({ dataDir: dir, program: 'CLI' });
    await store.createClause(
      { id: 'mine', category: '测试', title: '我的条款', docTypes: ['service-plan'], body: '正文' },
      '张',
    );
    const [claim] = claims(dir);
    const path = join(dir, LOCK_DIR, claim!);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), token: 'someone-else' }));
    await expect(store.markReviewed('mine', '张')).rejects.toMatchObject({ code: 'store_lock_lost' });
    await store.close();
  });
});

describe('Ctrl+C 中断保存', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while a program is saving ends it and leaves no lock behind`, async () => {
      const dir = await dataDir();
      const s = await openStore({ dataDir: dir, program: 'test' });
      await s.createClause(
        { id: 'kill-test', category: '测试', title: 'n=0', docTypes: ['service-plan'], body: '初始正文' },
        'test',
      );
      await s.close();
      const saver = await bundle(join(import.meta.dirname, 'fixtures', 'saver.ts'), `saver-${signal}`);
      try {
        const child = startNode(saver, [dir]);
        await waitForLine(child, /^saved 3 /, 30_000); // saving in a loop: the signal lands in or between saves
        expect(locksLeft(dir)).toHaveLength(1);
        child.proc.kill(signal);
        const end = await child.exited;
        expect(end.signal).toBe(signal); // the default action still ends the program
        expect(locksLeft(dir)).toEqual([]);
        const next = await openStore({ dataDir: dir, program: 'app', identity: { isAlive: () => true } }); // no stale lock to judge
        await next.markReviewed('kill-test', '王');
        await next.close();
      } finally {
        await rm(saver, { force: true });
      }
    });
  }
});
