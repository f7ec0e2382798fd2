// End to end: projects are documents with names. Three projects from one blueprint with different titles all stay in
// 最近项目; exports and saves are named by the title; a fresh project says 未保存 until saved; a broken file changes
// nothing; the app opens on 首页 and 「继续上次的项目」 picks up the last one; a save whose check answers after the
// click's user activation has run out still downloads.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalClient } from '@core/api/localClient.js';
import type { Project } from '@core/model/project.js';
import { repoRoot, templatesDir } from '../helpers/paths.js';
import { squash } from '../helpers/text.js';
import { haveChromium, settledDialog, startApp, TIMEOUT, type E2eApp } from './helpers/app.js';

const TITLES = [
  '滨江一中宿舍楼空气能热水系统售后服务方案',
  '滨江二中食堂空调采购项目售后服务方案',
  '滨江三中体育馆新风系统售后服务方案',
];
/** The sample's values and facts (its promises are facts: values alone leave required figures unstated). */
const SAMPLE = JSON.parse(readFileSync(join(templatesDir, 'samples', 'service-plan-sample.json'), 'utf8')) as Pick<
  Project,
  'values' | 'commitments'
>;
const outDir = join(repoRoot, 'test-output');
/** A fourth title, its own file name: saving it asks nothing, so the name check is the last step before the download. */
const LATE_TITLE = '滨江四中图书馆照明改造售后服务方案';
/**
 * Page side: says on the console when the transient user activation has run out, and whether a download's link was
 * clicked with one. (Playwright's own calls into the page count as gestures, so the test makes none while it waits.)
 */
const WATCH_ACTIVATION = `(() => {
  let active = navigator.userActivation.isActive;
  setInterval(() => {
    const now = navigator.userActivation.isActive;
    if (active && !now) console.log('bf:activation-expired');
    active = now;
  }, 50);
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) console.log('bf:download active=' + navigator.userActivation.isActive);
    return click.call(this);
  };
})()`;

