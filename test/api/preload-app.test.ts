// The preload bridge with a fake ipcRenderer: every 首页/保修卡/设置 channel is reachable and validated in main.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, clientOfBridge, type ApiBridge } from '@core/api/channels.js';
import type { ApiHandlers } from '@core/api/contract.js';
import { dispatch } from '@core/api/dispatch.js';
import { createHandlers } from '@core/api/handlers.js';
import { openStore } from '@core/library/store/index.js';
import { settingsSchema } from '@core/settings/index.js';
import { tempDir } from '../helpers/tmp.js';
import { TEST_PERIODS } from '../cards/helpers.js';

const exposed: Record<string, unknown> = {};
const invoked: string[] = [];
const dataDir = tempDir('bf-preload-app-');
const handlers = createHandlers({ templatesDir: 'templates', dataDir, program: 'test' });

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

const APP_CHANNELS = [
  'getSettings',
  'saveSettings',
  'listRecentProjects',
  'recordRecentProject',
  'openRecentProject',
  'searchProjects',
  'listBackups',
  'restoreBackup',
  'parseCards',
  'exportCards',
];
const csv = Buffer.from('客户名称,序列号,购买日期\n张三,SN1,2026-01-31\n').toString('base64');

let bridge: ApiHandlers;
beforeAll(async () => {
  await import('../../electron/preload.js');
  bridge = clientOfBridge(exposed.bidforge as ApiBridge); // what renderer/src/api.ts does
  await (await openStore({ dataDir, program: 'test', templatesDir: 'templates' })).close();
});

describe('preload bridge: 首页, 保修卡, 设置', () => {
  it('routes each call to its own api:<channel> IPC channel', async () => {
    await bridge.saveSettings({
      settings: settingsSchema.parse({ company: { name: '华信', hotline: '400-800-1234' } }),
    });
    expect((await bridge.getSettings({})).settings.company.name).toBe('华信');
    const { project } = await bridge.newProject({ blueprint: 'service-plan' });
    await bridge.recordRecentProject({ project });
    await bridge.listRecentProjects({});
    await bridge.openRecentProject({ id: project.id! });
    await bridge.searchProjects({ query: '华信' });
    const { backups } = await bridge.listBackups({});
    await bridge.restoreBackup({ name: backups[0]!.name });
    await bridge.parseCards({ fileName: 'c.csv', data: csv, periods: TEST_PERIODS, previewCount: 1, qr: false });
    const { bytes } = await bridge.exportCards({
      fileName: 'c.csv',
      data: csv,
      periods: TEST_PERIODS,
      format: 'pdf',
      layout: 'a5',
      qr: false,
    });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(APP_CHANNELS.every((c) => (CHANNELS as readonly string[]).includes(c))).toBe(true);
    expect(APP_CHANNELS.filter((c) => !invoked.includes(`api:${c}`))).toEqual([]);
  });

  it('a validation failure in main reaches the renderer as an error with its code, not a "[code] message" string', async () => {
    await expect(bridge.saveSettings({ settings: { company: { creditCode: 'bad' } } } as never)).rejects.toMatchObject({
      name: 'ApiError',
      code: 'bad_request',
      message: expect.stringMatching(/^saveSettings: /),
    });
    await expect(bridge.exportCards({ fileName: 'c.csv', data: csv, format: 'xls' } as never)).rejects.toMatchObject({
      code: 'bad_request',
    });
  });
});
