import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '@core/library/loadTemplates.js';
import { findClause } from '@core/model/library.js';
import { approvedClause, open, realTemplates, tempDir, testClock, WARRANTY_BODY } from './helpers.js';

describe('新库从内置模板播种', () => {
  it('every clause file of templates/ becomes a clause variant, version 1, with its status; blueprints come along', async () => {
    const templates = await realTemplates();
    const lib = await loadTemplates(templates);
    const store = await open(await tempDir(), { templatesDir: templates });
    expect(store.openReport.created).toBe(true);
    const rows = await store.listClauses();
    expect(rows.length).toBe(new Set(lib.clauses.map((c) => `${c.id}/${c.variant}`)).size);
    for (const c of lib.clauses) {
      const row = rows.find((r) => r.clauseId === c.id && r.variant === c.variant)!;
      expect(row.latest.version).toBe(1);
      expect(row.latest.status).toBe(c.status);
      expect((await store.getVersion({ clauseId: c.id, variant: c.variant, version: 1 })).body).toBe(c.body);
    }
    const clause = await store.getClause(lib.clauses[0]!.id);
    expect(clause!.variants[0]!.versions[0]!.origin).toBe('builtin');
    expect((await store.listBlueprints()).map((b) => b.id).sort()).toEqual(lib.blueprints.map((b) => b.id).sort());
    expect(store.openReport.seeded!.counts.added).toBe(rows.length + lib.blueprints.length);
  });

  it('the seeded store gives the assembler the same approved clauses as templates/', async () => {
    const templates = await realTemplates();
    const lib = await loadTemplates(templates);
    const store = await open(await tempDir(), { templatesDir: templates });
    const fromStore = await store.toLibrary();
    for (const c of lib.clauses.filter((x) => x.status === 'approved'))
      expect(findClause(fromStore, c.id, c.variant)?.body).toBe(c.body);
  });

  it('opening again reads the same file and does not seed twice', async () => {
    const dir = await tempDir();
    const templates = await realTemplates();
    const a = await open(dir, { templatesDir: templates });
    const before = await readFile(join(dir, 'library.json'), 'utf8');
    await a.close();
    const b = await open(dir, { templatesDir: templates });
    expect(b.openReport.created).toBe(false);
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(before);
  });
});

