// Conditions (`when`), owners and review intervals travel with clauses: through the store, packs, built-in merges
// and the schema-2 → 3 migration; a new draft may start from any older version.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClause, type When } from '@core/model/library.js';
import { STORE_SCHEMA_VERSION } from '@core/library/store/index.js';
import { approvedClause, open, tempDir, WARRANTY_BODY, warrantyMeta, writeTemplates } from './helpers.js';

const LONG_WARRANTY: When = { key: 'warranty_months', op: 'gte', value: 24 };

describe('条款的适用条件（when）', () => {
  it('a new clause keeps its condition, and the assembler sees it through toLibrary and getVersion', async () => {
    const store = await open(await tempDir());
    const ref = await store.createClause(
      {
        id: 'latent',
        category: '保修条款',
        title: '潜在缺陷',
        docTypes: ['service-plan'],
        body: '潜在缺陷另行保修。',
        when: LONG_WARRANTY,
      },
      '张律师',
    );
    expect((await store.getVersion(ref)).when).toEqual(LONG_WARRANTY);
    await store.submit(ref, '张律师');
    await store.approve(ref, '李主任');
    expect(findClause(await store.toLibrary(), 'latent', '标准')!.when).toEqual(LONG_WARRANTY);
  });

  it('an edit keeps the condition unless it changes it; null removes it', async () => {
    const store = await open(await tempDir());
    await store.createClause(
      {
        id: 'latent',
        category: '保修条款',
        title: '潜在缺陷',
        docTypes: ['service-plan'],
        body: '潜在缺陷另行保修。',
        when: LONG_WARRANTY,
      },
      '张律师',
    );
    const v2 = await store.editVariant('latent', '标准', { body: '潜在缺陷保修十年。', changeNote: '措辞' }, '张律师');
    expect((await store.getVersion(v2)).when).toEqual(LONG_WARRANTY);
    const v3 = await store.editVariant(
      'latent',
      '标准',
      { changeNote: '改条件', when: { key: 'warranty_months', op: 'gte', value: 36 } },
      '张律师',
    );
    expect((await store.getVersion(v3)).when).toEqual({ key: 'warranty_months', op: 'gte', value: 36 });
    const v4 = await store.editVariant('latent', '标准', { changeNote: '总是适用', when: null }, '张律师');
    expect((await store.getVersion(v4)).when).toBeUndefined();
    expect((await store.getVersion({ ...v4, version: 1 })).when).toEqual(LONG_WARRANTY); // history unchanged
  });

  it('a pack carries the condition, and a version differing only in its condition is a conflict, not identical', async () => {
    const hq = await open(await tempDir());
    const ref = await hq.createClause(
      {
        id: 'latent',
        category: '保修条款',
        title: '潜在缺陷',
        docTypes: ['service-plan'],
        body: '潜在缺陷另行保修。',
        when: LONG_WARRANTY,
      },
      '张律师',
    );
    await hq.submit(ref, '张律师');
    await hq.approve(ref, '李主任');
    const pack = await hq.exportPack({ clauseIds: ['latent'], blueprintIds: [] });
    expect(pack.payload.clauses[0]!.variants[0]!.version.when).toEqual(LONG_WARRANTY);

    const branch = await open(await tempDir());
    await branch.applyImport(JSON.parse(JSON.stringify(pack)));
    expect((await branch.getVersion({ clauseId: 'latent', variant: '标准', version: 1 })).when).toEqual(LONG_WARRANTY);

    const other = await open(await tempDir());
    const o = await other.createClause(
      { id: 'latent', category: '保修条款', title: '潜在缺陷', docTypes: ['service-plan'], body: '潜在缺陷另行保修。' },
      '王',
    );
    await other.submit(o, '王');
    await other.approve(o, '李主任');
    expect((await other.previewImport(pack)).items[0]).toMatchObject({
      key: 'clause:latent/标准',
      status: 'conflicting',
    });
  });

  it('a duplicate keeps each variant’s condition', async () => {
    const store = await open(await tempDir());
    await store.createClause(
      {
        id: 'latent',
        category: '保修条款',
        title: '潜在缺陷',
        docTypes: ['service-plan'],
        body: '潜在缺陷另行保修。',
        when: LONG_WARRANTY,
      },
      '张律师',
    );
    await store.duplicateClause('latent', 'latent-copy', '王');
    expect((await store.getVersion({ clauseId: 'latent-copy', variant: '标准', version: 1 })).when).toEqual(
      LONG_WARRANTY,
    );
  });
});

