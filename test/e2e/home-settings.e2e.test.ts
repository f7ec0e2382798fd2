// End to end: the company profile saved on 设置 fills a project created from a blueprint on 首页, which then shows
// up in 首页's recent list and search.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@core/library/store/index.js';
import { haveChromium, screensDir, startApp, TIMEOUT, type E2eApp } from './helpers/app.js';
import { squash } from '../helpers/text.js';

const COMPANY = '华信制冷设备有限公司';

describe.skipIf(!haveChromium)('首页 and 设置 (browser host + Chromium)', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
    // A clause library with its first backup, so 设置 has one to list and restore.
    await (await openStore({ dataDir: app.dataDir!, program: 'test', templatesDir: 'templates' })).close();
  }, 240_000);
  afterAll(() => app?.close(), TIMEOUT);

  it(
    'saves the company profile, and a new project from a blueprint starts with the company name',
    async () => {
      const { page } = app;
      await page.goto(`${app.host.url}#settings`);
      await page.getByTestId('settings-screen').waitFor();
      expect(await page.getByTestId('settings-dataDir').innerText()).toBe(app.dataDir!);
      await page.getByTestId('settings-userName').fill('王工');
      await page.getByTestId('company-name').fill(COMPANY);
      await page.getByTestId('company-hotline').fill('400-820-6688');
      await page.getByTestId('company-address').fill('上海市闵行区莘庄工业区申富路 88 号');
      await page.getByTestId('company-creditCode').fill('91310000MA1FL1234X');
      await page.getByTestId('settings-save').click();
      await page.getByText('设置已保存').waitFor();

      // Restore the library's backup (the current library is backed up first).
      await page
        .getByTestId('backups')
        .getByRole('button', { name: /恢\s*复/ })
        .first()
        .click();
      await page
        .locator('.ant-popconfirm:visible')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await page.getByText(/已从 library-.*恢复条款库/).waitFor();
      await page.waitForTimeout(400); // let the messages finish fading in
      await page.screenshot({ path: join(screensDir, 'settings.png') });

      await page.getByTestId('nav-home').click();
      await page.getByTestId('home-screen').waitFor();
      await page.getByText('王工，您好').waitFor();
      await page.getByTestId('home-blueprint').click();
      await page.getByTestId('home-blueprint-service-plan').click();
      await page.getByTestId('home-title').fill('某医院空调采购项目售后服务方案');
      await page.getByTestId('home-create').click();
      await page.getByText('已新建：某医院空调采购项目售后服务方案').waitFor();
      await page.waitForURL(/#composer$/); // 首页 hands the project to 编制 and switches there

      // Back on 首页: the project is listed, and searching for the company finds it through its filled-in value.
      await page.getByTestId('nav-home').click();
      await page
        .getByTestId('recent')
        .locator('.bf-recent-title', { hasText: '某医院空调采购项目售后服务方案' })
        .waitFor();
      await page.getByTestId('home-search').locator('input').fill(COMPANY);
      await page.getByTestId('home-search').locator('input').press('Enter');
      const hits = page.getByTestId('search-hits');
      await hits.waitFor();
      const text = squash(await hits.innerText());
      expect(text).toContain('某医院空调采购项目售后服务方案');
      // The value is named by the label the library's clauses give company_name, never by the key.
      expect(text).toContain(`投标人名称：${COMPANY}`);
      expect(text).not.toContain('company_name');
      expect(text).toContain(`投标人：${COMPANY}`);
      await page.screenshot({ path: join(screensDir, 'home.png') });
      expect(app.pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );
});