describe('条款的版本与审批', () => {
  it('a new clause starts as draft version 1 by its author', async () => {
    const store = await open(await tempDir());
    const ref = await store.createClause(
      { id: 'warranty', category: '保修条款', title: '保修条款', docTypes: ['service-plan'], body: WARRANTY_BODY },
      '张律师',
    );
    expect(ref).toEqual({ clauseId: 'warranty', variant: '标准', version: 1 });
    const [v] = await store.history('warranty');
    expect(v).toMatchObject({
      version: 1,
      status: 'draft',
      author: '张律师',
      origin: 'user',
      createdAt: '2026-05-01T08:00:00.000Z',
    });
    expect((await store.getClause('warranty'))!.owner).toBe('张律师');
  });

  it('a second clause with the same id is refused', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await expect(
      store.createClause({ id: 'warranty', category: 'x', title: 'x', docTypes: ['service-plan'], body: 'x' }, '王'),
    ).rejects.toMatchObject({ code: 'clause_exists' });
  });

  it('bad input is refused with the field named', async () => {
    const store = await open(await tempDir());
    await expect(
      store.createClause({ id: 'Bad Id', category: 'x', title: 'x', docTypes: ['service-plan'], body: 'x' }, '王'),
    ).rejects.toMatchObject({ code: 'bad_request', message: expect.stringContaining('id') });
    await expect(
      store.createClause({ id: 'ok', category: 'x', title: 'x', docTypes: ['service-plan'], body: 'x' }, '  '),
    ).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('submit then approve by a second person records the reviewer and the time', async () => {
    const c = testClock();
    const store = await open(await tempDir(), { clock: c.clock });
    const ref = await store.createClause(
      { id: 'warranty', category: '保修条款', title: '保修条款', docTypes: ['service-plan'], body: WARRANTY_BODY },
      '张律师',
    );
    await store.submit(ref, '张律师');
    expect((await store.history('warranty'))[0]!.status).toBe('in_review');
    c.advanceDays(1);
    await store.approve(ref, '李主任');
    expect((await store.history('warranty'))[0]).toMatchObject({
      status: 'approved',
      reviewer: '李主任',
      decidedAt: '2026-05-02T08:00:00.000Z',
    });
    expect((await store.getClause('warranty'))!.lastReviewedAt).toBe('2026-05-02T08:00:00.000Z');
  });

  it('approving twice is a bad_transition and changes nothing', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const ref = await approvedClause(store, 'warranty', WARRANTY_BODY);
    const before = await readFile(join(dir, 'library.json'), 'utf8');
    await expect(store.approve(ref, '李主任')).rejects.toMatchObject({
      code: 'bad_transition',
      message: expect.stringContaining('它是已批准的版本'),
      problems: [{ params: { status: 'approved', action: 'approve' } }],
    });
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(before);
  });

  it('a draft cannot be approved without review, and an approved version cannot be resubmitted', async () => {
    const store = await open(await tempDir());
    const ref = await store.createClause(
      { id: 'warranty', category: '保修条款', title: '保修条款', docTypes: ['service-plan'], body: WARRANTY_BODY },
      '张律师',
    );
    await expect(store.approve(ref, '李主任')).rejects.toMatchObject({ code: 'bad_transition' });
    await store.submit(ref, '张律师');
    await store.approve(ref, '李主任');
    await expect(store.submit(ref, '张律师')).rejects.toMatchObject({ code: 'bad_transition' });
  });

  it('editing an approved version creates a new draft and leaves the approved one as it was', async () => {
    const store = await open(await tempDir());
    const v1 = await approvedClause(store, 'warranty', WARRANTY_BODY);
    const before = (await store.history('warranty', '标准')).find((h) => h.version === 1)!;
    const v2 = await store.editVariant(
      'warranty',
      '标准',
      { body: '整机保修{{warranty_years}}年，压缩机包修八年。', changeNote: '压缩机延保', baseVersion: 1 },
      '王专员',
    );
    expect(v2).toEqual({ ...v1, version: 2 });
    const hist = await store.history('warranty', '标准');
    expect(hist.map((h) => [h.version, h.status])).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
    expect(hist.find((h) => h.version === 1)).toEqual(before);
    expect(hist[0]!.variables).toEqual(before.variables);
    // the assembler keeps using the approved version until the draft is approved
    expect(findClause(await store.toLibrary(), 'warranty', '标准')!.version).toBe(1);
  });

  it('an edit started from an old version is refused (stale_edit)', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await store.editVariant('warranty', '标准', { body: 'A', changeNote: 'a' }, '王');
    await expect(
      store.editVariant('warranty', '标准', { body: 'B', changeNote: 'b', baseVersion: 1 }, '赵'),
    ).rejects.toMatchObject({ code: 'stale_edit' });
  });

  it('reject sends the version back to draft with the reason; it can be resubmitted', async () => {
    const store = await open(await tempDir());
    const ref = await store.createClause(
      { id: 'warranty', category: '保修条款', title: '保修条款', docTypes: ['service-plan'], body: WARRANTY_BODY },
      '张律师',
    );
    await store.submit(ref, '张律师');
    await expect(store.reject(ref, '李主任', ' ')).rejects.toMatchObject({ code: 'bad_request' });
    await store.reject(ref, '李主任', '压缩机包修年限与投标文件不一致');
    expect((await store.history('warranty'))[0]).toMatchObject({
      status: 'draft',
      reviewer: '李主任',
      rejectReason: '压缩机包修年限与投标文件不一致',
    });
    await expect(store.reject(ref, '李主任', '再次')).rejects.toMatchObject({ code: 'bad_transition' });
    await store.submit(ref, '张律师');
    await store.approve(ref, '李主任');
  });

  it('retire takes a version out of new documents but keeps it in history', async () => {
    const store = await open(await tempDir());
    const ref = await approvedClause(store, 'warranty', WARRANTY_BODY);
    expect(await store.retire(ref, '李主任')).toEqual([ref]);
    expect((await store.history('warranty'))[0]!.status).toBe('retired');
    expect(findClause(await store.toLibrary(), 'warranty', '标准')).toBeUndefined();
    await expect(store.retire(ref, '李主任')).rejects.toMatchObject({ code: 'bad_transition' });
    await expect(store.retire({ clauseId: 'warranty' }, '李主任')).rejects.toMatchObject({ code: 'bad_transition' });
  });

  it('variants are chains of their own; retiring a clause retires every live version', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    const gov = await store.addVariant(
      'warranty',
      '政府采购版',
      { body: '按政府采购合同约定执行保修。', changeNote: '政府采购项目用' },
      '张律师',
    );
    expect(gov).toEqual({ clauseId: 'warranty', variant: '政府采购版', version: 1 });
    await expect(store.addVariant('warranty', '政府采购版', { body: 'x' }, '张律师')).rejects.toMatchObject({
      code: 'variant_exists',
    });
    const retired = await store.retire({ clauseId: 'warranty' }, '李主任');
    expect(retired.map((r) => `${r.variant} v${r.version}`).sort()).toEqual(['政府采购版 v1', '标准 v1']);
  });

  it('duplicate copies the latest version of each variant as a new draft clause', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY, { tags: ['保修'] });
    await store.editVariant('warranty', '标准', { body: '第二版', changeNote: '改' }, '王');
    expect(await store.duplicateClause('warranty', 'warranty-hvac', '赵工')).toBe('warranty-hvac');
    const copy = (await store.getClause('warranty-hvac'))!;
    expect(copy).toMatchObject({ title: 'warranty（副本）', tags: ['保修'], owner: '赵工' });
    expect(copy.variants[0]!.versions).toEqual([
      expect.objectContaining({
        version: 1,
        body: '第二版',
        status: 'draft',
        author: '赵工',
        changeNote: '复制自 warranty/标准 v2',
      }),
    ]);
    await expect(store.duplicateClause('warranty', 'warranty-hvac', '赵工')).rejects.toMatchObject({
      code: 'clause_exists',
    });
  });

  it('history lists all versions of all variants, newest first', async () => {
    const c = testClock();
    const store = await open(await tempDir(), { clock: c.clock });
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    c.advanceDays(1);
    await store.addVariant('warranty', '7×24 加强版', { body: '全天候保修。' }, '张律师');
    c.advanceDays(1);
    await store.editVariant('warranty', '标准', { body: '第二版', changeNote: '改' }, '王');
    expect((await store.history('warranty')).map((h) => `${h.variant} v${h.version}`)).toEqual([
      '标准 v2',
      '7×24 加强版 v1',
      '标准 v1',
    ]);
  });

  it('filters by category, status, tag and document type', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY, { category: '保修条款', tags: ['保修'] });
    await store.createClause(
      {
        id: 'fees',
        category: '收费标准',
        title: '保修期外收费',
        tags: ['收费'],
        docTypes: ['service-plan', 'commitment-letter'],
        body: '按成本价收取。',
      },
      '张律师',
    );
    const ids = (rows: { clauseId: string }[]) => rows.map((r) => r.clauseId).sort();
    expect(ids(await store.listClauses({ category: '收费标准' }))).toEqual(['fees']);
    expect(ids(await store.listClauses({ status: 'approved' }))).toEqual(['warranty']);
    expect(ids(await store.listClauses({ status: 'draft' }))).toEqual(['fees']);
    expect(ids(await store.listClauses({ tag: '保修' }))).toEqual(['warranty']);
    expect(ids(await store.listClauses({ docType: 'commitment-letter' }))).toEqual(['fees']);
    expect(ids(await store.listClauses({ docType: 'warranty-card' }))).toEqual([]);
    await store.editVariant('warranty', '标准', { body: '新', changeNote: '改' }, '王');
    const [row] = await store.listClauses({ category: '保修条款' });
    expect(row).toMatchObject({
      latest: { version: 2, status: 'draft' },
      latestApproved: 1,
      statuses: ['draft', 'approved'],
    });
    expect(await store.facets()).toMatchObject({ categories: ['保修条款', '收费标准'], tags: ['保修', '收费'] });
  });

  it('clause details and review time change without a new version', async () => {
    const c = testClock();
    const store = await open(await tempDir(), { clock: c.clock });
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await store.updateClauseMeta(
      'warranty',
      { owner: '法务部', reviewIntervalMonths: 6, tags: ['保修', '延保'] },
      '李主任',
    );
    c.advanceDays(10);
    await store.markReviewed('warranty', '法务部');
    expect(await store.getClause('warranty')).toMatchObject({
      owner: '法务部',
      reviewIntervalMonths: 6,
      tags: ['保修', '延保'],
      lastReviewedAt: '2026-05-11T08:00:00.000Z',
    });
    expect((await store.history('warranty')).length).toBe(1);
    await expect(store.updateClauseMeta('warranty', { reviewIntervalMonths: 0 }, '李主任')).rejects.toMatchObject({
      code: 'bad_request',
    });
  });
});
