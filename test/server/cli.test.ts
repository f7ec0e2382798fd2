// bidforge server add-user / revoke-user and bidforge library sync, as an admin and a script would run them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@core/library/store/index.js';
import { run } from '../../cli/main.js';
import { tempDir } from '../helpers/tmp.js';
import { clauseInput, skipReason, startTeam, type TestTeam } from './helpers.js';

const cli = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe.skipIf(skipReason)('bidforge server 与 library sync', () => {
  let team: TestTeam;
  beforeAll(async () => {
    team = await startTeam();
  });
  afterAll(async () => {
    await team?.close();
  });

  it('管理员签发令牌（只显示一次），撰写人用它同步；吊销后同步失败并说明原因', async () => {
    const added = await cli(['server', 'add-user', '赵六', '--role', 'writer', '--db', team.db.url]);
    expect(added.code).toBe(0);
    const token = added.out.split('\n').at(-1)!;
    expect(token).toMatch(/^bft_[A-Za-z0-9_-]{40,}$/);
    // Only a hash is kept.
    const stored = await team.server.pool.query('SELECT encode(hash, $1) AS h FROM tokens', ['hex']);
    expect(JSON.stringify(stored.rows)).not.toContain(token);

    const data = tempDir('bf-team-cli-');
    const store = await openStore({ dataDir: data, program: 'test', templatesDir: 'templates' });
    const ref = await store.createClause(clauseInput('cli-clause', '质保期内免费更换损坏部件。'), '赵六');
    await store.submit(ref, '赵六');
    await store.close();
    const synced = await cli(['library', 'sync', '--server', team.server.url, '--token', token, '--data', data]);
    expect(synced).toMatchObject({ code: 0, out: expect.stringMatching(/同步完成：推送 1 个版本/) });

    const json = await cli([
      'library',
      'sync',
      '--server',
      team.server.url,
      '--token',
      token,
      '--data',
      data,
      '--json',
    ]);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, pushed: 0 });

    expect((await cli(['server', 'revoke-user', '赵六', '--db', team.db.url])).code).toBe(0);
    const refused = await cli(['library', 'sync', '--server', team.server.url, '--token', token, '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/同步未完成（本地条款库照常可用，稍后重试）：this token is unknown or revoked/);
  });

  it('法务在命令行上审核：列出待审、批准（本人的不行）、退回，并查看审计记录', async () => {
    const w = await team.client('张三');
    const ref = await w.store.createClause(clauseInput('cli-review', '保修期满前一个月书面提醒用户。'), '张三');
    await w.store.submit(ref, '张三');
    await w.sync();
    const as = (who: string) => ['--server', team.server.url, '--token', team.token(who)];
    const queue = await cli(['library', 'sync', 'review', ...as('王律师')]);
    expect(queue.out).toMatch(/cli-review\t标准\tv1\t张三/);
    const byWriter = await cli(['library', 'sync', 'approve', 'cli-review', '标准', '1', ...as('李四')]);
    expect([byWriter.code, byWriter.err]).toEqual([1, expect.stringContaining('the writer role may not decide')]);
    const ok = await cli(['library', 'sync', 'approve', 'cli-review', '标准', '1', ...as('王律师')]);
    expect(ok).toMatchObject({ code: 0, out: '已批准：cli-review/标准 v1（各应用下次同步时生效）' });
    const history = await cli(['library', 'sync', 'history', 'cli-review', ...as('李律师'), '--json']);
    expect(JSON.parse(history.out).map((h: { action: string; actor: string }) => [h.action, h.actor])).toEqual([
      ['approve', '王律师'],
      ['submit', '张三'],
    ]);
    expect((await cli(['library', 'sync', 'approve', 'cli-review', '标准', 'x', ...as('王律师')])).code).toBe(2);
  });

  it('没有服务器设置时说明怎么设置；角色写错时拒绝', async () => {
    const none = await cli(['library', 'sync', '--data', tempDir('bf-team-cli-')]);
    expect(none).toMatchObject({ code: 2, err: expect.stringContaining('未配置团队库') });
    const bad = await cli(['server', 'add-user', '某人', '--role', 'boss', '--db', team.db.url]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('admin, legal, writer');
  });

  it('服务器不肯在非回环地址上跑明文 HTTP', async () => {
    const r = await cli(['server', '--db', team.db.url, '--host', '0.0.0.0', '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refusing to serve plain HTTP on 0\.0\.0\.0/);
  });

  it('法务发布的范本到达客户端；本机改过的同名范本保留本机的并报告', async () => {
    const legal = await team.client('王律师');
    const blueprint = {
      id: 'team-plan',
      docType: 'service-plan' as const,
      title: '团队售后服务方案',
      sections: [{ title: '服务承诺', clauses: [{ id: 'cli-clause', variant: '标准' }] }],
    };
    await legal.api.saveBlueprint(blueprint);
    const a = await team.client('张三');
    const r = await a.sync();
    expect(r.applied.blueprints).toBe(1);
    expect((await a.store.listBlueprints()).find((b) => b.id === 'team-plan')).toMatchObject({
      title: '团队售后服务方案',
      origin: 'pack',
    });
    // Here someone retitles it; the team publishes a change: mine is kept and said so.
    await a.store.saveBlueprint({ ...blueprint, title: '本地修改的方案' }, '张三');
    await legal.api.saveBlueprint({ ...blueprint, title: '团队售后服务方案（第二版）' });
    const again = await a.sync();
    expect(again.applied.keptBlueprints).toEqual(['team-plan']);
    expect((await a.store.listBlueprints()).find((b) => b.id === 'team-plan')?.title).toBe('本地修改的方案');
  });
});
