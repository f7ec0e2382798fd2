import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Blueprint } from '@core/model/library.js';
import { problemText } from '@core/i18n/problemText.js';
import {
  builtinPack,
  canonicalJson,
  makePack,
  type BidForgePack,
  type LibraryStore,
} from '@core/library/store/index.js';
import { ephemeralSigningKey, signPack } from '@core/library/packSigning.js';
import { approvedClause, open, tempDir, testClock, WARRANTY_BODY, warrantyMeta, writeTemplates } from './helpers.js';

async function headquarters() {
  const store = await open(await tempDir());
  await approvedClause(store, 'warranty', WARRANTY_BODY, { title: '保修条款', tags: ['保修'] });
  await approvedClause(store, 'fees', '按成本价收取。', { title: '保修期外收费' });
  await store.saveBlueprint(
    {
      id: 'mini-plan',
      docType: 'service-plan',
      title: '简版售后服务方案',
      sections: [{ title: '保修', clauses: [{ id: 'warranty', variant: '标准' }] }],
    },
    '张律师',
  );
  return store;
}

/** Everything about the store's file that an import could change. */
async function fingerprint(store: LibraryStore) {
  return { json: await readFile(store.path, 'utf8'), files: (await readdir(join(store.dataDir, 'backups'))).sort() };
}

const roundTrip = (pack: BidForgePack) => JSON.parse(JSON.stringify(pack)) as BidForgePack;

/** Headquarters signs its packs; the branches trust its key (an unsigned pack's versions arrive as drafts). */
const hqKey = ephemeralSigningKey();
const fromHq = (pack: BidForgePack) => signPack(pack, hqKey, '总部法务部');
const trustHq = [{ name: '总部法务部', publicKey: hqKey.publicKey }];

