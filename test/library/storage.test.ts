import { spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, openStore, restoreNewestBackup, STORE_SCHEMA_VERSION } from '@core/library/store/index.js';
import { approvedClause, open, tempDir, testClock, track, WARRANTY_BODY, realTemplates } from './helpers.js';

const files = async (dir: string) => (await readdir(dir)).sort();
/** The lock claims in the data folder (library.locks/<token>.json). */
const claims = async (dir: string) =>
  (await readdir(join(dir, 'library.locks')).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));

describe('写入：原子写与备份', () => {
  it('writes library.json with schemaVersion and leaves no temp files', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    const json = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    expect(json.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    expect(json.clauses[0].id).toBe('warranty');
    expect((await files(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps a backup of each state written, the newest 10 only, the newest equal to library.json', async () => {
    const c = testClock();
    const dir = await tempDir();
    const store = await open(dir, { clock: c.clock });
    for (let i = 0; i < 14; i++) {
      c.advanceMs(1000);
      await store.createClause(
        { id: `clause-${i}`, category: '测试', title: `条款${i}`, docTypes: ['service-plan'], body: `第${i}条。` },
        '张律师',
      );
    }
    const backups = await listBackups(dir);
    expect(backups.length).toBe(10);
    expect(backups[9]!.name).toBe('library-20260501T080014000Z.json');
    expect(await readFile(backups[9]!.path, 'utf8')).toBe(await readFile(join(dir, 'library.json'), 'utf8'));
    expect(JSON.parse(await readFile(backups[0]!.path, 'utf8')).clauses.length).toBe(5);
  });

  it('backups written in the same millisecond get distinct names', async () => {
    const dir = await tempDir();
    const store = await open(dir); // the clock stands still: creation, create, submit, approve
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    expect((await listBackups(dir)).map((b) => b.name)).toEqual([
      'library-20260501T080000000Z.json',
      'library-20260501T080000000Z-2.json',
      'library-20260501T080000000Z-3.json',
      'library-20260501T080000000Z-4.json',
    ]);
  });

  it('notices a change made by another program and re-reads before answering', async () => {
    const dir = await tempDir();
    const a = await open(dir);
    await approvedClause(a, 'warranty', WARRANTY_BODY);
    await a.close();
    const b = await open(dir, { program: 'CLI' });
    const reader = await open(dir); // opened before the change, never writes
    expect((await reader.listClauses()).length).toBe(1);
    await b.createClause(
      { id: 'fees', category: '收费', title: '收费', docTypes: ['service-plan'], body: '按成本价。' },
      '王',
    );
    expect((await reader.listClauses()).map((r) => r.clauseId).sort()).toEqual(['fees', 'warranty']);
  });

  it('notices even a change that keeps the file size, made twice in quick succession', async () => {
    const c = testClock();
    const dir = await tempDir();
    const writer = await open(dir, { clock: c.clock });
    await approvedClause(writer, 'warranty', WARRANTY_BODY);
    const reader = await open(dir);
    expect((await reader.getClause('warranty'))!.lastReviewedAt).toBe('2026-05-01T08:00:00.000Z');
    c.set('2026-05-02T08:00:00.000Z');
    await writer.markReviewed('warranty', '王');
    c.set('2026-05-03T08:00:00.000Z');
    await writer.markReviewed('warranty', '王');
    expect((await reader.getClause('warranty'))!.lastReviewedAt).toBe('2026-05-03T08:00:00.000Z');
  });
});

describe('锁：同一时间只有一个写入者', () => {
  it('a second writer in this process is told who holds the store, and nothing is written', async () => {
    const dir = await tempDir();
    const app = await open(dir, { program: 'app' });
    await approvedClause(app, 'warranty', WARRANTY_BODY);
    const cli = await open(dir, { program: 'CLI' });
    const before = await readFile(join(dir, 'library.json'), 'utf8');
    await expect(cli.markReviewed('warranty', '王')).rejects.toMatchObject({
      code: 'store_locked',
      message: `条款库正被 app（进程 ${process.pid}）使用，自 2026-05-01T08:00:00.000Z 起`,
      problems: [
        {
          code: 'store_locked',
          params: { program: 'app', pid: process.pid, since: '2026-05-01T08:00:00.000Z', file: expect.any(String) },
        },
      ],
    });
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(before);
    expect(await cli.lockHolder()).toMatchObject({ program: 'app', pid: process.pid, host: hostname() });
    // reading is always allowed
    expect((await cli.listClauses()).length).toBe(1);
    await app.close();
    await cli.markReviewed('warranty', '王');
  });

  it('a lock held by a live process of another program is respected (simulated pid)', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'library.lock'),
      JSON.stringify({ pid: 424242, host: hostname(), program: 'CLI', since: '2026-04-30T09:00:00.000Z', token: 't' }),
    );
    await expect(open(dir, { identity: { isAlive: (pid) => pid === 424242 } })).rejects.toMatchObject({
      code: 'store_locked',
      message: '条款库正被 BidForge 命令行（进程 424242）使用，自 2026-04-30T09:00:00.000Z 起',
    });
    expect((await files(dir)).filter((f) => f !== 'library.locks')).toEqual(['library.lock']); // no library.json was created
    expect(await claims(dir)).toEqual([]); // and our claim was taken back
  });

  it('a stale lock (its process is gone) is taken over', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'library.lock'),
      JSON.stringify({ pid: 424242, host: hostname(), program: 'CLI', since: '2026-04-30T09:00:00.000Z', token: 't' }),
    );
    const store = await open(dir, { identity: { isAlive: () => false } });
    expect(store.holdsLock).toBe(true);
    expect(await store.lockHolder()).toMatchObject({ pid: process.pid, program: 'app' });
  });

  it('a lock taken before this machine last booted is stale even if its pid is alive again', async () => {
    const dir = await tempDir();
    const old = {
      pid: 424242,
      host: hostname(),
      program: 'app',
      since: '2026-04-30T09:00:00.000Z',
      token: 't',
      bootedAt: '2026-04-30T08:00:00.000Z',
    };
    await writeFile(join(dir, 'library.lock'), JSON.stringify(old));
    const alive = { isAlive: () => true };
    await expect(open(dir, { identity: { ...alive, bootedAt: '2026-04-30T08:01:00.000Z' } })).rejects.toMatchObject({
      code: 'store_locked',
    }); // same boot
    const store = await open(dir, { identity: { ...alive, bootedAt: '2026-05-01T07:00:00.000Z' } });
    expect(store.holdsLock).toBe(true);
  });

  it('a lock from another host is respected and named', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'library.lock'),
      JSON.stringify({ pid: 7, host: 'legal-pc', program: 'app', since: '2026-04-30T09:00:00.000Z', token: 't' }),
    );
    await expect(open(dir, { identity: { isAlive: () => false } })).rejects.toMatchObject({
      code: 'store_locked',
      message: '条款库正被 app（进程 7，计算机 legal-pc）使用，自 2026-04-30T09:00:00.000Z 起',
      problems: [{ params: { program: 'app', pid: 7, host: 'legal-pc' } }],
    });
  });

  it('close() removes our lock file', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    expect(await claims(dir)).toHaveLength(1);
    await store.close();
    expect(await claims(dir)).toEqual([]);
    await expect(store.listClauses()).rejects.toMatchObject({ code: 'store_closed' });
  });

  it('a second program (a real process) holding the store blocks our writes until it dies', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await store.close();
    const mine = track(await openStore({ dataDir: dir, program: 'app' }));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join('test', 'library', 'fixtures', 'holdLock.ts'), dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        let err = '';
        child.stdout.on('data', (b: Buffer) => b.toString().includes('ready') && resolve());
        child.stderr.on('data', (b: Buffer) => (err += b.toString()));
        child.on('exit', (code) => reject(new Error(`holder exited with ${code}: ${err}`)));
      });
      await expect(mine.markReviewed('warranty', '王')).rejects.toMatchObject({
        code: 'store_locked',
        message: expect.stringMatching(new RegExp(`^条款库正被 BidForge 命令行（进程 ${child.pid}）使用，自 `)),
      });
      // its write is visible to us
      expect((await mine.listClauses()).map((r) => r.clauseId).sort()).toEqual(['from-cli', 'warranty']);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    // the holder died without releasing: its lock is stale now
    await mine.markReviewed('warranty', '王');
    expect(await mine.lockHolder()).toMatchObject({ pid: process.pid, program: 'app' });
  }, 20_000);
});