describe('内置模板的负责人、复审周期和条件', () => {
  it('front matter owner, reviewIntervalMonths and when reach the seeded store; a changed condition merges as a new version', async () => {
    const templates = join(await tempDir(), 'templates');
    const meta = warrantyMeta({ owner: '法务部王工', reviewIntervalMonths: 6, when: LONG_WARRANTY });
    await writeTemplates(templates, { 'warranty.md': { meta, body: WARRANTY_BODY } });
    const store = await open(await tempDir(), { templatesDir: templates });
    expect(await store.getClause('warranty-terms')).toMatchObject({ owner: '法务部王工', reviewIntervalMonths: 6 });
    expect((await store.getVersion({ clauseId: 'warranty-terms', variant: '标准', version: 1 })).when).toEqual(
      LONG_WARRANTY,
    );

    await writeTemplates(templates, {
      'warranty.md': { meta: { ...meta, when: { key: 'warranty_months', op: 'gte', value: 36 } }, body: WARRANTY_BODY },
    });
    const report = await store.mergeBuiltins(templates);
    expect(report.actions).toEqual([{ key: 'clause:warranty-terms/标准', action: 'new-version', note: 'v2' }]);
    expect((await store.getVersion({ clauseId: 'warranty-terms', variant: '标准', version: 2 })).when).toEqual({
      key: 'warranty_months',
      op: 'gte',
      value: 36,
    });
  });

  it('without owner in the front matter the author owns it, reviewed every 12 months', async () => {
    const templates = join(await tempDir(), 'templates');
    await writeTemplates(templates, { 'warranty.md': { meta: warrantyMeta(), body: WARRANTY_BODY } });
    const store = await open(await tempDir(), { templatesDir: templates });
    expect(await store.getClause('warranty-terms')).toMatchObject({ owner: '法务部', reviewIntervalMonths: 12 });
  });

  it('a blueprint section’s annex flag and conditions survive seeding and a pack round trip', async () => {
    const templates = join(await tempDir(), 'templates');
    const bp = {
      id: 'mini',
      docType: 'service-plan',
      title: '简版',
      sections: [
        { title: '保修', clauses: [{ id: 'warranty-terms', variant: '标准', when: LONG_WARRANTY }] },
        {
          title: '费用测算',
          annex: true,
          when: { key: 'warranty_years', op: 'set' },
          clauses: [{ id: 'warranty-terms', variant: '标准' }],
        },
      ],
    };
    await writeTemplates(
      templates,
      { 'warranty.md': { meta: warrantyMeta(), body: WARRANTY_BODY } },
      { 'mini.json': bp },
    );
    const store = await open(await tempDir(), { templatesDir: templates });
    const pack = JSON.parse(
      JSON.stringify(await store.exportPack({ clauseIds: ['warranty-terms'], blueprintIds: ['mini'] })),
    );
    const other = await open(await tempDir());
    await other.applyImport(pack);
    const [got] = await other.listBlueprints();
    expect(got!.sections[1]).toMatchObject({ annex: true, when: { key: 'warranty_years', op: 'set' } });
    expect(got!.sections[0]!.clauses[0]!.when).toEqual(LONG_WARRANTY);
  });
});

describe('从旧版本开始新草稿', () => {
  it('the new draft follows the latest but starts from the chosen version’s text and variables', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    const v2 = await store.editVariant(
      'warranty',
      '标准',
      { body: '整机保修{{warranty_years}}年。', variables: [], changeNote: '删去压缩机' },
      '王',
    );
    const v3 = await store.editVariant(
      'warranty',
      '标准',
      { changeNote: '恢复 v1', fromVersion: 1, baseVersion: v2.version },
      '王',
    );
    expect(v3.version).toBe(3);
    const got = await store.getVersion(v3);
    expect(got.body).toBe(WARRANTY_BODY);
    expect(got.status).toBe('draft');
  });

  it('an unknown starting version is not found, and a stale editor is still refused', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await expect(
      store.editVariant('warranty', '标准', { changeNote: 'x', fromVersion: 9 }, '王'),
    ).rejects.toMatchObject({ code: 'not_found' });
    await store.editVariant('warranty', '标准', { changeNote: 'v2' }, '王');
    await expect(
      store.editVariant('warranty', '标准', { changeNote: 'x', fromVersion: 1, baseVersion: 1 }, '王'),
    ).rejects.toMatchObject({ code: 'stale_edit' });
  });
});

describe('结构版本 2 → 3', () => {
  it('a schema-2 file opens, is kept as it was in backups/, and is written as schema 3', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await approvedClause(first, 'warranty', WARRANTY_BODY);
    await first.close();
    const v2 = { ...JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')), schemaVersion: 2 };
    await writeFile(join(dir, 'library.json'), JSON.stringify(v2));
    const store = await open(dir);
    expect(store.openReport).toMatchObject({ migratedFrom: 2 });
    expect(STORE_SCHEMA_VERSION).toBe(3);
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).schemaVersion).toBe(3);
    expect((await store.getVersion({ clauseId: 'warranty', variant: '标准', version: 1 })).body).toBe(WARRANTY_BODY);
  });
});