describe.skipIf(!haveChromium)('项目是有名字的文件 (browser host + Chromium)', () => {
  let app: E2eApp;
  let page: Page;
  let api: ReturnType<typeof createLocalClient>;
  beforeAll(async () => {
    app = await startApp();
    ({ page } = app);
    api = createLocalClient(app.handlers);
    mkdirSync(outDir, { recursive: true });
  }, 240_000);
  afterAll(() => app?.close(), TIMEOUT);

  const saveState = () => page.getByTestId('save-state').innerText();
  const recentTitles = async () =>
    (await page.getByTestId('recent-item').locator('.bf-recent-title').allInnerTexts()).map((s) =>
      s.replace(/未保存$/, '').trim(),
    );

  async function create(title: string) {
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home-title').fill(title);
    await page.getByTestId('home-create').click();
    await page.waitForURL(/#composer$/);
    await expect.poll(() => page.getByTestId('project-title').innerText(), { timeout: TIMEOUT }).toBe(title);
  }

  it(
    '同一蓝本新建三个不同标题的项目，三个都留在最近项目里；新项目在保存前显示未保存',
    async () => {
      await page.goto(app.host.url);
      // The app opens on 首页, not on a sample; with nothing used yet there is nothing to continue.
      await page.getByTestId('home-screen').waitFor({ state: 'visible' });
      expect(await page.getByTestId('home-continue').count()).toBe(0);

      for (const title of TITLES) {
        await create(title);
        // A new project is not saved anywhere yet, whatever it is.
        expect(await saveState()).toBe('未保存');
        // Its file would take its title.
        expect(await page.locator('.bf-file-name').innerText()).toBe(`${title}.bfproj.json`);
      }

      await page.getByTestId('nav-home').click();
      await expect.poll(recentTitles, { timeout: TIMEOUT }).toEqual([...TITLES].reverse());
      const ids = (await api.listRecentProjects({})).projects.map((p) => p.id);
      expect(new Set(ids).size).toBe(3);
    },
    4 * TIMEOUT,
  );

  it(
    '保存后显示已保存，文件名取自标题；再修改又变成未保存',
    async () => {
      await page.getByTestId('home-continue').click(); // 编制 still holds the third project
      await page.waitForURL(/#composer$/);
      expect(await saveState()).toBe('未保存');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.getByTestId('save-project').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${TITLES[2]}.bfproj.json`);
      const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as { id?: string; title: string };
      expect(saved.title).toBe(TITLES[2]);
      expect(saved.id).toBe((await api.listRecentProjects({})).projects[0]!.id);
      await expect.poll(saveState, { timeout: TIMEOUT }).toBe('已保存');

      await page.getByTestId('meta-projectNo').locator('input').fill('BJCG-2026-0412');
      await expect.poll(saveState, { timeout: TIMEOUT }).toBe('未保存');
    },
    4 * TIMEOUT,
  );

  it(
    '导出的文件以项目标题命名',
    async () => {
      // The second project, as its writer filled it in and saved it (the sample's values and facts), reopened from
      // 最近项目.
      const entry = (await api.listRecentProjects({})).projects.find((p) => p.title === TITLES[1])!;
      const { project } = await api.openRecentProject({ id: entry.id });
      await api.recordRecentProject({
        project: { ...project, values: SAMPLE.values, commitments: SAMPLE.commitments },
        saved: true,
      });

      await page.getByTestId('nav-home').click();
      await page.getByTestId('recent-item').filter({ hasText: TITLES[1] }).click();
      // 编制 had an unsaved edit (the 项目编号 above): it asks first.
      const discard = await settledDialog(page.locator('.ant-modal-confirm'));
      await discard.getByRole('button', { name: /确\s*定|OK/ }).click();
      await expect.poll(() => page.getByTestId('project-title').innerText(), { timeout: TIMEOUT }).toBe(TITLES[1]);
      expect(await saveState()).toBe('已保存');
      const problems = page.getByTestId('problems');
      await expect
        .poll(async () => (await problems.innerText()).includes('检查通过') || (await problems.innerText()), {
          timeout: TIMEOUT,
        })
        .toBe(true);

      const [docx] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.getByTestId('export-docx').click(),
      ]);
      expect(docx.suggestedFilename()).toBe(`${TITLES[1]}.docx`);
      expect(
        readFileSync(await docx.path())
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');
    },
    4 * TIMEOUT,
  );

  it(
    '打开损坏的文件时报告错误，最近项目不变',
    async () => {
      await page.getByTestId('nav-home').click();
      await expect.poll(recentTitles, { timeout: TIMEOUT }).toHaveLength(3);
      const before = await recentTitles();
      await page.getByTestId('nav-composer').click();
      await page.getByTestId('open-project-input').setInputFiles({
        name: `${TITLES[0]}.bfproj.json`,
        mimeType: 'application/json',
        buffer: Buffer.from('{"schema": 1, "title": '),
      });
      await page.getByText('无法打开项目', { exact: false }).waitFor({ state: 'visible' });
      expect(await page.getByTestId('project-title').innerText()).toBe(TITLES[1]);
      await page.getByTestId('nav-home').click();
      await page.waitForTimeout(300);
      expect(await recentTitles()).toEqual(before);
      // The browser logs the refused request; nothing else went wrong.
      expect(app.pageErrors.map((e) => e.replace(/http:\S+\/api\//, ''))).toEqual([
        expect.stringContaining('400 (Bad Request) parseProject'),
      ]);
      app.pageErrors.length = 0;
    },
    2 * TIMEOUT,
  );

  it(
    '重新打开应用时先到首页，「继续上次的项目」打开最近一个',
    async () => {
      await page.evaluate('localStorage.clear()'); // a fresh start, no unsaved work to bring back
      await page.goto(app.host.url);
      await page.getByTestId('home-screen').waitFor({ state: 'visible' });
      const card = page.getByTestId('home-continue-card');
      await card.waitFor();
      expect(squash(await card.innerText())).toContain(TITLES[1]);
      await expect.poll(recentTitles, { timeout: TIMEOUT }).toHaveLength(3);
      await page.mouse.move(0, 0);
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(outDir, 'home-projects.png') });

      await page.getByTestId('home-continue').click();
      await expect.poll(() => page.getByTestId('project-title').innerText(), { timeout: TIMEOUT }).toBe(TITLES[1]);
      expect(await saveState()).toBe('已保存');
      expect(app.pageErrors).toEqual([]);
    },
    2 * TIMEOUT,
  );

  it(
    '保存前的检查答得晚（点击的用户激活已过期）时照样下载',
    async () => {
      await create(LATE_TITLE);
      await page.evaluate(WATCH_ACTIVATION);
      // The host's answer to the name check is held until the click's activation has run out in the page.
      let release!: () => void;
      const released = new Promise<void>((r) => {
        release = r;
      });
      const channel = '**/api/listRecentProjects';
      await page.route(channel, async (route) => {
        await released;
        await route.continue();
      });
      const downloaded = page.waitForEvent('download', { timeout: 2 * TIMEOUT });
      const linkClicked = page.waitForEvent('console', {
        predicate: (m) => m.text().startsWith('bf:download'),
        timeout: 2 * TIMEOUT,
      });
      try {
        await page.getByTestId('save-project').click();
        await page.waitForEvent('console', {
          predicate: (m) => m.text() === 'bf:activation-expired',
          timeout: TIMEOUT,
        });
      } finally {
        release();
      }
      const [download, link] = await Promise.all([downloaded, linkClicked]);
      await page.unroute(channel);
      // The download really started without the click's activation, and still arrived.
      expect(link.text()).toBe('bf:download active=false');
      expect(download.suggestedFilename()).toBe(`${LATE_TITLE}.bfproj.json`);
      expect(JSON.parse(readFileSync(await download.path(), 'utf8')).title).toBe(LATE_TITLE);
      await expect.poll(saveState, { timeout: TIMEOUT }).toBe('已保存');
    },
    3 * TIMEOUT,
  );

  it(
    '以另一个项目已保存过的文件名保存时先询问',
    async () => {
      // Another project with the third one's title (whose file was saved above): saving it asks first.
      await create(TITLES[2]!);
      await page.getByTestId('save-project').click();
      const dialog = await settledDialog(page.locator('.ant-modal-confirm'));
      expect(squash(await dialog.innerText())).toContain(
        squash(`「${TITLES[2]}」已保存为「${TITLES[2]}.bfproj.json」`),
      );
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        dialog.getByRole('button', { name: '仍然保存' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${TITLES[2]}.bfproj.json`);
      await expect.poll(saveState, { timeout: TIMEOUT }).toBe('已保存');
      // Both projects stay in 最近项目.
      await page.getByTestId('nav-home').click();
      await expect
        .poll(async () => (await recentTitles()).filter((t) => t === TITLES[2]).length, { timeout: TIMEOUT })
        .toBe(2);
      expect(app.pageErrors).toEqual([]);
    },
    2 * TIMEOUT,
  );

  it(
    'in English, 首页 offers to continue the last project and marks unsaved ones',
    async () => {
      const { settings } = await api.getSettings({});
      await api.saveSettings({ settings: { ...settings, uiLanguage: 'en' } });
      await page.evaluate('localStorage.clear()');
      await page.goto(app.host.url);
      const card = page.getByTestId('home-continue-card');
      await card.waitFor();
      // The screen may first show in the default language until the saved settings arrive: wait for English.
      await expect
        .poll(async () => squash(await card.innerText()), { timeout: TIMEOUT })
        .toContain(squash(`Last project ${TITLES[2]}`));
      expect(await page.getByTestId('home-continue').innerText()).toBe('Continue the last project');
      await expect
        .poll(async () => (await page.getByTestId('recent').innerText()).includes('Unsaved'), { timeout: TIMEOUT })
        .toBe(true);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(outDir, 'home-projects-en.png') });
      expect(app.pageErrors).toEqual([]);
    },
    2 * TIMEOUT,
  );
});
