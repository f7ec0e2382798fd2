// The network is not to be trusted: a server restarting in the middle of a pull, a response lost after the server
// committed, no server at all. The local library keeps working and the next sync finishes the job, exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readState } from '@core/teamSync/state.js';
import { watchLibrary } from '@core/teamSync/watch.js';
import { startServer } from '../../server/main.js';
import { clauseInput, newClient, skipReason, startTeam, type TestTeam } from './helpers.js';

describe.skipIf(skipReason)('团队库在网络故障下', () => {
  let team: TestTeam;
  const N = 30;
  beforeAll(async () => {
    team = await startTeam();
    const w = await team.client('张三');
    for (let i = 1; i <= N; i++) {
      const ref = await w.store.createClause(clauseInput(`item-${i}`, `第 ${i} 项服务承诺的正文。`), '张三');
      await w.store.submit(ref, '张三');
    }
    expect((await w.sync()).pushed).toBe(N);
    const legal = await team.client('王律师');
    for (let i = 1; i <= N; i++)
      await legal.api.decide({ clauseId: `item-${i}`, variant: '标准', version: 1, action: 'approve' });
  });
  afterAll(async () => {
    await team?.close();
  });

  it('拉取途中服务器重启：已拉到的保留，重启后从断点继续，不重复', async () => {
    const port = Number(new URL(team.server.url).port);
    let pages = 0;
    const c = await team.client('李四');
    const stopping: Promise<void>[] = [];
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).includes('/v1/pull') && ++pages === 3) stopping.push(team.server.close());
      await Promise.all(stopping);
      return fetch(input, init);
    };
    const first = await c.sync({ pageSize: 5, applyEvery: 5, fetch: flaky });
    expect(first.ok).toBe(false);
    expect(first.error?.code).toBe('offline');
    const kept = (await c.store.listClauses({})).length;
    expect(kept).toBe(10);
    expect((await readState(c.dataDir, team.server.url)).cursor).toBe(first.cursor);

    team.server = await startServer({ db: team.db.url, port, log: () => undefined });
    expect(team.server.migrated).toEqual([]); // the schema was already there: nothing applied twice
    const second = await c.sync({ pageSize: 5 });
    expect(second.ok).toBe(true);
    expect(second.pulled).toBe(N - 10);
    const all = await c.store.listClauses({});
    expect(all.length).toBe(N);
    for (const row of all) expect([row.latest.version, row.latest.status]).toEqual([1, 'approved']);
  });

  it('推送的回应在路上丢失：重试时服务器认出同一提议，不会出现两份', async () => {
    const w = await team.client('李四');
    const ref = await w.store.createClause(clauseInput('lost-reply', '质保期满后提供有偿维修服务。'), '李四');
    await w.store.submit(ref, '李四');
    const dropping: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).includes('/v1/push')) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return res;
    };
    const lost = await w.sync({ fetch: dropping });
    expect([lost.ok, lost.error?.code]).toEqual([false, 'offline']);
    const again = await w.sync();
    expect([again.ok, again.pushed]).toEqual([true, 1]);
    const legal = await team.client('王律师');
    const queued = (await legal.api.review()).filter((q) => q.clauseId === 'lost-reply');
    expect(queued.length).toBe(1);
  });

  it('本应用存不下的变更（如更新版本的格式）被跳过并说明，其余照常到达，游标前进', async () => {
    const legalId = (await team.server.pool.query(`SELECT id FROM users WHERE name = '王律师'`)).rows[0].id;
    const writerId = (await team.server.pool.query(`SELECT id FROM users WHERE name = '张三'`)).rows[0].id;
    await team.server.pool.query(
      `INSERT INTO versions (clause_id, variant, version, body, variables, change_note, status, author_id, reviewer_id,
                             client_key, decided_at)
       VALUES ('item-1', '标准', 2, '新格式的正文', '[{"key": "Bad Key", "type": "hologram"}]', '', 'approved', $1, $2,
               'future-format', now())`,
      [writerId, legalId],
    );
    const c = await team.client('李四');
    const r = await c.sync();
    expect(r.ok).toBe(true);
    expect(r.applied.skipped).toEqual([{ what: 'item-1/标准 v2', why: expect.stringContaining('variables') }]);
    expect((await c.store.listClauses({})).length).toBeGreaterThanOrEqual(N);
    expect((await c.sync()).pulled).toBe(0); // not stuck on it
  });

  it('没有服务器时照常工作：同步报告离线，本地仍可编辑，错误记入同步状态', async () => {
    const c = await newClient('http://127.0.0.1:9', team.token('张三'));
    const r = await c.sync();
    expect([r.ok, r.error?.code]).toEqual([false, 'offline']);
    const ref = await c.store.createClause(clauseInput('offline-edit', '离线时写下的条款草稿。'), '张三');
    expect((await c.store.getClause(ref.clauseId))?.variants[0]?.versions[0]?.status).toBe('draft');
    expect((await readState(c.dataDir, 'http://127.0.0.1:9')).lastError?.code).toBe('offline');
  });

  it('订阅的客户端在法务批准后立即收到新版本', async () => {
    const sub = await team.client('李四');
    const reports: boolean[] = [];
    const watcher = watchLibrary(sub.store, {
      url: team.server.url,
      token: team.token('李四'),
      dataDir: sub.dataDir,
      waitMs: 20_000,
      onReport: (r) => reports.push(r.ok),
    });
    try {
      await expect.poll(() => reports.length, { timeout: 20_000 }).toBeGreaterThan(0);
      const w = await team.client('张三');
      const ref = await w.store.createClause(clauseInput('live-change', '节假日照常提供服务。'), '张三');
      await w.store.submit(ref, '张三');
      await w.sync();
      await (await team.client('李律师')).api.decide({
        clauseId: 'live-change',
        variant: '标准',
        version: 1,
        action: 'approve',
      });
      await expect
        .poll(async () => (await sub.store.getClause('live-change'))?.variants[0]?.versions[0]?.status, {
          timeout: 10_000,
        })
        .toBe('approved');
    } finally {
      await watcher.stop();
    }
    expect(reports.every(Boolean)).toBe(true);
  });
});
