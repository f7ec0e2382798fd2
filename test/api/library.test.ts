// The library channels on a real store in a temporary data folder: seeding, search, workflow, pins, the lock.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { openStore } from '@core/library/store/index.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';

const by = '法务张三';
const apiOn = (dataDir: string) =>
  createLocalClient(createHandlers({ templatesDir: 'templates', dataDir, today: () => '2026-12-01' }));
const text = (doc: { blocks: unknown[] }) => squash(JSON.stringify(doc.blocks));

describe('clause library through the API', () => {
  it('seeds a new data folder from the built-in templates, and documents come from the store', async () => {
    const dataDir = tempDir('bf-lib-');
    const api = apiOn(dataDir);
    const info = await api.libraryInfo({});
    expect(info.dataDir).toBe(dataDir);
    expect(info.clauses).toBeGreaterThan(60);
    expect(existsSync(join(dataDir, 'library.json'))).toBe(true);
    expect((await api.listClauses({})).find((c) => c.id === 'wc-periods' && c.variant === '标准')).toMatchObject({
      status: 'approved',
      version: 1,
    });
  });

  it('finds 压缩机 in Simplified and Traditional queries, with filters', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const hans = await api.libraryList({ filter: {}, query: '压缩机' });
    expect(hans[0]).toMatchObject({ clauseId: 'wc-periods', latest: { status: 'approved' } });
    expect(hans[0]!.snippet).toContain('压缩机');
    expect((await api.libraryList({ filter: {}, query: '壓縮機' })).map((r) => r.clauseId)).toContain('wc-periods');
    expect(await api.libraryList({ filter: { docType: 'install-agreement' }, query: '压缩机' })).toEqual([]);
  });

  it('an edit is a new draft; submitted and approved it becomes what new documents use, with a diff from the old', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const clause = await api.libraryClause({ clauseId: 'wc-periods' });
    const old = clause.variants.find((v) => v.name === '标准')!.versions[0]!;
    const v2 = await api.libraryEdit({
      clauseId: 'wc-periods',
      variant: '标准',
      body: old.body.replace('具体如下', '各部件保修期限如下'),
      changeNote: '措辞',
      baseVersion: 1,
      by,
    });
    expect(v2.version).toBe(2);
    expect((await api.libraryHistory({ clauseId: 'wc-periods' }))[0]).toMatchObject({
      version: 2,
      status: 'draft',
      author: by,
    });
    await api.librarySubmit({ ref: v2, by });
    await expect(api.librarySubmit({ ref: v2, by })).rejects.toMatchObject({ code: 'bad_transition' });
    await api.libraryApprove({ ref: v2, by: '审核人李四' });
    const diff = await api.libraryDiff({ from: { ...v2, version: 1 }, to: v2, granularity: 'word' });
    expect(
      diff.segments
        .filter((s) => s.op === 'insert')
        .map((s) => s.text)
        .join(''),
    ).toContain('各部件保修期限');
    expect((await api.listClauses({})).find((c) => c.id === 'wc-periods' && c.variant === '标准')).toMatchObject({
      version: 2,
    });
  });

  it('a rejection needs a reason and sends the version back to draft', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const v2 = await api.libraryEdit({ clauseId: 'warranty-terms', variant: '标准', changeNote: '复核', by });
    await api.librarySubmit({ ref: v2, by });
    await expect(api.libraryReject({ ref: v2, by, reason: ' ' })).rejects.toMatchObject({ code: 'bad_request' });
    await api.libraryReject({ ref: v2, by, reason: '保修期与合同不一致' });
    expect((await api.libraryHistory({ clauseId: 'warranty-terms', variant: '标准' }))[0]).toMatchObject({
      status: 'draft',
      rejectReason: '保修期与合同不一致',
    });
  });

  it('an export pins the versions it used: where-used lists the project, a newer approved version is offered, and the project keeps its text until updated', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const { project } = await api.openSample({ name: 'warranty-card-sample' });
    await api.exportDocument({ project, format: 'docx' });
    expect(await api.libraryWhereUsed({ clauseId: 'wc-periods' })).toEqual([
      expect.objectContaining({ projectId: project.id!, version: 1, name: project.title }),
    ]);

    const v1 = await api.libraryClause({ clauseId: 'wc-periods' });
    // The card's blueprint uses the periods on facts.
    const v2 = await api.libraryEdit({
      clauseId: 'wc-periods',
      variant: '逐项承诺',
      body: v1.variants.find((v) => v.name === '逐项承诺')!.versions[0]!.body.replace('具体如下', '详见下表'),
      changeNote: '措辞',
      by,
    });
    await api.librarySubmit({ ref: v2, by });
    await api.libraryApprove({ ref: v2, by: '审核人李四' });

    expect(await api.projectOutdatedPins({ projectId: project.id! })).toEqual([
      expect.objectContaining({ clauseId: 'wc-periods', pinned: 1, latestApproved: 2 }),
    ]);
    expect(text((await api.preview({ project })).document)).toContain('具体如下');
    expect(await api.projectUpdatePins({ projectId: project.id!, which: ['wc-periods'] })).toEqual([
      { clauseId: 'wc-periods', variant: '逐项承诺', from: 1, to: 2 },
    ]);
    expect(text((await api.preview({ project })).document)).toContain('详见下表');
    expect(await api.projectOutdatedPins({ projectId: project.id! })).toEqual([]);
    expect((await api.libraryProjects({})).find((p) => p.projectId === project.id)).toMatchObject({ outdated: 0 });
  });

  it('renders a draft body with its variables’ defaults, and reports a template error as a problem', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const variables = [
      { key: 'months', type: 'integer' as const, label: '保修期', unit: '个月', default: 36, required: true },
    ];
    const { document } = await api.libraryRender({
      body: '整机保修{{months}}个月。',
      variables,
      docType: 'service-plan',
      title: '保修',
    });
    expect(text(document)).toContain('整机保修36个月');
    const bad = await api.libraryRender({ body: '保修{{nope}}个月。', variables, docType: 'service-plan' });
    expect(bad.problems.some((p) => p.severity === 'error')).toBe(true);
  });

  it('exports a pack and previews it as identical; a tampered pack is refused and changes nothing', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const { fileName, pack } = await api.libraryExportPack({
      clauseIds: ['wc-periods'],
      blueprintIds: ['warranty-card'],
    });
    expect(fileName).toMatch(/\.bfpack\.json$/);
    // its two variants (标准 and the one on facts) and the blueprint
    expect((await api.libraryPreviewImport({ pack })).counts).toMatchObject({ identical: 3, new: 0, conflicting: 0 });
    const tampered = JSON.parse(JSON.stringify(pack).replace('压缩机', '压缩泵')) as unknown;
    await expect(api.libraryPreviewImport({ pack: tampered })).rejects.toMatchObject({
      code: 'bad_pack',
      message: expect.stringMatching(/校验和不符/),
    });
  });

  it('holds the lock only while writing; a write while the CLI holds it says who, reads still work', async () => {
    const dataDir = tempDir('bf-lib-');
    const api = apiOn(dataDir);
    await api.libraryMarkReviewed({ clauseId: 'wc-periods', by });
    expect(readdirSync(join(dataDir, 'library.locks')).filter((n) => n.endsWith('.json'))).toEqual([]); // no claim left

    const cli = await openStore({ dataDir, program: 'CLI', identity: { pid: process.ppid } }); // a live process that is not us
    await cli.markReviewed('warranty-terms', 'cli');
    await expect(api.libraryMarkReviewed({ clauseId: 'wc-periods', by })).rejects.toMatchObject({
      code: 'store_locked',
      message: expect.stringContaining('条款库正被 BidForge 命令行'),
    });
    expect((await api.libraryList({ filter: {}, query: '压缩机' })).length).toBeGreaterThan(0);
    await cli.close();
    await api.libraryMarkReviewed({ clauseId: 'wc-periods', by });
  });

  it('without a data folder the library answers no_store, and the composer still works on the templates', async () => {
    const api = createLocalClient(createHandlers({ templatesDir: 'templates' }));
    await expect(api.libraryList({ filter: {} })).rejects.toMatchObject({ code: 'no_store' });
    expect((await api.listClauses({})).length).toBeGreaterThan(60);
  });
});
