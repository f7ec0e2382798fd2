import { describe, expect, it } from 'vitest';
import { addMonths } from '@core/library/store/index.js';
import { approvedClause, open, tempDir, testClock, WARRANTY_BODY } from './helpers.js';

describe('复审提醒（按负责人设定的周期）', () => {
  it('lists clauses due within 30 days and overdue ones, most overdue first, by a fixed clock', async () => {
    const c = testClock('2026-05-01T08:00:00.000Z');
    const store = await open(await tempDir(), { clock: c.clock });
    await approvedClause(store, 'warranty', WARRANTY_BODY, { reviewIntervalMonths: 6, owner: '法务部' });
    await approvedClause(store, 'fees', '按成本价收取。', { reviewIntervalMonths: 12, owner: '商务部' });
    c.set('2026-07-01T08:00:00.000Z');
    await approvedClause(store, 'contacts', '服务热线。', { reviewIntervalMonths: 3, owner: '法务部' });

    c.set('2026-10-15T08:00:00.000Z');
    expect(await store.freshness()).toEqual([
      expect.objectContaining({
        clauseId: 'contacts',
        state: 'overdue',
        dueAt: '2026-10-01T08:00:00.000Z',
        daysLeft: -14,
      }),
      expect.objectContaining({
        clauseId: 'warranty',
        state: 'due',
        owner: '法务部',
        dueAt: '2026-11-01T08:00:00.000Z',
        daysLeft: 17,
      }),
    ]);
    expect((await store.freshness({ includeOk: true })).map((f) => `${f.clauseId}:${f.state}`)).toEqual([
      'contacts:overdue',
      'warranty:due',
      'fees:ok',
    ]);
    expect((await store.freshness({ owner: '商务部' })).length).toBe(0);

    c.set('2026-11-02T08:00:00.000Z');
    expect((await store.freshness()).find((f) => f.clauseId === 'warranty')).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
    });
    await store.markReviewed('warranty', '法务部');
    expect((await store.freshness()).map((f) => f.clauseId)).toEqual(['contacts']);
  });

  it('approving a new version counts as a review; retired clauses are left out', async () => {
    const c = testClock('2026-01-01T00:00:00.000Z');
    const store = await open(await tempDir(), { clock: c.clock });
    await approvedClause(store, 'warranty', WARRANTY_BODY, { reviewIntervalMonths: 6 });
    await approvedClause(store, 'old', '旧条款。', { reviewIntervalMonths: 1 });
    await store.retire({ clauseId: 'old' }, '李主任');
    c.set('2026-06-20T00:00:00.000Z');
    expect((await store.freshness()).map((f) => f.clauseId)).toEqual(['warranty']);
    const v2 = await store.editVariant('warranty', '标准', { body: '新版本。', changeNote: '复审修订' }, '王');
    await store.submit(v2, '王');
    await store.approve(v2, '李主任');
    expect(await store.freshness()).toEqual([]);
  });

  it('months are calendar months, clamped to the end of a short month', () => {
    expect(addMonths(new Date('2026-08-31T00:00:00Z'), 6).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2026-01-15T09:30:00Z'), 12).toISOString()).toBe('2027-01-15T09:30:00.000Z');
  });
});

