// The team library end to end: real server, real PostgreSQL, real local stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseInput, skipReason, startTeam, type TestTeam } from './helpers.js';

describe.skipIf(skipReason)('团队库同步', () => {
  let team: TestTeam;
  beforeAll(async () => {
    team = await startTeam();
  });
  afterAll(async () => {
    await team?.close();
  });

  it('撰写人提交的条款经法务批准后到达第三个客户端，作为已批准版本并带有审批人', async () => {
    const writer = await team.client('张三');
    const legal = await team.client('王律师');
    const third = await team.client('李四');
    const ref = await writer.store.createClause(clauseInput('response-time', '接到报修后 2 小时内响应。'), '张三');
    await writer.store.submit(ref, '张三');
    const pushed = await writer.sync();
    expect(pushed.ok).toBe(true);
    expect(pushed.pushed).toBe(1);

    const queue = await legal.api.review();
    expect(queue).toEqual([expect.objectContaining({ clauseId: 'response-time', version: 1, author: '张三' })]);
    await legal.api.decide({ clauseId: 'response-time', variant: '标准', version: 1, action: 'approve' });

    const r = await third.sync();
    expect(r.ok).toBe(true);
    const got = await third.store.getClause('response-time');
    const v = got!.variants[0]!.versions[0]!;
    expect(v).toMatchObject({
      status: 'approved',
      author: '张三',
      reviewer: '王律师',
      body: '接到报修后 2 小时内响应。',
    });

    // The writer's own draft becomes approved in place: no second copy.
    await writer.sync();
    const mine = (await writer.store.getClause('response-time'))!.variants[0]!.versions;
    expect(mine.map((x) => x.status)).toEqual(['approved']);
    expect(mine[0]!.reviewer).toBe('王律师');
  });

  it('两个客户端各自发布并互相拉取', async () => {
    const a = await team.client('张三');
    const b = await team.client('李四');
    const legal = await team.client('李律师');
    const ra = await a.store.createClause(clauseInput('spare-parts', '备品备件在 24 小时内送达。'), '张三');
    const rb = await b.store.createClause(clauseInput('training', '提供不少于两次的现场培训。'), '李四');
    await a.store.submit(ra, '张三');
    await b.store.submit(rb, '李四');
    await Promise.all([a.sync(), b.sync()]);
    for (const id of ['spare-parts', 'training'])
      await legal.api.decide({ clauseId: id, variant: '标准', version: 1, action: 'approve' });
    await Promise.all([a.sync(), b.sync()]);
    for (const c of [a, b])
      for (const id of ['spare-parts', 'training'])
        expect((await c.store.getClause(id))?.variants[0]?.versions.at(-1)?.status).toBe('approved');
  });

  it('同一条款的两处离线修改回来时是两个可选版本，已批准文本不被合并', async () => {
    const legal = await team.client('王律师');
    const a = await team.client('张三');
    const b = await team.client('李四');
    const r0 = await a.store.createClause(clauseInput('onsite', '工程师 8 小时内到达现场。'), '张三');
    await a.store.submit(r0, '张三');
    await a.sync();
    await legal.api.decide({ clauseId: 'onsite', variant: '标准', version: 1, action: 'approve' });
    await Promise.all([a.sync(), b.sync()]);

    // Offline: both edit v1.
    const ea = await a.store.editVariant(
      'onsite',
      '标准',
      { body: '工程师 4 小时内到达现场。', changeNote: '缩短' },
      '张三',
    );
    const eb = await b.store.editVariant(
      'onsite',
      '标准',
      { body: '工程师 6 小时内到达现场。', changeNote: '改为六小时' },
      '李四',
    );
    await a.store.submit(ea, '张三');
    await b.store.submit(eb, '李四');
    const [pa, pb] = [await a.sync(), await b.sync()];
    expect(pa.staleProposals).toEqual([]);
    expect(pa.pushed + pb.pushed).toBe(2);
    // Both are on the server as their own versions: legal approves B's.
    const queue = (await legal.api.review()).filter((q) => q.clauseId === 'onsite');
    expect(queue.map((q) => q.author).sort()).toEqual(['张三', '李四'].sort());
    const bs = queue.find((q) => q.author === '李四')!;
    await legal.api.decide({ clauseId: 'onsite', variant: '标准', version: bs.version, action: 'approve' });

    const ra = await a.sync();
    expect(ra.conflicts).toEqual([expect.objectContaining({ clauseId: 'onsite', local: ea.version })]);
    const versions = (await a.store.getClause('onsite'))!.variants[0]!.versions;
    // A's own text and B's approved text stand side by side; nothing was merged.
    expect(versions.map((v) => [v.body, v.status])).toEqual([
      ['工程师 8 小时内到达现场。', 'approved'],
      ['工程师 4 小时内到达现场。', 'in_review'],
      ['工程师 6 小时内到达现场。', 'approved'],
    ]);
    expect(ra.openConflicts.length).toBeGreaterThan(0);
  });

  it('两台电脑各自新建的条款恰好生成同一编号时，后推送的被拒绝并说明原因，不会成为别人条款的新版本', async () => {
    const a = await team.client('张三');
    const b = await team.client('李四');
    const { id: _a, ...noIdA } = clauseInput('x', '巡检每季度一次。');
    const { id: _b, ...noIdB } = clauseInput('x', '备件库设在项目所在城市。');
    const ra = await a.store.createClause({ ...noIdA, category: '巡检维护' }, '张三');
    const rb = await b.store.createClause({ ...noIdB, category: '巡检维护' }, '李四');
    expect(ra.clauseId).toBe(rb.clauseId); // ids are generated per machine
    await a.store.submit(ra, '张三');
    await b.store.submit(rb, '李四');
    expect((await a.sync()).pushed).toBe(1);
    const rbSync = await b.sync();
    expect(rbSync.pushed).toBe(0);
    expect(rbSync.refused).toEqual([
      expect.objectContaining({ clauseId: rb.clauseId, local: 1, code: 'clause_id_taken' }),
    ]);
    const legal = await team.client('王律师');
    const queued = (await legal.api.review()).filter((q) => q.clauseId === ra.clauseId);
    expect(queued.map((q) => q.author)).toEqual(['张三']);
  });

  it('法务退回的提交回到撰写人本机成为草稿并带有理由；再次提交后重新进入审核', async () => {
    const w = await team.client('张三');
    const ref = await w.store.createClause(clauseInput('callback', '维修完成后 3 日内电话回访。'), '张三');
    await w.store.submit(ref, '张三');
    await w.sync();
    const legal = await team.client('王律师');
    await legal.api.decide({
      clauseId: 'callback',
      variant: '标准',
      version: 1,
      action: 'reject',
      reason: '请写明回访内容',
    });
    const r = await w.sync();
    expect(r.applied.statusChanged).toBe(1);
    const v = (await w.store.getClause('callback'))!.variants[0]!.versions[0]!;
    expect(v).toMatchObject({ status: 'draft', reviewer: '王律师', rejectReason: '请写明回访内容' });
    // Another writer never receives someone else's rejected draft.
    const other = await team.client('李四');
    await other.sync();
    expect(await other.store.getClause('callback')).toBeUndefined();
    await w.store.submit(ref, '张三');
    expect((await w.sync()).pushed).toBe(1);
    expect((await legal.api.review()).filter((q) => q.clauseId === 'callback').map((q) => q.version)).toEqual([1]);
  });

  it('法务废止的版本在每个客户端上都变为已废止', async () => {
    const w = await team.client('张三');
    const ref = await w.store.createClause(clauseInput('old-promise', '保修期内上门服务不收取交通费。'), '张三');
    await w.store.submit(ref, '张三');
    await w.sync();
    const legal = await team.client('王律师');
    await legal.api.decide({ clauseId: 'old-promise', variant: '标准', version: 1, action: 'approve' });
    const reader = await team.client('李四');
    await reader.sync();
    expect((await reader.store.getClause('old-promise'))?.variants[0]?.versions[0]?.status).toBe('approved');
    await legal.api.decide({
      clauseId: 'old-promise',
      variant: '标准',
      version: 1,
      action: 'retire',
      reason: '不再承诺',
    });
    await Promise.all([reader.sync(), w.sync()]);
    for (const c of [reader, w])
      expect((await c.store.getClause('old-promise'))?.variants[0]?.versions.map((v) => v.status)).toEqual(['retired']);
    // A folder that never saw it approved does not get a retired version at all.
    const late = await team.client('李四');
    await late.sync();
    expect(await late.store.getClause('old-promise')).toBeUndefined();
  });

  it('批准顺序与提交顺序相反时，每台电脑使用的仍是团队库最新批准的文本', async () => {
    const legal = await team.client('王律师');
    const a = await team.client('张三');
    const b = await team.client('李四');
    const r0 = await a.store.createClause(clauseInput('parts-price', '备件按成本价供应。'), '张三');
    await a.store.submit(r0, '张三');
    await a.sync();
    await legal.api.decide({ clauseId: 'parts-price', variant: '标准', version: 1, action: 'approve' });
    await Promise.all([a.sync(), b.sync()]);
    const eb = await b.store.editVariant(
      'parts-price',
      '标准',
      { body: '备件按市场价八折供应。', changeNote: 'B' },
      '李四',
    );
    await b.store.submit(eb, '李四');
    await b.sync(); // server v2
    const ea = await a.store.editVariant(
      'parts-price',
      '标准',
      { body: '备件按成本价加一成供应。', changeNote: 'A' },
      '张三',
    );
    await a.store.submit(ea, '张三');
    await a.sync(); // server v3
    await legal.api.decide({ clauseId: 'parts-price', variant: '标准', version: 2, action: 'approve' });
    await a.sync();
    await legal.api.decide({ clauseId: 'parts-price', variant: '标准', version: 3, action: 'approve' });
    await a.sync();
    const c = await team.client('李四');
    await c.sync();
    for (const who of [a, c]) {
      const lib = await who.store.toLibrary();
      expect(lib.clauses.find((x) => x.id === 'parts-price')?.body).toBe('备件按成本价加一成供应。');
    }
    // Retiring the team's current version reaches both local copies of it.
    await legal.api.decide({ clauseId: 'parts-price', variant: '标准', version: 3, action: 'retire' });
    await a.sync();
    const lib = await a.store.toLibrary();
    expect(lib.clauses.find((x) => x.id === 'parts-price')?.body).toBe('备件按市场价八折供应。');
  });

  it('已经同步过的文件夹再次同步不产生任何改动', async () => {
    const c = await team.client('李四');
    const first = await c.sync();
    const before = await c.store.snapshot();
    const again = await c.sync();
    expect(first.pulled).toBeGreaterThan(0);
    expect(again.pulled).toBe(0);
    expect(await c.store.snapshot()).toEqual(before);
  });
});