describe('损坏的库文件', () => {
  it('a file that is not JSON is moved aside with the reason, never overwritten, and the newest backup restores it', async () => {
    const c = testClock();
    const dir = await tempDir();
    const store = await open(dir, { clock: c.clock });
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await store.close();
    await writeFile(join(dir, 'library.json'), '{"schemaVersion": 2, "clauses": [');
    c.advanceDays(1);
    const err = await openStore({ dataDir: dir, program: 'app', clock: c.clock }).catch((e) => e);
    expect(err).toMatchObject({ code: 'store_corrupt', message: expect.stringContaining('它不是有效的 JSON') });
    expect(err.problems[0].params).toMatchObject({ reasonEn: expect.stringMatching(/^it is not valid JSON/) });
    expect(err.message).toContain('library.corrupt-20260502T080000000Z.json');
    expect(await readFile(join(dir, 'library.corrupt-20260502T080000000Z.json'), 'utf8')).toBe(
      '{"schemaVersion": 2, "clauses": [',
    );
    expect(await files(dir)).not.toContain('library.json');
    // a missing library with backups around is not silently replaced by a new one
    await expect(openStore({ dataDir: dir, program: 'app', clock: c.clock })).rejects.toMatchObject({
      code: 'store_missing',
      message: expect.stringContaining('library.corrupt-20260502T080000000Z.json'),
    });
    const restored = await restoreNewestBackup({ dataDir: dir, program: 'app', clock: c.clock });
    expect(restored.restoredFrom).toMatch(/^library-20260501T080000000Z/);
    const again = track(await openStore({ dataDir: dir, program: 'app', clock: c.clock }));
    expect((await again.history('warranty'))[0]!.status).toBe('approved');
    expect(await files(dir)).toContain('library.corrupt-20260502T080000000Z.json'); // still kept
  });

  it('a file that parses but does not validate is moved aside and the error says which field', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await store.close();
    const json = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'));
    json.clauses[0].variants[0].versions[0].status = 'finished';
    await writeFile(join(dir, 'library.json'), JSON.stringify(json));
    await expect(openStore({ dataDir: dir, program: 'app' })).rejects.toMatchObject({
      code: 'store_corrupt',
      message: expect.stringContaining('clauses.0.variants.0.versions.0.status'),
    });
    expect((await files(dir)).some((f) => /^library\.corrupt-.*\.json$/.test(f))).toBe(true);
  });

  it('restore skips backups that are themselves bad, and keeps the replaced file', async () => {
    const c = testClock();
    const dir = await tempDir();
    const store = await open(dir, { clock: c.clock });
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await store.close();
    const backups = await listBackups(dir);
    await writeFile(backups[backups.length - 1]!.path, 'garbage');
    await writeFile(join(dir, 'library.json'), 'also garbage');
    const r = await restoreNewestBackup({ dataDir: dir, program: 'app', clock: c.clock });
    expect(r.restoredFrom).toBe(backups[backups.length - 2]!.name);
    expect(r.replaced?.movedAsideAs).toMatch(/^library\.replaced-/);
    const s = track(await openStore({ dataDir: dir, program: 'app', clock: c.clock }));
    expect((await s.history('warranty'))[0]!.status).toBe('in_review'); // the state before the last write
  });

  it('after a corrupt file was moved aside, startFresh begins a new library and keeps the bad file', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await store.close();
    await writeFile(join(dir, 'library.json'), '');
    await expect(openStore({ dataDir: dir, program: 'app' })).rejects.toMatchObject({ code: 'store_corrupt' });
    const fresh = track(
      await openStore({ dataDir: dir, program: 'app', startFresh: true, templatesDir: await realTemplates() }),
    );
    expect(fresh.openReport.created).toBe(true);
    expect((await files(dir)).filter((f) => f.startsWith('library.corrupt-')).length).toBe(1);
  });

  it('with no backup at all, restore says so', async () => {
    await expect(restoreNewestBackup({ dataDir: await tempDir(), program: 'app' })).rejects.toMatchObject({
      code: 'no_backup',
    });
  });

  it('a file corrupted while the store is open is reported on the next read', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await writeFile(join(dir, 'library.json'), 'not json at all, and longer than before');
    await expect(store.listClauses()).rejects.toMatchObject({ code: 'store_corrupt' });
    // our in-memory library is intact; the next write puts it back (the bad file stays aside)
    await store.markReviewed('warranty', '王');
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).clauses.length).toBe(1);
  });
});

