// One wire: every channel gives the same result and the same error codes in-process (CLI), through the HTTP host
// (browser) and through Electron's preload — and what used to differ between them now passes through each.
import { ephemeralSigningKey } from '@core/library/packSigning.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '@core/api/channels.js';
import type { ApiHandlers, Channel } from '@core/api/contract.js';
import { createHandlers } from '@core/api/handlers.js';
import { projectKey } from '@core/library/contract.js';
import type { Problem } from '@core/model/problem.js';
import type { Project } from '@core/model/project.js';
import { settingsSchema } from '@core/settings/schema.js';
import { tempDir } from '../helpers/tmp.js';
import { connect, fakeElectron, TRANSPORTS, type Connected, type TransportName } from '../helpers/transports.js';
import { tenderDocx } from '../tender/fixture.js';
import { TEST_PERIODS } from '../cards/helpers.js';

const csv = Buffer.from('客户名称,序列号,购买日期\n张三,SN1,2026-01-31\n').toString('base64');
const by = '法务';
const variables = [{ key: 'x', type: 'text' as const, label: '甲方', default: '某单位', required: true }];

type Outcome =
  | { channel: Channel; ok: true; value: unknown }
  | { channel: Channel; ok: false; code: string; params: unknown };

/** Every channel, in an order a user could follow (legal, a bid writer, sales), each outcome recorded. */
/** A colleague's public signing key, the same in every walk. */
const COLLEAGUE = ephemeralSigningKey().publicKey;

