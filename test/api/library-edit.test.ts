// The library channels for variants, clause details, drafts from older versions, and pins recorded on save.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { projectKey } from '@core/library/contract.js';
import { createLocalClient } from '@core/api/localClient.js';
import { tempDir } from '../helpers/tmp.js';

const by = '法务张三';
const apiOn = (dataDir: string) =>
  createLocalClient(createHandlers({ templatesDir: 'templates', dataDir, today: () => '2026-12-01' }));

describe('条款变体、条款信息与旧版本草稿', () => {
  it('adds a 7×24 加强版 variant to an existing clause as draft v1, and a duplicate name is refused', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const ref = await api.libraryAddVariant({
      clauseId: 'wc-periods',
      name: '7×24 加强版',
      body: '整机保修期内提供7×24小时服务。',
      by,
    });
    expect(ref).toEqual({ clauseId: 'wc-periods', variant: '7×24 加强版', version: 1 });
    expect((await api.libraryHistory({ clauseId: 'wc-periods', variant: '7×24 加强版' }))[0]).toMatchObject({
      status: 'draft',
      author: by,
      changeNote: '新建变体',
    });
    expect(
      (await api.libraryList({ filter: {} })).filter((r) => r.clauseId === 'wc-periods').map((r) => r.variant),
    ).toEqual(['逐项承诺', '标准', '7×24 加强版']);
    await expect(api.libraryAddVariant({ clauseId: 'wc-periods', name: '标准', body: 'x', by })).rejects.toMatchObject({
      code: 'variant_exists',
    });
    await expect(api.libraryAddVariant({ clauseId: 'wc-periods', name: ' ', body: 'x', by })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('edits owner and review interval: the clause and the review list show them', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const clause = await api.libraryUpdateMeta({
      clauseId: 'wc-periods',
      patch: { owner: '法务部王工', reviewIntervalMonths: 6, tags: ['保修', '压缩机'] },
      by,
    });
    expect(clause).toMatchObject({ owner: '法务部王工', reviewIntervalMonths: 6, tags: ['保修', '压缩机'] });
    expect((await api.libraryFreshness({ includeOk: true })).find((f) => f.clauseId === 'wc-periods')).toMatchObject({
      owner: '法务部王工',
      reviewIntervalMonths: 6,
    });
    await expect(
      api.libraryUpdateMeta({ clauseId: 'wc-periods', patch: { reviewIntervalMonths: 0 }, by }),
    ).rejects.toMatchObject({ code: 'bad_request' });
    await expect(api.libraryUpdateMeta({ clauseId: 'wc-periods', patch: { docTypes: [] }, by })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('starts a new draft from an older version: its text comes back as the newest draft', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const v1 = (await api.libraryClause({ clauseId: 'wc-periods' })).variants.find((v) => v.name === '标准')!
      .versions[0]!;
    await api.libraryEdit({
      clauseId: 'wc-periods',
      variant: '标准',
      body: v1.body.replace('具体如下', '详见下表'),
      changeNote: '措辞',
      by,
    });
    const v3 = await api.libraryEdit({
      clauseId: 'wc-periods',
      variant: '标准',
      fromVersion: 1,
      baseVersion: 2,
      changeNote: '从 v1 重新起草',
      by,
    });
    expect(v3.version).toBe(3);
    const [latest] = await api.libraryHistory({ clauseId: 'wc-periods', variant: '标准' });
    expect(latest).toMatchObject({ version: 3, status: 'draft', body: v1.body });
  });

  it('a version keeps its condition through the API; null removes it', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const when = { key: 'warranty_months', op: 'gte' as const, value: 24 };
    const v2 = await api.libraryEdit({
      clauseId: 'wc-periods',
      variant: '标准',
      when,
      changeNote: '长保修时才列出',
      by,
    });
    expect((await api.libraryHistory({ clauseId: 'wc-periods', variant: '标准' }))[0]!.when).toEqual(when);
    await api.libraryEdit({
      clauseId: 'wc-periods',
      variant: '标准',
      when: null,
      baseVersion: v2.version,
      changeNote: '总是列出',
      by,
    });
    expect((await api.libraryHistory({ clauseId: 'wc-periods', variant: '标准' }))[0]!.when).toBeUndefined();
  });
});

describe('保存项目时记录条款版本', () => {
  it('recordProjectPins pins the versions the project uses, keyed like an export: by id, or by name for a file without id', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    // A file from before ids, as a caller of the core (the CLI's render) may still pass one.
    const { id: _opened, ...project } = (await api.openSample({ name: 'warranty-card-sample' })).project;
    expect(project).not.toHaveProperty('id');
    const rec = await api.recordProjectPins({ project });
    expect(rec.projectId).toBe(project.name);
    expect(rec.pins).toContainEqual(
      expect.objectContaining({ clauseId: 'wc-periods', variant: '逐项承诺', version: 1 }),
    );
    // The export later records the same project, not a second one.
    await api.exportDocument({ project, format: 'docx' });
    expect((await api.libraryProjects({})).filter((p) => p.projectId === projectKey(project))).toHaveLength(1);
    expect(await api.libraryProjects({})).toHaveLength(1);

    const withId = { ...project, id: 'c0ffee-1' };
    expect((await api.recordProjectPins({ project: withId })).projectId).toBe('c0ffee-1');
  });

  it('projectOutdatedPins answers for a whole project with the same key; a project never saved has none', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const { project } = await api.newProject({ blueprint: 'warranty-card' });
    expect(project.id).toBeDefined();
    expect(await api.projectOutdatedPins({ project })).toEqual([]);
    await expect(api.projectOutdatedPins({ projectId: project.id! })).rejects.toMatchObject({ code: 'not_found' });

    await api.recordProjectPins({ project });
    // The card's blueprint uses the periods on facts.
    const v1 = (await api.libraryClause({ clauseId: 'wc-periods' })).variants.find((v) => v.name === '逐项承诺')!
      .versions[0]!;
    const v2 = await api.libraryEdit({
      clauseId: 'wc-periods',
      variant: '逐项承诺',
      body: v1.body.replace('具体如下', '详见下表'),
      changeNote: '措辞',
      by,
    });
    await api.librarySubmit({ ref: v2, by });
    await api.libraryApprove({ ref: v2, by: '审核人李四' });
    const outdated = [expect.objectContaining({ clauseId: 'wc-periods', pinned: 1, latestApproved: 2 })];
    expect(await api.projectOutdatedPins({ project })).toEqual(outdated);
    expect(await api.projectOutdatedPins({ projectId: project.id! })).toEqual(outdated);
  });

  it('asks for exactly one of projectId and project', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const { project } = await api.openSample({ name: 'warranty-card-sample' });
    await expect(api.projectOutdatedPins({})).rejects.toMatchObject({ code: 'bad_request' });
    await expect(api.projectOutdatedPins({ projectId: 'x', project })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('without a data folder there is nothing to pin in', async () => {
    const api = createLocalClient(createHandlers({ templatesDir: 'templates' }));
    const { project } = await api.openSample({ name: 'warranty-card-sample' });
    await expect(api.recordProjectPins({ project })).rejects.toMatchObject({ code: 'no_store' });
  });
});