describe('引用情况与项目锁定的版本', () => {
  async function setup() {
    const c = testClock('2026-05-01T08:00:00.000Z');
    const store = await open(await tempDir(), { clock: c.clock });
    const w1 = await approvedClause(store, 'warranty', WARRANTY_BODY);
    const f1 = await approvedClause(store, 'fees', '按成本价收取。');
    await store.addVariant('warranty', '政府采购版', { body: '按合同约定。' }, '张律师');
    c.set('2026-05-10T08:00:00.000Z');
    await store.recordProject({
      projectId: 'p-hospital',
      name: '市人民医院空调维保',
      pins: [
        { clauseId: 'warranty', variant: '标准' },
        { clauseId: 'fees', variant: '标准' },
      ],
    });
    c.set('2026-05-20T08:00:00.000Z');
    await store.recordProject({
      projectId: 'p-school',
      name: '实验中学空调',
      pins: [{ clauseId: 'warranty', variant: '标准', version: 1 }],
    });
    return { store, c, w1, f1 };
  }

  it('a pin without a version takes the latest approved; a version that does not exist is refused', async () => {
    const { store } = await setup();
    expect((await store.getProject('p-hospital'))!.pins).toEqual([
      { clauseId: 'warranty', variant: '标准', version: 1, pinnedAt: '2026-05-10T08:00:00.000Z' },
      { clauseId: 'fees', variant: '标准', version: 1, pinnedAt: '2026-05-10T08:00:00.000Z' },
    ]);
    await expect(
      store.recordProject({
        projectId: 'p-x',
        name: 'x',
        pins: [{ clauseId: 'warranty', variant: '标准', version: 5 }],
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      store.recordProject({ projectId: 'p-x', name: 'x', pins: [{ clauseId: 'warranty', variant: '政府采购版' }] }),
    ).rejects.toMatchObject({ code: 'not_approved' });
  });

  it('where-used lists the projects pinning a version', async () => {
    const { store, w1 } = await setup();
    expect((await store.whereUsed(w1)).map((u) => u.projectId)).toEqual(['p-school', 'p-hospital']);
    expect(await store.whereUsed({ clauseId: 'warranty', variant: '政府采购版' })).toEqual([]);
    expect((await store.whereUsed({ clauseId: 'fees' })).map((u) => u.name)).toEqual(['市人民医院空调维保']);
  });

  it('usage counts projects per variant and when it was last used', async () => {
    const { store } = await setup();
    const usage = await store.usage();
    expect(usage[0]).toEqual({
      clauseId: 'warranty',
      variant: '标准',
      title: 'warranty',
      projects: 2,
      lastUsedAt: '2026-05-20T08:00:00.000Z',
      byVersion: { 1: 2 },
    });
    expect(usage.find((u) => u.clauseId === 'fees')).toMatchObject({
      projects: 1,
      lastUsedAt: '2026-05-10T08:00:00.000Z',
    });
    expect(usage.find((u) => u.variant === '政府采购版')).toMatchObject({ projects: 0 });
    expect(usage.find((u) => u.variant === '政府采购版')!.lastUsedAt).toBeUndefined();
  });

  it('a project sees which clauses have a newer approved version, the diff, and updates one or all', async () => {
    const { store, c, w1, f1 } = await setup();
    const w2 = await store.editVariant(
      'warranty',
      '标准',
      { body: '整机保修{{warranty_years}}年，压缩机包修八年。', changeNote: '延保' },
      '王',
    );
    expect(await store.outdatedPins('p-hospital')).toEqual([]); // a draft is not offered
    await store.submit(w2, '王');
    await store.approve(w2, '李主任');
    const f2 = await store.editVariant('fees', '标准', { body: '按成本价八折收取。', changeNote: '优惠' }, '王');
    await store.submit(f2, '王');
    await store.approve(f2, '李主任');

    const stale = await store.outdatedPins('p-hospital');
    expect(stale).toEqual([
      { clauseId: 'warranty', variant: '标准', title: 'warranty', pinned: 1, latestApproved: 2 },
      { clauseId: 'fees', variant: '标准', title: 'fees', pinned: 1, latestApproved: 2 },
    ]);
    const d = await store.diff(w1, { ...w1, version: stale[0]!.latestApproved });
    expect(d.segments.some((s) => s.op === 'insert' && s.text.includes('八'))).toBe(true);

    c.set('2026-06-01T00:00:00.000Z');
    expect(await store.updatePins('p-hospital', ['warranty'])).toEqual([
      { clauseId: 'warranty', variant: '标准', from: 1, to: 2 },
    ]);
    expect((await store.outdatedPins('p-hospital')).map((o) => o.clauseId)).toEqual(['fees']);
    expect((await store.whereUsed(w1)).map((u) => u.projectId)).toEqual(['p-school']);
    expect((await store.whereUsed({ ...w1, version: 2 }))[0]).toMatchObject({
      projectId: 'p-hospital',
      pinnedAt: '2026-06-01T00:00:00.000Z',
    });

    expect(await store.updatePins('p-hospital', 'all')).toEqual([
      { clauseId: 'fees', variant: '标准', from: f1.version, to: 2 },
    ]);
    expect(await store.outdatedPins('p-hospital')).toEqual([]);
    await expect(store.updatePins('p-hospital', ['nope'])).rejects.toMatchObject({ code: 'bad_request' });
    await expect(store.outdatedPins('p-nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('recording a project again keeps pinnedAt of unchanged pins; removing it forgets its pins', async () => {
    const { store, c } = await setup();
    c.set('2026-07-01T00:00:00.000Z');
    const rec = await store.recordProject({
      projectId: 'p-hospital',
      name: '市人民医院空调维保（二期）',
      pins: [{ clauseId: 'warranty', variant: '标准', version: 1 }],
    });
    expect(rec).toEqual({
      projectId: 'p-hospital',
      name: '市人民医院空调维保（二期）',
      lastUsedAt: '2026-07-01T00:00:00.000Z',
      pins: [{ clauseId: 'warranty', variant: '标准', version: 1, pinnedAt: '2026-05-10T08:00:00.000Z' }],
    });
    await store.removeProject('p-hospital');
    expect((await store.listProjects()).map((p) => p.projectId)).toEqual(['p-school']);
  });
});
