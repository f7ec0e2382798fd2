// End to end: 设置 → 团队库 → 共享文件夹 (#20 items 4–5). A colleague (another data folder, not trusted here) has
// published a pack into a shared folder. In the app: a folder that is not there is said inline; the real folder is
// typed and pulled (the pack arrives as drafts, and the card says why); an approved clause of this library is
// published; a pack changed in place is refused on the next pull. Every control is reached by Tab. Screenshots of
// the card in Chinese and English go to test/e2e/screens/.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalClient } from '@core/api/localClient.js';
import { loadSigningKey } from '@core/library/packSigning.js';
import { openStore } from '@core/library/store/index.js';
import { publish, TEAM_PACK_NAME } from '@core/teamFolder/index.js';
import { tempDir } from '../helpers/tmp.js';
import { haveChromium, screensDir, startApp, TIMEOUT, type E2eApp } from './helpers/app.js';

describe.skipIf(!haveChromium)('设置：共享文件夹 (browser host + Chromium)', () => {
  let app: E2eApp;
  let share: string;
  let theirs: string;

  beforeAll(async () => {
    app = await startApp();
    share = tempDir('bf-e2e-share-');
    // The colleague's library: one approved clause, published into the share with their own key.
    const dir = tempDir('bf-e2e-colleague-');
    const store = await openStore({ dataDir: dir, program: 'test' });
    const ref = await store.createClause(
      {
        id: 'nas-warranty',
        category: '保修条款',
        title: '共享文件夹保修条款',
        tags: [],
        docTypes: ['service-plan'],
        body: '整机保修三年，自验收合格之日起计算。',
      },
      '集团法务',
    );
    await store.submit(ref, '集团法务');
    await store.approve(ref, '集团法务负责人');
    const r = await publish({
      store,
      dataDir: dir,
      folder: share,
      key: await loadSigningKey(dir),
      signer: '集团法务部',
    });
    await store.close();
    theirs = r.file!;
    // This library: a user, single-reviewer mode, and one approved clause of its own to publish.
    const api = createLocalClient(app.handlers);
    const { settings } = await api.getSettings({});
    await api.saveSettings({ settings: { ...settings, userName: '王工', singleReviewer: true } });
    const own = await api.libraryCreate({
      clause: {
        category: '服务承诺',
        title: '节假日值班承诺',
        tags: [],
        docTypes: ['service-plan'],
        variables: [],
        body: '节假日安排专人值班。\n',
      },
    });
    await api.librarySubmit({ ref: own });
    await api.libraryApprove({ ref: own });
  }, 240_000);
  afterAll(() => app?.close(), TIMEOUT);

  it(
    'a missing folder is said inline; typing the share and pulling shows the state; publish adds one file; a changed file is refused',
    async () => {
      const { page } = app;
      await page.goto(`${app.host.url}#settings`);
      const card = page.getByTestId('team-folder-card');
      await card.getByText('尚未设置共享文件夹。').waitFor();
      const path = card.getByLabel('文件夹路径');
      const result = card.getByTestId('team-folder-result');

      // Keyboard: from the path, Tab reaches 保存路径, 拉取 and 发布 in turn.
      await path.focus();
      const focused = () => page.evaluate('document.activeElement?.getAttribute("data-testid")');
      for (const id of ['team-folder-save', 'team-folder-pull', 'team-folder-publish']) {
        await page.keyboard.press('Tab');
        await expect.poll(focused, { timeout: TIMEOUT }).toBe(id);
      }

      // A share that is not mounted: said in the card, in Chinese, naming the path; the rest of 设置 still works.
      const gone = join(share, '未挂载');
      await path.fill(gone);
      await card.getByTestId('team-folder-pull').click();
      await expect.poll(() => result.innerText(), { timeout: TIMEOUT }).toContain(`找不到共享文件夹 ${gone}`);
      await card.getByTestId('team-folder-error').getByText('请检查路径是否正确').waitFor();
      await page.getByTestId('trust-card').waitFor();

      // The real share: typed, pulled (with Enter on the button) — the colleague's pack arrives as drafts.
      await path.fill(share);
      await card.getByTestId('team-folder-pull').focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => result.innerText(), { timeout: TIMEOUT })
        .toContain('拉取完成：导入 1 个条款包，0 个已在本库中');
      const state = card.getByTestId('team-folder-state');
      await expect.poll(() => state.innerText(), { timeout: TIMEOUT }).toContain('已导入 1 个，本机发布 0 个');
      expect(await state.innerText()).not.toContain('上次错误');
      const drafts = card.getByTestId('team-folder-drafts');
      expect(await drafts.innerText()).toContain(`${theirs} 的签发人“集团法务部”`);
      expect(await drafts.innerText()).toContain('其中的条款已作为草稿导入');
      // 设置 kept the path.
      const api = createLocalClient(app.handlers);
      expect((await api.getSettings({})).settings.teamFolder).toEqual({ path: share });
      expect((await api.libraryHistory({ clauseId: 'nas-warranty' }))[0]).toMatchObject({ status: 'draft' });

      // Publish: this library's approved clause goes in as one new file.
      await card.getByTestId('team-folder-publish').click();
      await expect
        .poll(() => result.innerText(), { timeout: TIMEOUT })
        .toMatch(/已发布 bidforge-\S+\.bfpack：1 个条款版本/);
      const files = readdirSync(share).filter((n) => TEAM_PACK_NAME.test(n));
      expect(files).toHaveLength(2);
      const mine = files.find((n) => n !== theirs)!;
      await expect.poll(() => state.innerText(), { timeout: TIMEOUT }).toContain(`（${mine}，1 个条款版本）`);
      expect(await state.innerText()).toContain('已导入 1 个，本机发布 1 个');

      // Someone edits the colleague's pack on the share: the next pull refuses it and the card says so.
      const packPath = join(share, theirs);
      const pack = JSON.parse(readFileSync(packPath, 'utf8'));
      pack.payload.clauses[0].variants[0].version.body = '整机保修一年。';
      writeFileSync(packPath, JSON.stringify(pack, null, 2));
      await card.getByTestId('team-folder-pull').click();
      await expect.poll(() => result.innerText(), { timeout: TIMEOUT }).toContain('1 个文件未导入');
      const issues = card.getByTestId('team-folder-issues');
      expect(await issues.innerText()).toContain(`共享文件夹中的 ${theirs} 在导入后被改动过：已拒绝，未导入`);
      await page.mouse.move(0, 0);
      await card.screenshot({ path: join(screensDir, 'team-folder-zh.png') });

      // English UI: the same state, worded in English.
      const { settings } = await api.getSettings({});
      await api.saveSettings({ settings: { ...settings, uiLanguage: 'en' } });
      // A new hash alone does not load the page again: reload, so the app reads the language.
      await page.reload();
      const en = page.getByTestId('team-folder-card');
      await en.getByText('Shared folder', { exact: true }).waitFor();
      await expect.poll(() => en.getByLabel('Folder path').inputValue(), { timeout: TIMEOUT }).toBe(share);
      const enState = en.getByTestId('team-folder-state');
      await expect.poll(() => enState.innerText(), { timeout: TIMEOUT }).toContain('1 imported, 1 published from here');
      expect(await en.getByTestId('team-folder-drafts').innerText()).toContain(
        `${theirs} is signed by a signer you do not trust (calling itself “集团法务部”`,
      );
      expect(await en.getByTestId('team-folder-issues').innerText()).toContain(
        `${theirs} in the shared folder was changed after it was imported: refused, not imported`,
      );
      await en.getByTestId('team-folder-pull').click();
      await expect
        .poll(() => en.getByTestId('team-folder-result').innerText(), { timeout: TIMEOUT })
        .toContain('Pulled: 0 packs imported, 1 already in this library; 1 file not imported (see below)');
      await page.mouse.move(0, 0);
      await en.screenshot({ path: join(screensDir, 'team-folder-en.png') });
      expect(app.pageErrors).toEqual([]);
    },
    TIMEOUT * 4,
  );
});
