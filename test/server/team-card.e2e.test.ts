// End to end: 设置 → 团队库 in Chromium against a real team server. The writer connects with a token, sees a
// submission waiting to be pushed, syncs, and after legal approves a colleague's edit of the same clause sees the
// two versions to choose between; with the server gone a sync says so and the app goes on.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '@core/settings/schema.js';
import { haveChromium, screensDir, startApp, TIMEOUT, type E2eApp } from '../e2e/helpers/app.js';
import { clauseInput, skipReason, startTeam, type TestTeam } from './helpers.js';

describe.skipIf(skipReason || !haveChromium)('设置：团队库 (browser host + Chromium + PostgreSQL)', () => {
  let team: TestTeam;
  let app: E2eApp;
  beforeAll(async () => {
    team = await startTeam();
    app = await startApp();
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await team?.close();
  }, TIMEOUT);

  it(
    'with a team server in 设置, the app syncs by itself on start: a waiting submission reaches legal',
    async () => {
      const own = await startApp();
      try {
        await own.handlers.saveSettings({
          settings: settingsSchema.parse({ teamServer: { url: team.server.url, token: team.token('李四') } }),
        });
        await own.handlers.libraryCreate({
          clause: clauseInput('auto-pushed', '设备到货后 7 日内完成安装。'),
          by: '李四',
        });
        await own.handlers.librarySubmit({ ref: { clauseId: 'auto-pushed', variant: '标准', version: 1 }, by: '李四' });
        await own.page.goto(`${own.host.url}#home`);
        const legal = await team.client('王律师');
        await expect
          .poll(async () => (await legal.api.review()).filter((q) => q.clauseId === 'auto-pushed').length, {
            timeout: 30_000,
          })
          .toBe(1);
        expect(own.pageErrors).toEqual([]);
      } finally {
        await own.close();
      }
    },
    TIMEOUT,
  );

  it(
    'connects, pushes a submission, shows a conflict after a colleague’s approved edit, and reports an unreachable server',
    async () => {
      const { page, handlers } = app;
      // The writer's own clause, submitted here before connecting.
      await handlers.libraryCreate({ clause: clauseInput('night-service', '夜间报修由值班工程师受理。'), by: '张三' });
      await handlers.librarySubmit({ ref: { clauseId: 'night-service', variant: '标准', version: 1 }, by: '张三' });

      await page.goto(`${app.host.url}#settings`);
      const card = page.getByTestId('team-card');
      await card.getByText('尚未连接团队库。').waitFor();
      await card.getByTestId('team-url').fill(team.server.url);
      await card.getByTestId('team-token').fill(team.token('张三'));
      await card.getByTestId('team-save').click();
      await page.getByText('团队库连接已保存').waitFor();
      await expect.poll(() => card.getByTestId('team-state').innerText()).toMatch(/待推送\s*1 个版本/);
      await card.getByTestId('team-sync').click();
      await page.getByText(/同步完成：推送 1 个版本/).waitFor();
      await expect.poll(() => card.getByTestId('team-state').innerText()).toMatch(/待推送\s*0 个版本/);

      // Legal approves v1; the writer edits offline while a colleague's edit of v1 is approved.
      const legal = await team.client('王律师');
      await legal.api.decide({ clauseId: 'night-service', variant: '标准', version: 1, action: 'approve' });
      await card.getByTestId('team-sync').click();
      await page
        .getByText(/同步完成/)
        .first()
        .waitFor();
      const mine = await handlers.libraryEdit({
        clauseId: 'night-service',
        variant: '标准',
        body: '夜间报修由值班工程师在 30 分钟内受理。',
        changeNote: '加时限',
        by: '张三',
      });
      await handlers.librarySubmit({ ref: mine, by: '张三' });
      const other = await team.client('李四');
      await other.sync();
      const theirs = await other.store.editVariant(
        'night-service',
        '标准',
        { body: '夜间报修由值班工程师受理，并于次日回访。', changeNote: '加回访' },
        '李四',
      );
      await other.store.submit(theirs, '李四');
      const pushed = await other.sync();
      const serverV = (await legal.api.review()).find(
        (q) => q.clauseId === 'night-service' && q.author === '李四',
      )!.version;
      expect(pushed.pushed).toBe(1);
      await legal.api.decide({ clauseId: 'night-service', variant: '标准', version: serverV, action: 'approve' });

      await card.getByTestId('team-sync').click();
      await card.getByTestId('team-conflicts').waitFor();
      expect(await card.getByTestId('team-conflicts').innerText()).toMatch(
        /night-service（标准）：本地第 2 版与团队库批准的第 3 版并存/,
      );
      await card.screenshot({ path: join(screensDir, 'settings-team.png') });

      // The server goes away: the sync says so, the state keeps the error, nothing else stops.
      await team.server.close();
      await card.getByTestId('team-sync').click();
      await page.getByText(/同步未完成（本地条款库照常可用）：无法连接团队库服务器 http/).waitFor();
      await expect.poll(() => card.getByTestId('team-state').innerText()).toMatch(/上次错误/);
      await card.screenshot({ path: join(screensDir, 'settings-team-offline.png') });
      expect(app.pageErrors).toEqual([]);
    },
    TIMEOUT,
  );
});