async function walk(api: ApiHandlers): Promise<Outcome[]> {
  const log: Outcome[] = [];
  const call = async <C extends Channel>(
    channel: C,
    arg: Parameters<ApiHandlers[C]>[0],
  ): Promise<Awaited<ReturnType<ApiHandlers[C]>>> => {
    try {
      const value = await (api[channel] as (a: unknown) => Promise<Awaited<ReturnType<ApiHandlers[C]>>>)(arg);
      log.push({ channel, ok: true, value });
      return value;
    } catch (e) {
      const { code, params } = e as { code: string; params: unknown };
      log.push({ channel, ok: false, code, params });
      return undefined as never;
    }
  };
  await call('listBlueprints', {});
  await call('listSamples', {});
  await call('listClauses', {});
  const { project } = await call('openSample', { name: 'service-plan-sample' });
  await call('openSample', { name: 'no-such-sample' });
  await call('newProject', { blueprint: 'service-plan', name: 'p1' });
  await call('newProject', { blueprint: 'nope' });
  await call('parseProject', { text: JSON.stringify(project), fileName: 'p.json' });
  await call('parseProject', { text: '{oops', fileName: 'bad.json' });
  await call('describeProject', { project });
  await call('checkProject', { project });
  await call('preview', { project });
  await call('exportDocument', { project, format: 'docx' });
  await call('exportDocument', {
    project: { ...project, values: { ...project.values, hotline: undefined } },
    format: 'pdf',
  });
  await call('describeOutline', { project });
  await call('recognizeRequirements', { text: '接到通知后2小时内到达现场' });
  // library: one legal workflow
  await call('libraryInfo', {});
  await call('libraryFacets', {});
  await call('libraryList', { filter: {}, query: '压缩机' });
  await call('librarySearch', { query: '壓縮機', filter: {} });
  await call('libraryClause', { clauseId: 'warranty-terms' });
  await call('libraryClause', { clauseId: 'no-such-clause' });
  const v1 = await call('libraryCreate', {
    clause: {
      id: 'wire-test',
      category: '测试',
      title: '测试条款',
      tags: [],
      docTypes: ['service-plan'],
      body: '本条款适用于{{x}}。',
      variables,
    },
    by,
  });
  await call('librarySubmit', { ref: v1, by });
  await call('libraryReject', { ref: v1, by, reason: '措辞需要调整' });
  const v2 = await call('libraryEdit', {
    clauseId: 'wire-test',
    variant: '标准',
    body: '本条款仅适用于{{x}}。',
    changeNote: '收紧',
    by,
  });
  await call('librarySubmit', { ref: v2, by });
  await call('libraryApprove', { ref: v2, by: '审核人' });
  await call('libraryApprove', { ref: v2, by: '' });
  await call('libraryAddVariant', {
    clauseId: 'wire-test',
    name: '政府采购版',
    body: '本条款适用于{{x}}（政府采购）。',
    variables,
    by,
  });
  await call('libraryUpdateMeta', { clauseId: 'wire-test', patch: { owner: '法务部', reviewIntervalMonths: 6 }, by });
  await call('libraryHistory', { clauseId: 'wire-test' });
  await call('libraryDiff', { from: v1, to: v2, granularity: 'char' });
  await call('libraryRetire', { clauseId: 'wire-test', variant: '标准', version: 1, by });
  await call('libraryDuplicate', { clauseId: 'wire-test', newId: 'wire-test-copy', by });
  await call('libraryMarkReviewed', { clauseId: 'wire-test', by });
  await call('libraryFreshness', { includeOk: true });
  await call('libraryUsage', {});
  await call('libraryWhereUsed', { clauseId: 'warranty-terms' });
  await call('libraryRender', { body: '本条款适用于{{x}}。', variables, docType: 'service-plan' });
  await call('libraryProjects', {});
  await call('recordProjectPins', { project });
  await call('projectOutdatedPins', { projectId: projectKey(project) });
  await call('projectUpdatePins', { projectId: projectKey(project), which: 'all' });
  const { pack } = await call('libraryExportPack', { clauseIds: ['wire-test'], blueprintIds: [] });
  await call('libraryPreviewImport', { pack });
  await call('libraryPreviewImport', { pack: { not: 'a pack' } });
  await call('libraryApplyImport', { pack, resolutions: {} });
  // Word import: any DOCX gives its candidate clauses (here the tender fixture's)
  await call('libraryImportWord', { fileName: '条款.docx', data: Buffer.from(await tenderDocx()).toString('base64') });
  // 设置, 首页, 保修卡
  await call('saveSettings', {
    settings: settingsSchema.parse({ company: { name: '华信机电', hotline: '400-800-1234' } }),
  });
  await call('getSettings', {});
  await call('recordRecentProject', { project });
  await call('listRecentProjects', {});
  await call('openRecentProject', { id: project.id ?? projectKey(project) });
  await call('searchProjects', { query: '空调' });
  const { backups } = await call('listBackups', {});
  await call('restoreBackup', { name: backups[0]!.name });
  await call('restoreBackup', { name: 'library-20990101T000000000Z.json' });
  // 受信任的签发人: the own key (made on first look), a colleague's key added and removed, text that is no key refused
  await call('listTrustedSigners', {});
  const { signers } = await call('addTrustedSigner', { name: '集团法务部', key: `bidforge-ed25519:${COLLEAGUE}` });
  await call('removeTrustedSigner', { fingerprint: signers[0]!.fingerprint });
  await call('addTrustedSigner', { name: '某人', key: '这不是公钥' });
  await call('parseCards', { fileName: 'c.csv', data: csv, periods: TEST_PERIODS, previewCount: 1, qr: false });
  await call('exportCards', {
    fileName: 'c.csv',
    data: csv,
    periods: TEST_PERIODS,
    format: 'pdf',
    layout: 'a5',
    qr: false,
  });
  // tender: a small DOCX tender the tests write (test/tender/fixture.ts)
  await call('readTender', { fileName: '招标文件.docx', data: Buffer.from(await tenderDocx()).toString('base64') });
  // 自查 and its XLSX (a project without a stored tender still has its ★ rows and figures checked)
  await call('tenderSelfCheck', { project });
  await call('exportTenderSelfCheck', { project });
  // 团队库: no server in 设置 — the state says so and a sync on demand is refused with a code
  await call('teamSyncStatus', {});
  await call('teamSyncNow', {});
  // 共享文件夹: none in 设置 — the state says so; a pull or publish answers with the problem, not an error
  await call('teamFolderStatus', {});
  await call('teamFolderPull', {});
  await call('teamFolderPublish', {});
  return log;
}

/** What may differ between runs on different data folders: clock readings, generated ids, paths, file bytes, keys. */
function comparable(v: unknown, dataDir: string): unknown {
  if (v instanceof Uint8Array) return { bytes: v.byteLength > 0, head: Array.from(v.subarray(0, 4)) };
  if (typeof v === 'string')
    return v
      .split(dataDir)
      .join('<data>')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      .replace(/\d{8}T\d{9}Z(-\d+)?/g, '<stamp>')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
      .replace(/\b[0-9a-f]{64}\b/g, '<sha256>')
      .replace(/\b[0-9A-F]{4}(-[0-9A-F]{4}){3}\b/g, '<fingerprint>')
      .replace(/^[A-Za-z0-9+/]{43}=$|^[A-Za-z0-9+/]{86}==$/, '<ed25519>')
      .replace(/bidforge-ed25519:[A-Za-z0-9+/]{43}=/g, 'bidforge-ed25519:<ed25519>');
  if (Array.isArray(v)) return v.map((x) => comparable(x, dataDir));
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k, comparable(x, dataDir)]),
    );
  return v;
}