describe('结构版本与迁移', () => {
  const v1 = {
    schemaVersion: 1,
    clauses: [
      {
        id: 'warranty',
        category: '保修条款',
        title: '保修条款',
        tags: ['保修'],
        docTypes: ['service-plan'],
        variants: [
          {
            name: '标准',
            versions: [
              {
                version: 1,
                body: WARRANTY_BODY,
                variables: [],
                status: 'approved',
                author: '张律师',
                reviewer: '李主任',
                createdAt: '2025-01-02T00:00:00.000Z',
                decidedAt: '2025-01-05T00:00:00.000Z',
                changeNote: '初版',
              },
            ],
          },
        ],
      },
    ],
    blueprints: [],
    projects: [
      {
        projectId: 'p1',
        name: '某医院项目',
        updatedAt: '2025-03-01T00:00:00.000Z',
        pins: [{ clauseId: 'warranty', variant: '标准', version: 1 }],
      },
    ],
  };

  it('a schema-1 file is migrated to the current schema on open, and the original is kept in backups/', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'library.json'), JSON.stringify(v1));
    const store = await open(dir);
    expect(store.openReport).toMatchObject({
      created: false,
      migratedFrom: 1,
      preMigrationCopy: 'library-v1-premigration-20260501T080000000Z.json',
    });
    expect(await store.getClause('warranty')).toMatchObject({
      owner: '张律师',
      reviewIntervalMonths: 12,
      lastReviewedAt: '2025-01-05T00:00:00.000Z',
    });
    expect((await store.history('warranty'))[0]!.origin).toBe('user');
    expect(await store.getProject('p1')).toEqual({
      projectId: 'p1',
      name: '某医院项目',
      lastUsedAt: '2025-03-01T00:00:00.000Z',
      pins: [{ clauseId: 'warranty', variant: '标准', version: 1, pinnedAt: '2025-03-01T00:00:00.000Z' }],
    });
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).schemaVersion).toBe(STORE_SCHEMA_VERSION);
    expect(
      JSON.parse(await readFile(join(dir, 'backups', 'library-v1-premigration-20260501T080000000Z.json'), 'utf8')),
    ).toEqual(v1);
  });

  it('a file from a newer BidForge is refused and left untouched', async () => {
    const dir = await tempDir();
    const text = JSON.stringify({ schemaVersion: 99, clauses: [] });
    await writeFile(join(dir, 'library.json'), text);
    await expect(open(dir)).rejects.toMatchObject({
      code: 'store_too_new',
      message: expect.stringContaining('条款库格式第 99 版'),
      problems: [{ params: { schema: 99, max: STORE_SCHEMA_VERSION } }],
    });
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(text);
    expect((await stat(join(dir, 'library.json'))).isFile()).toBe(true);
  });
});