describe('资料包导出', () => {
  it('exports the chosen clauses (latest approved version) and blueprints with a checksum of the canonical payload', async () => {
    const hq = await headquarters();
    await hq.editVariant('warranty', '标准', { body: '未审批的草稿。', changeNote: '草稿' }, '王');
    const pack = await hq.exportPack({ clauseIds: ['warranty'], blueprintIds: ['mini-plan'] });
    expect(pack).toMatchObject({ format: 'bidforge-pack', schemaVersion: 1, createdAt: '2026-05-01T08:00:00.000Z' });
    expect(pack.payload.clauses.map((c) => c.id)).toEqual(['warranty']);
    expect(pack.payload.clauses[0]!.variants[0]!.version).toMatchObject({
      version: 1,
      status: 'approved',
      body: WARRANTY_BODY,
    });
    expect(pack.payload.blueprints.map((b) => b.id)).toEqual(['mini-plan']);
    expect(pack.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(makePack(roundTrip(pack).payload, new Date(pack.createdAt)).checksum).toBe(pack.checksum);
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: '压' }] })).toBe('{"a":[1,{"c":"压"}],"b":1}');
  });

  it('unknown ids, or a clause with nothing approved, are refused', async () => {
    const hq = await headquarters();
    await expect(hq.exportPack({ clauseIds: ['nope'], blueprintIds: [] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(hq.exportPack({ clauseIds: [], blueprintIds: ['nope'] })).rejects.toMatchObject({ code: 'not_found' });
    await hq.createClause(
      { id: 'draft-only', category: '测试', title: '草稿', docTypes: ['service-plan'], body: '草稿。' },
      '王',
    );
    await expect(hq.exportPack({ clauseIds: ['draft-only'], blueprintIds: [] })).rejects.toMatchObject({
      code: 'not_approved',
    });
    expect(
      (await hq.exportPack({ clauseIds: ['draft-only'], blueprintIds: [], includeUnapproved: true })).payload
        .clauses[0]!.variants[0]!.version.status,
    ).toBe('draft');
  });
});

describe('资料包导入', () => {
  it('into an empty library everything is new; after applying, everything is identical', async () => {
    const hq = await headquarters();
    const pack = roundTrip(
      fromHq(await hq.exportPack({ clauseIds: ['warranty', 'fees'], blueprintIds: ['mini-plan'] })),
    );
    const branch = await open(await tempDir());
    const preview = await branch.previewImport(JSON.stringify(pack), trustHq);
    expect(preview.items.map((i) => `${i.key}:${i.status}`)).toEqual([
      'clause:warranty/标准:new',
      'clause:fees/标准:new',
      'blueprint:mini-plan:new',
    ]);
    expect(preview.counts).toEqual({ new: 3, identical: 0, conflicting: 0 });
    const report = await branch.applyImport(pack, {}, trustHq);
    expect(report.counts.added).toBe(3);
    const v = (await branch.history('warranty'))[0]!;
    expect(v).toMatchObject({
      version: 1,
      status: 'approved',
      origin: 'pack',
      reviewer: '李主任',
      body: WARRANTY_BODY,
    });
    expect((await branch.previewImport(pack)).counts).toEqual({ new: 0, identical: 3, conflicting: 0 });
    expect((await branch.applyImport(pack)).counts.identical).toBe(3);
  });

  it('a blueprint that names a clause missing on both sides is flagged', async () => {
    const hq = await headquarters();
    const pack = await hq.exportPack({ clauseIds: [], blueprintIds: ['mini-plan'] });
    const preview = await (await open(await tempDir())).previewImport(pack);
    expect(preview.warnings).toEqual([
      {
        severity: 'warning',
        code: 'pack_clause_missing',
        message: '蓝本 mini-plan（章节“保修”）引用的条款 warranty/标准 既不在条款包中，也不在条款库中',
        params: { blueprint: 'mini-plan', section: '保修', clauseId: 'warranty', variant: '标准' },
      },
    ]);
    // Each UI words it in its language (the English by code, from STORE_EN).
    expect(problemText(preview.warnings[0]!, 'zh-CN')).toBe(preview.warnings[0]!.message);
    expect(problemText(preview.warnings[0]!, 'en')).toBe(
      'Blueprint mini-plan (section “保修”) uses clause warranty/标准, which is neither in the pack nor in the library',
    );
  });

  async function conflictSetup() {
    const hq = await headquarters();
    const branch = await open(await tempDir());
    await branch.applyImport(await hq.exportPack({ clauseIds: ['warranty'], blueprintIds: ['mini-plan'] }));
    // both sides change the same clause and blueprint differently
    const mine = await branch.editVariant(
      'warranty',
      '标准',
      { body: '分公司版：整机保修五年。', changeNote: '分公司' },
      '分公司法务',
    );
    await branch.submit(mine, '分公司法务');
    await branch.approve(mine, '分公司经理');
    await branch.saveBlueprint(
      {
        id: 'mini-plan',
        docType: 'service-plan',
        title: '分公司方案',
        sections: [{ title: '保修', clauses: [{ id: 'warranty', variant: '标准' }] }],
      },
      '分公司法务',
    );
    const theirs = await hq.editVariant(
      'warranty',
      '标准',
      { body: '总部版：整机保修四年。', changeNote: '总部' },
      '张律师',
    );
    await hq.submit(theirs, '张律师');
    await hq.approve(theirs, '李主任');
    await hq.saveBlueprint(
      {
        id: 'mini-plan',
        docType: 'service-plan',
        title: '总部方案',
        sections: [{ title: '保修', clauses: [{ id: 'warranty', variant: '标准' }] }],
      },
      '张律师',
    );
    const pack = await hq.exportPack({ clauseIds: ['warranty', 'fees'], blueprintIds: ['mini-plan'] });
    return { hq, branch, pack };
  }

  it('preview classifies new / identical / conflicting and shows the diff of a conflict', async () => {
    const { branch, pack } = await conflictSetup();
    const p = await branch.previewImport(fromHq(pack), trustHq);
    expect(p.items.map((i) => `${i.key}:${i.status}`)).toEqual([
      'clause:warranty/标准:conflicting',
      'clause:fees/标准:new',
      'blueprint:mini-plan:conflicting',
    ]);
    const w = p.items[0]!;
    expect(w.mine).toMatchObject({ version: 2, status: 'approved', author: '分公司法务' });
    expect(w.theirs).toMatchObject({ version: 2, status: 'approved', author: '张律师' });
    expect(w.diff!.some((s) => s.op === 'insert' && s.text.includes('总部'))).toBe(true);
  });

  it('conflicts without a resolution change nothing', async () => {
    const { branch, pack } = await conflictSetup();
    const before = await fingerprint(branch);
    await expect(branch.applyImport(pack, { 'clause:warranty/标准': 'take-theirs' })).rejects.toMatchObject({
      code: 'unresolved_conflicts',
      message: expect.stringContaining('blueprint:mini-plan'),
    });
    await expect(branch.applyImport(pack, { 'clause:nope/标准': 'keep-mine' } as never)).rejects.toMatchObject({
      code: 'bad_request',
    });
    await expect(branch.applyImport(pack, { 'clause:warranty/标准': 'merge' } as never)).rejects.toMatchObject({
      code: 'bad_request',
    });
    expect(await fingerprint(branch)).toEqual(before);
  });

  it('take-theirs adds their text as a new version of my variant and replaces the blueprint', async () => {
    const { branch, pack } = await conflictSetup();
    const r = await branch.applyImport(pack, {
      'clause:warranty/标准': 'take-theirs',
      'blueprint:mini-plan': 'take-theirs',
    });
    expect(r.actions).toEqual([
      { key: 'clause:warranty/标准', action: 'new-version', note: 'v3' },
      { key: 'clause:fees/标准', action: 'added', note: 'v1' },
      { key: 'blueprint:mini-plan', action: 'replaced' },
    ]);
    const hist = await branch.history('warranty', '标准');
    expect(hist.map((h) => `${h.version}:${h.origin}:${h.body}`)).toEqual([
      '3:pack:总部版：整机保修四年。',
      '2:user:分公司版：整机保修五年。',
      `1:pack:${WARRANTY_BODY}`,
    ]);
    expect((await branch.listBlueprints())[0]!.title).toBe('总部方案');
  });

  it('keep-both adds theirs beside mine; keep-mine leaves mine', async () => {
    const { branch, pack } = await conflictSetup();
    const r = await branch.applyImport(pack, {
      'clause:warranty/标准': 'keep-both',
      'blueprint:mini-plan': 'keep-mine',
    });
    expect(r.actions[0]).toEqual({ key: 'clause:warranty/标准', action: 'kept-both', note: 'as variant 标准（导入）' });
    const c = (await branch.getClause('warranty'))!;
    expect(c.variants.map((v) => `${v.name}:${v.versions.length}`)).toEqual(['标准:2', '标准（导入）:1']);
    expect((await branch.listBlueprints()).map((b) => b.title)).toEqual(['分公司方案']);
    const again = await branch.applyImport(pack, {
      'clause:warranty/标准': 'keep-both',
      'blueprint:mini-plan': 'keep-both',
    });
    expect(again.actions.map((a) => a.note)).toEqual([
      'as variant 标准（导入2）',
      undefined,
      'as blueprint mini-plan-imported',
    ]);
  });

  // The reason in Chinese, and params.why naming it for the English wording (core/library/store/storeText.ts).
  const tamperings: [string, (p: BidForgePack) => unknown, string, RegExp][] = [
    [
      'a changed clause body (checksum mismatch)',
      (p) => ((p.payload.clauses[0]!.variants[0]!.version.body = '整机保修十年。'), p),
      'checksum',
      /校验和不符：导出后内容被改动过（应为 [0-9a-f]{12}…，实际为 [0-9a-f]{12}…）/,
    ],
    ['a removed clause (checksum mismatch)', (p) => (p.payload.clauses.pop(), p), 'checksum', /校验和不符/],
    ['a wrong format', (p) => ({ ...p, format: 'zip' }), 'format', /format 为 "zip"，应为“bidforge-pack”/],
    [
      'a pack from a newer BidForge',
      (p) => ({ ...p, schemaVersion: 7 }),
      'newer',
      /更新版本的 BidForge 制作（条款包格式第 7 版，本版本最多读取第 1 版）/,
    ],
    ['a missing checksum', (p) => ({ ...p, checksum: undefined }), 'envelope', /checksum：无效输入：期望 字符串/],
    [
      'a bad payload with a matching checksum',
      (p) => makePack({ ...p.payload, clauses: [{ ...p.payload.clauses[0]!, id: 'Not Kebab' }] }, new Date()),
      'payload',
      /包内容有误：clauses\.0\.id：条款标识只能用小写字母/,
    ],
    ['not JSON at all', () => '{"format": "bidforge-pack", ', 'not_json', /文件不是有效的 JSON/],
    ['an array', () => [], 'envelope', /（顶层）：无效输入：期望 对象，实际接收 数组/],
  ];
  it.each(tamperings)(
    'a tampered or malformed pack is refused with the reason and changes nothing: %s',
    async (_name, tamper, why, reason) => {
      const { branch, pack } = await conflictSetup();
      const bad = tamper(roundTrip(pack));
      const before = await fingerprint(branch);
      const message = expect.stringMatching(new RegExp(`^不是可用的 BidForge 条款包：.*${reason.source}`));
      await expect(branch.previewImport(bad)).rejects.toMatchObject({
        code: 'bad_pack',
        message,
        problems: [{ code: 'bad_pack', message, params: expect.objectContaining({ why }) }],
      });
      await expect(
        branch.applyImport(bad, { 'clause:warranty/标准': 'take-theirs', 'blueprint:mini-plan': 'take-theirs' }),
      ).rejects.toMatchObject({ code: 'bad_pack' });
      expect(await fingerprint(branch)).toEqual(before);
    },
  );
});

describe('内置模板更新像资料包一样合并', () => {
  const bp = (title: string): Blueprint => ({
    id: 'mini',
    docType: 'service-plan',
    title,
    sections: [{ title: '保修', clauses: [{ id: 'warranty-terms', variant: '标准' }] }],
  });

  it('new ones are added, identical skipped, changed built-ins become a new approved version unless edited here', async () => {
    const c = testClock();
    const templates = await tempDir('bidforge-tpl-');
    await writeTemplates(
      templates,
      {
        'warranty-terms.md': { meta: warrantyMeta(), body: WARRANTY_BODY },
        'fees.md': { meta: warrantyMeta({ id: 'fees', title: '收费', category: '收费标准' }), body: '按成本价收取。' },
        'contacts.md': {
          meta: warrantyMeta({ id: 'contacts', title: '联系方式', category: '联系方式' }),
          body: '服务热线。',
        },
      },
      { 'mini.json': bp('简版') },
    );
    const store = await open(await tempDir(), { templatesDir: templates, clock: c.clock });
    expect(store.openReport.seeded!.counts).toMatchObject({ added: 4 });

    // someone here edits the fees clause
    const mine = await store.editVariant('fees', '标准', { body: '按成本价八折收取。', changeNote: '本地优惠' }, '王');

    // the next release changes warranty-terms and fees, adds a variant and a clause, and changes the blueprint
    c.advanceDays(30);
    await writeTemplates(
      templates,
      {
        'warranty-terms.md': {
          meta: warrantyMeta({ version: 2, changeNote: '压缩机延保' }),
          body: '整机保修{{warranty_years}}年，压缩机包修八年。',
        },
        'warranty-terms--gov.md': { meta: warrantyMeta({ variant: '政府采购版' }), body: '按政府采购合同约定保修。' },
        'fees.md': {
          meta: warrantyMeta({ id: 'fees', title: '收费', category: '收费标准', version: 2 }),
          body: '按成本价九折收取。',
        },
        'training.md': {
          meta: warrantyMeta({ id: 'training', title: '培训', category: '培训计划' }),
          body: '现场培训两次。',
        },
      },
      { 'mini.json': bp('简版（2026）') },
    );
    const r = await store.mergeBuiltins();
    expect(Object.fromEntries(r.actions.map((a) => [a.key, a.action]))).toEqual({
      'clause:warranty-terms/标准': 'new-version',
      'clause:warranty-terms/政府采购版': 'added',
      'clause:fees/标准': 'conflict',
      'clause:contacts/标准': 'identical',
      'clause:training/标准': 'added',
      'blueprint:mini': 'replaced',
    });
    expect(r.conflicts.map((i) => i.key)).toEqual(['clause:fees/标准']);
    expect((await store.history('warranty-terms', '标准'))[0]).toMatchObject({
      version: 2,
      status: 'approved',
      origin: 'builtin',
      decidedAt: '2026-05-31T08:00:00.000Z',
    });
    expect((await store.history('fees'))[0]).toMatchObject({ version: mine.version, body: '按成本价八折收取。' }); // untouched
    expect((await store.listBlueprints())[0]!.title).toBe('简版（2026）');

    // merging the same release again changes nothing but still reports the open conflict
    const again = await store.mergeBuiltins();
    expect(again.counts).toMatchObject({ added: 0, 'new-version': 0, conflict: 1 });

    // the conflict can be settled like any pack
    const pack = await builtinPack(templates, c.clock);
    const preview = await store.previewImport(pack);
    expect(preview.items.filter((i) => i.status === 'conflicting').map((i) => i.key)).toEqual(['clause:fees/标准']);
    await store.applyImport(pack, { 'clause:fees/标准': 'take-theirs' });
    expect((await store.history('fees'))[0]).toMatchObject({
      version: 3,
      body: '按成本价九折收取。\n',
      origin: 'pack',
    });
  });

  it('a blueprint changed here is reported as a conflict rather than replaced', async () => {
    const templates = await tempDir('bidforge-tpl-');
    await writeTemplates(
      templates,
      { 'warranty-terms.md': { meta: warrantyMeta(), body: WARRANTY_BODY } },
      { 'mini.json': bp('简版') },
    );
    const store = await open(await tempDir(), { templatesDir: templates });
    await store.saveBlueprint(bp('我的简版'), '王');
    await writeFile(join(templates, 'blueprints', 'mini.json'), JSON.stringify(bp('简版（新）')));
    const r = await store.mergeBuiltins();
    expect(r.conflicts.map((i) => i.key)).toEqual(['blueprint:mini']);
    expect((await store.listBlueprints())[0]!.title).toBe('我的简版');
  });
});