const opened: Connected[] = [];
/** A fresh data folder and handlers per transport, so each walk starts from the same state. */
async function fresh(name: TransportName) {
  const dataDir = tempDir('bf-wire-');
  const c = await connect(
    name,
    createHandlers({ templatesDir: 'templates', dataDir, today: () => '2026-12-01', program: 'test' }),
  );
  opened.push(c);
  return { ...c, dataDir };
}
afterAll(async () => {
  for (const c of opened) await c.close();
});

describe('every channel through every transport', () => {
  const walks = new Map<TransportName, unknown>();
  beforeAll(async () => {
    for (const name of TRANSPORTS) {
      const { api, dataDir } = await fresh(name);
      walks.set(name, comparable(await walk(api), dataDir));
    }
  }, 240_000);

  it('the walk calls every channel, and its refusals come back as errors with a code', () => {
    const log = walks.get('in-process') as Outcome[];
    expect(CHANNELS.filter((c) => !log.some((o) => o.channel === c))).toEqual([]);
    expect(log.filter((o) => !o.ok).map((o) => [o.channel, (o as { code: string }).code])).toEqual([
      ['openSample', 'not_found'],
      ['newProject', 'unknown_blueprint'],
      ['parseProject', 'bad_project'],
      ['exportDocument', 'check_failed'],
      ['libraryClause', 'not_found'],
      ['libraryApprove', 'bad_request'],
      ['libraryPreviewImport', expect.any(String)],
      ['restoreBackup', 'not_found'],
      ['addTrustedSigner', 'bad_key'],
      ['teamSyncNow', 'team_not_configured'],
    ]);
  });

  it('over IPC, a call from a page that is not the app is answered forbidden (as an envelope, not a throw)', async () => {
    const preload = fakeElectron(createHandlers({ templatesDir: 'templates' }), 'https://evil.example/index.html');
    expect(await preload.bidforge.listSamples({})).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'untrusted sender', params: {} },
    });
  });

  it.each(TRANSPORTS.filter((t) => t !== 'in-process'))(
    '%s gives the same results and the same error codes and params as in-process',
    (name) => {
      expect(walks.get(name)).toEqual(walks.get('in-process'));
    },
  );
});

describe.each(TRANSPORTS)('what used to differ between the shells, through %s', (name) => {
  let api: ApiHandlers;
  let sample: Project;
  beforeAll(async () => {
    ({ api } = await fresh(name));
    sample = (await api.openSample({ name: 'service-plan-sample' })).project;
  });

  it('an export blocked by check errors is an error coded check_failed, with the problems as params (the composer words it by code)', async () => {
    const { hotline: _dropped, ...values } = sample.values;
    const failed = await api
      .exportDocument({ project: { ...sample, values }, format: 'docx' })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({
      name: 'ApiError',
      code: 'check_failed',
      message: expect.stringMatching(/^导出前检查发现 \d+ 个错误：/),
    });
    expect((failed as { params: { problems: Problem[] } }).params.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', field: 'values.hotline' }),
    );
  });

  it('an export with 500 warnings (Chinese and emoji in each) succeeds and brings every warning, whole', async () => {
    const extra = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`备注😀${i}`, '未使用的值']));
    const { fileName, bytes, problems } = await api.exportDocument({
      project: { ...sample, values: { ...sample.values, ...extra } },
      format: 'docx',
    });
    expect(fileName).toMatch(/\.docx$/);
    expect(Array.from(bytes.subarray(0, 2))).toEqual([0x50, 0x4b]); // PK: a zip
    const unused = problems.filter((p) => p.code === 'unused_value');
    expect(unused).toHaveLength(500);
    expect(unused.every((p) => p.severity === 'warning')).toBe(true);
    expect(unused[499]!.message).toContain('备注😀499');
  });

  it('checking a bid package checks every document: a value only the installation agreement uses is reported, naming that document', async () => {
    const { project: pkg } = await api.openSample({ name: 'bid-package-sample' });
    const { party_b_name: _dropped, ...values } = pkg.values;
    const { problems } = await api.checkProject({ project: { ...pkg, values } });
    expect(problems).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'missing_value',
        field: 'values.party_b_name',
        file: 'install-agreement',
      }),
    );
    expect((await api.checkProject({ project: pkg })).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('warranty cards carry the company from 设置, not the template’s sample company', async () => {
    await api.saveSettings({
      settings: settingsSchema.parse({ company: { name: '华信机电有限公司', hotline: '400-800-1234' } }),
    });
    const { preview } = await api.parseCards({
      fileName: 'c.csv',
      data: csv,
      periods: TEST_PERIODS,
      previewCount: 1,
      qr: false,
    });
    expect(preview[0]).toMatchObject({ company: '华信机电有限公司', hotline: '400-800-1234' });
  });
});
