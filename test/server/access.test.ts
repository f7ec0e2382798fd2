// Who may do what on the team server, and what a hostile client gets: clear 4xx codes, never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '@core/teamSync/protocol.js';
import { revokeUser } from '../../server/auth.js';
import { clauseInput, skipReason, startTeam, type TestTeam } from './helpers.js';

describe.skipIf(skipReason)('团队库权限与恶意客户端', () => {
  let team: TestTeam;
  const raw = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${team.server.url}${path}`, {
      ...init,
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    }).then(async (r) => ({ status: r.status, text: await r.text() }));
  const code = (r: { text: string }) => (JSON.parse(r.text) as { error: { code: string } }).error.code;

  beforeAll(async () => {
    team = await startTeam();
    const w = await team.client('张三');
    const ref = await w.store.createClause(
      clauseInput('warranty-term', '整机保修期为验收合格之日起 36 个月。'),
      '张三',
    );
    await w.store.submit(ref, '张三');
    await w.sync();
  });
  afterAll(async () => {
    await team?.close();
  });

  it('撰写人不能批准、退回或废止，也不能发布范本', async () => {
    const w = await team.client('李四');
    for (const action of ['approve', 'reject', 'retire'] as const)
      await expect(
        w.api.decide({ clauseId: 'warranty-term', variant: '标准', version: 1, action }),
      ).rejects.toMatchObject({
        code: 'forbidden',
        status: 403,
      });
    await expect(w.api.saveBlueprint({})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(w.api.review()).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('法务不能批准自己提交的版本（四眼原则），另一位法务可以，且审计记录两人', async () => {
    const own = await team.client('王律师');
    const ref = await own.store.createClause(clauseInput('liability-cap', '赔偿总额以合同总价为限。'), '王律师');
    await own.store.submit(ref, '王律师');
    await own.sync();
    await expect(
      own.api.decide({ clauseId: 'liability-cap', variant: '标准', version: 1, action: 'approve' }),
    ).rejects.toMatchObject({ code: 'own_version', status: 403 });
    await expect(
      own.api.decide({ clauseId: 'liability-cap', variant: '标准', version: 1, action: 'reject', reason: '自退' }),
    ).rejects.toMatchObject({ code: 'own_version' });
    const other = await team.client('李律师');
    await other.api.decide({ clauseId: 'liability-cap', variant: '标准', version: 1, action: 'approve' });
    await expect(
      other.api.decide({ clauseId: 'liability-cap', variant: '标准', version: 1, action: 'approve' }),
    ).rejects.toMatchObject({ code: 'bad_transition', status: 409 });
    const history = await other.api.history('liability-cap');
    expect(history.map((h) => [h.action, h.actor])).toEqual([
      ['approve', '李律师'],
      ['submit', '王律师'],
    ]);
  });

  it('审计记录只能追加：数据库拒绝修改或删除', async () => {
    await expect(team.server.pool.query(`UPDATE history SET actor_id = 1`)).rejects.toThrow(/append-only/);
    await expect(team.server.pool.query(`DELETE FROM history`)).rejects.toThrow(/append-only/);
    await expect(team.server.pool.query(`UPDATE versions SET body = 'x'`)).rejects.toThrow(/never changes/);
  });

  it('没有令牌、伪造令牌或已吊销的令牌一律 401', async () => {
    expect((await raw('/v1/pull')).status).toBe(401);
    const forged = await raw('/v1/pull', { token: 'bft_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect([forged.status, code(forged)]).toEqual([401, 'unauthorized']);
    const { addUser } = await import('../../server/auth.js');
    const { token } = await addUser(team.server.pool, '离职者', 'writer');
    expect((await raw('/v1/me', { token })).status).toBe(200);
    await revokeUser(team.server.pool, '离职者');
    expect((await raw('/v1/me', { token })).status).toBe(401);
  });

  it('畸形、超大或越权的请求得到明确的错误码，从不泄露堆栈', async () => {
    const token = team.token('张三');
    const cases: [string, RequestInit & { token?: string }, number, string][] = [
      ['/v1/push', { method: 'POST', token, body: '{"proposals": [' }, 400, 'bad_json'],
      ['/v1/push', { method: 'POST', token, body: '{"proposals": "all"}' }, 400, 'bad_request'],
      ['/v1/push', { method: 'POST', token, body: 'x'.repeat(MAX_BODY_BYTES + 10) }, 413, 'payload_too_large'],
      [
        '/v1/push',
        { method: 'POST', token, body: '{}', headers: { 'content-type': 'text/plain' } },
        415,
        'unsupported_media_type',
      ],
      ['/v1/pull?since=-1', { token }, 400, 'bad_request'],
      ['/v1/pull?limit=999999', { token }, 400, 'bad_request'],
      ['/v1/nothing', { token }, 404, 'not_found'],
    ];
    // Sent in chunks without a declared length, an oversized body is refused the same way.
    const chunked = new ReadableStream({
      start(ctrl) {
        for (let i = 0; i < 5; i++) ctrl.enqueue(new TextEncoder().encode('y'.repeat(MAX_BODY_BYTES / 4)));
        ctrl.close();
      },
    });
    const streamed = await raw('/v1/push', { method: 'POST', token, body: chunked, duplex: 'half' } as RequestInit);
    expect([streamed.status, code(streamed)]).toEqual([413, 'payload_too_large']);
    for (const [path, init, status, c] of cases) {
      const r = await raw(path, init);
      expect([path, r.status, code(r)]).toEqual([path, status, c]);
      expect(r.text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    }
  });

  it('客户端不能自称已批准，也不能把正文里的 NUL 或危险模板塞进库', async () => {
    const w = await team.client('张三');
    const proposal = {
      key: 'hostile-0001',
      clause: { id: 'evil', category: '售后服务', title: '恶意条款', docTypes: ['service-plan'] },
      variant: '标准',
      body: '正文',
      variables: [],
      status: 'approved',
    };
    const pushRaw = (p: unknown) =>
      raw('/v1/push', { method: 'POST', token: team.token('张三'), body: JSON.stringify({ proposals: [p] }) });
    const approved = await pushRaw(proposal);
    expect([approved.status, code(approved)]).toEqual([400, 'bad_request']);
    const nul = await pushRaw({ ...proposal, status: 'draft', body: '正文\u0000' });
    expect([nul.status, code(nul)]).toEqual([400, 'bad_request']);
    const proto = await pushRaw({ ...proposal, status: 'in_review', body: '{{constructor.constructor}}' });
    // A refused proposal is refused alone (the others in the same push would be taken), with its reason.
    expect(proto.status).toBe(200);
    expect(JSON.parse(proto.text).result.results).toEqual([
      { key: 'hostile-0001', error: { code: 'bad_template', message: expect.stringContaining('evil/标准') } },
    ]);
    // Nothing of it reached the server's library.
    expect((await w.api.history('evil')).length).toBe(0);
  });
});
