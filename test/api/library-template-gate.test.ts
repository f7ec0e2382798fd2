// Through the API: a draft with a body the renderer refuses is saved, but submit, approve and a pack export refuse it
// with code bad_template and a message naming the version and the reason (what the library screen shows).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { tempDir } from '../helpers/tmp.js';

const by = '法务张三';
const apiOn = (dataDir: string) =>
  createLocalClient(createHandlers({ templatesDir: 'templates', dataDir, today: () => '2026-12-01' }));
const BAD = '整机保修{{{warranty_months}}}个月。';

/** Puts a version in review by editing library.json, as an older BidForge (without the check) could have left it. */
function forceInReview(dataDir: string, clauseId: string, variant: string, version: number): void {
  const path = join(dataDir, 'library.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as {
    clauses: { id: string; variants: { name: string; versions: { status: string }[] }[] }[];
  };
  data.clauses.find((c) => c.id === clauseId)!.variants.find((v) => v.name === variant)!.versions[version - 1]!.status =
    'in_review';
  writeFileSync(path, JSON.stringify(data, null, 2));
}

describe('模板检查通过 API', () => {
  it('a bad draft is saved; librarySubmit rejects it with bad_template and the reason; it stays a draft', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    const ref = await api.libraryEdit({ clauseId: 'wc-periods', variant: '标准', body: BAD, changeNote: '改写', by });
    await expect(api.librarySubmit({ ref, by })).rejects.toMatchObject({
      code: 'bad_template',
      message: expect.stringMatching(
        /条款 wc-periods\/标准 第 2 版不能提交审核：模板不允许使用 \{\{\{ \}\}\} 原样输出/,
      ),
      params: { problems: [expect.objectContaining({ code: 'bad_template', clause: 'wc-periods' })] },
    });
    expect((await api.libraryHistory({ clauseId: 'wc-periods', variant: '标准' }))[0]).toMatchObject({
      version: 2,
      status: 'draft',
      body: BAD,
    });
  });

  it('libraryApprove rejects a bad version in review with the message; the approved version in use stays', async () => {
    const dataDir = tempDir('bf-lib-');
    const api = apiOn(dataDir);
    const ref = await api.libraryEdit({
      clauseId: 'wc-periods',
      variant: '标准',
      body: '保修{{> other}}',
      changeNote: '改写',
      by,
    });
    forceInReview(dataDir, 'wc-periods', '标准', ref.version);
    const before = readFileSync(join(dataDir, 'library.json'), 'utf8');

    await expect(api.libraryApprove({ ref, by: '李主任' })).rejects.toMatchObject({
      code: 'bad_template',
      message: expect.stringMatching(/条款 wc-periods\/标准 第 2 版不能批准：模板不允许使用局部模板或装饰器/),
    });
    expect(readFileSync(join(dataDir, 'library.json'), 'utf8')).toBe(before);
    expect((await api.libraryHistory({ clauseId: 'wc-periods', variant: '标准' }))[0]).toMatchObject({
      version: 2,
      status: 'in_review',
    });
    expect((await api.libraryList({ filter: {} })).find((r) => r.clauseId === 'wc-periods')).toMatchObject({
      latestApproved: 1,
    });
  });

  it('a pack that BidForge would refuse at import is refused at export; the approved versions export and re-import', async () => {
    const api = apiOn(tempDir('bf-lib-'));
    await api.libraryEdit({ clauseId: 'wc-periods', variant: '标准', body: BAD, changeNote: '改写', by });
    await expect(
      api.libraryExportPack({ clauseIds: ['wc-periods'], blueprintIds: [], includeUnapproved: true }),
    ).rejects.toMatchObject({
      code: 'bad_template',
      message: expect.stringMatching(
        /不能导出：条款 wc-periods\/标准 第 2 版（未审批）：模板不允许使用 \{\{\{ \}\}\} 原样输出/,
      ),
    });
    const { pack } = await api.libraryExportPack({ clauseIds: ['wc-periods'], blueprintIds: [] });
    expect((await api.libraryPreviewImport({ pack })).counts).toMatchObject({ identical: 2, conflicting: 0 }); // 标准 and the variant on facts
  });
});
