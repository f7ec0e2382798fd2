// The preload bridge with a fake ipcRenderer: every channel is reachable, arguments are validated in main.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, clientOfBridge, type ApiBridge } from '@core/api/channels.js';
import type { ApiHandlers } from '@core/api/contract.js';
import { dispatch } from '@core/api/dispatch.js';
import { createHandlers } from '@core/api/handlers.js';
import { projectKey } from '@core/library/contract.js';
import { tempDir } from '../helpers/tmp.js';
import { tenderDocx } from '../tender/fixture.js';

const exposed: Record<string, unknown> = {};
const invoked: string[] = [];
const handlers = createHandlers({ templatesDir: 'templates', dataDir: tempDir('bf-preload-') });

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (channel: string, arg: unknown) => {
      invoked.push(channel);
      return dispatch(handlers, channel.replace(/^api:/, ''), arg);
    },
    on: () => undefined, // the shell's menu and file-open events (not under test here)
  },
}));

const COMPOSER_CHANNELS: string[] = [
  'listBlueprints',
  'listSamples',
  'listClauses',
  'newProject',
  'openSample',
  'parseProject',
  'describeProject',
  'preview',
  'exportDocument',
  'describeOutline',
  'recognizeRequirements',
];

let bridge: ApiHandlers;
beforeAll(async () => {
  await import('../../electron/preload.js');
  bridge = clientOfBridge(exposed.bidforge as ApiBridge); // what renderer/src/api.ts does
});

describe('preload bridge', () => {
  it('exposes exactly one function per API channel and nothing else', () => {
    const exposedApi = exposed.bidforge as ApiBridge;
    expect(Object.keys(exposedApi).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(typeof exposedApi[c]).toBe('function');
  });

  it('routes each call to its own api:<channel> IPC channel', async () => {
    await bridge.listSamples({});
    const { project } = await bridge.openSample({ name: 'service-plan-sample' });
    await bridge.describeProject({ project });
    await bridge.preview({ project });
    await bridge.listBlueprints({});
    await bridge.listClauses({});
    await bridge.newProject({ blueprint: 'service-plan' });
    await bridge.parseProject({ text: JSON.stringify(project), fileName: 'p.json' });
    await bridge.exportDocument({ project, format: 'docx' });
    // composer: the outline and the tender's requirements
    await bridge.describeOutline({ project });
    await bridge.recognizeRequirements({ text: '接到通知后2小时内到达现场' });

    // library: one legal workflow touches every library channel.
    const by = '法务';
    await bridge.libraryInfo({});
    await bridge.libraryFacets({});
    await bridge.libraryList({ filter: {}, query: '压缩机' });
    await bridge.librarySearch({ query: '壓縮機', filter: {} });
    await bridge.libraryClause({ clauseId: 'warranty-terms' });
    const variables = [{ key: 'x', type: 'text' as const, label: '甲方', default: '某单位', required: true }];
    const v1 = await bridge.libraryCreate({
      clause: {
        id: 'bridge-test',
        category: '测试',
        title: '测试条款',
        tags: [],
        docTypes: ['service-plan'],
        body: '本条款适用于{{x}}。',
        variables,
      },
      by,
    });
    await bridge.librarySubmit({ ref: v1, by });
    await bridge.libraryReject({ ref: v1, by, reason: '措辞需要调整' });
    const v2 = await bridge.libraryEdit({
      clauseId: 'bridge-test',
      variant: '标准',
      body: '本条款仅适用于{{x}}。',
      changeNote: '收紧',
      by,
    });
    await bridge.librarySubmit({ ref: v2, by });
    await bridge.libraryApprove({ ref: v2, by: '审核人' });
    await bridge.libraryAddVariant({
      clauseId: 'bridge-test',
      name: '政府采购版',
      body: '本条款适用于{{x}}（政府采购）。',
      variables,
      by,
    });
    await bridge.libraryUpdateMeta({
      clauseId: 'bridge-test',
      patch: { owner: '法务部', reviewIntervalMonths: 6 },
      by,
    });
    await bridge.libraryHistory({ clauseId: 'bridge-test' });
    await bridge.libraryDiff({ from: v1, to: v2, granularity: 'char' });
    await bridge.libraryRetire({ clauseId: 'bridge-test', variant: '标准', version: 1, by });
    await bridge.libraryDuplicate({ clauseId: 'bridge-test', newId: 'bridge-test-copy', by });
    await bridge.libraryMarkReviewed({ clauseId: 'bridge-test', by });
    await bridge.libraryFreshness({ includeOk: true });
    await bridge.libraryUsage({});
    await bridge.libraryWhereUsed({ clauseId: 'warranty-terms' });
    await bridge.libraryRender({ body: '本条款适用于{{x}}。', variables, docType: 'service-plan' });
    await bridge.libraryProjects({});
    await bridge.recordProjectPins({ project });
    await bridge.projectOutdatedPins({ projectId: projectKey(project) });
    await bridge.projectUpdatePins({ projectId: projectKey(project), which: 'all' });
    const { pack } = await bridge.libraryExportPack({ clauseIds: ['bridge-test'], blueprintIds: [] });
    await bridge.libraryPreviewImport({ pack });
    await bridge.libraryApplyImport({ pack, resolutions: {} });
    await bridge.libraryImportWord({ fileName: '条款.docx', data: Buffer.from(await tenderDocx()).toString('base64') });
    // The composer's and the library's channels all went through; other screens' channels have their own walks.
    const walked = CHANNELS.filter((c) => COMPOSER_CHANNELS.includes(c) || /^(library|project)[A-Z]/.test(c));
    expect(walked.filter((c) => !invoked.includes(`api:${c}`))).toEqual([]);
  });

  it('returns a validation failure in main as the envelope with its code, never a thrown string', async () => {
    const exposedApi = exposed.bidforge as ApiBridge;
    expect(await exposedApi.exportDocument({ project: { schema: 2 }, format: 'docx' } as never)).toMatchObject({
      ok: false,
      error: { code: 'bad_request', params: {} },
    });
    await expect(
      bridge.libraryApprove({ ref: { clauseId: 'warranty-terms', variant: '标准', version: 1 }, by: '' }),
    ).rejects.toMatchObject({ name: 'ApiError', code: 'bad_request' });
  });
});
