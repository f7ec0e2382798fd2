// The app's 团队库 channels on a real server: 设置 names the server, 同步 pushes and pulls, the state shows conflicts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { settingsSchema } from '@core/settings/schema.js';
import { tempDir } from '../helpers/tmp.js';
import { clauseInput, skipReason, startTeam, type TestTeam } from './helpers.js';

describe.skipIf(skipReason)('应用中的团队库', () => {
  let team: TestTeam;
  beforeAll(async () => {
    team = await startTeam();
  });
  afterAll(async () => {
    await team?.close();
  });

  const app = async (user: string) => {
    const api = createHandlers({ templatesDir: 'templates', dataDir: tempDir('bf-team-app-'), program: 'test' });
    await api.saveSettings({
      settings: settingsSchema.parse({ userName: user, teamServer: { url: team.server.url, token: team.token(user) } }),
    });
    return api;
  };

  it('同步状态显示待推送的提交，同步后为零；法务批准后另一台应用拉到已批准版本', async () => {
    const writer = await app('张三');
    const reader = await app('李四');
    await writer.libraryCreate({ clause: { ...clauseInput('hotline-hours', '服务热线 7×24 小时接听。') }, by: '张三' });
    await writer.librarySubmit({ ref: { clauseId: 'hotline-hours', variant: '标准', version: 1 }, by: '张三' });
    expect(await writer.teamSyncStatus({})).toMatchObject({ configured: true, pendingPushes: 1, conflicts: [] });
    const pushed = await writer.teamSyncNow({});
    expect(pushed).toMatchObject({ ok: true, pushed: 1, pendingPushes: 0 });
    expect(pushed.lastPushAt).toBeTruthy();

    await (await team.client('王律师')).api.decide({
      clauseId: 'hotline-hours',
      variant: '标准',
      version: 1,
      action: 'approve',
    });
    const pulled = await reader.teamSyncNow({});
    expect(pulled).toMatchObject({ ok: true, added: 1 });
    const clause = await reader.libraryClause({ clauseId: 'hotline-hours' });
    expect(JSON.stringify(clause)).toContain('王律师');
  });

  it('服务器不可达时同步返回失败与原因，而不是抛出；状态记下最后的错误', async () => {
    const api = createHandlers({ templatesDir: 'templates', dataDir: tempDir('bf-team-app-'), program: 'test' });
    await api.saveSettings({
      settings: settingsSchema.parse({ teamServer: { url: 'http://127.0.0.1:9', token: team.token('张三') } }),
    });
    const r = await api.teamSyncNow({});
    expect(r.ok).toBe(false);
    expect(r.lastError?.code).toBe('offline');
    expect((await api.teamSyncStatus({})).lastError?.code).toBe('offline');
  });
});
