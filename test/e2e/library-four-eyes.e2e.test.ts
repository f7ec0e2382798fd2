// End to end, four eyes in 条款库: the name saved in 设置 is the one the library records; its author cannot approve a
// version, a second person (another name in 设置) can, or sends it back with a reason the author then reads; with
// 单人审核 switched on in 设置 the author may approve, and the history marks it. Headless Chromium against the browser host on a fresh data folder.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalClient } from '@core/api/localClient.js';
import { squash } from '../helpers/text.js';
import { haveChromium, requireChromium, screensDir, startApp, TIMEOUT, type E2eApp } from './helpers/app.js';

requireChromium('library four eyes');

describe.skipIf(!haveChromium)('four eyes in 条款库 (browser host + Chromium)', () => {
  let app: E2eApp | undefined;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1000 } });
    ({ page, pageErrors } = app);
  }, 240_000);
  afterAll(() => app?.close(), TIMEOUT);

  /** 设置: types the name (and sets 单人审核), saves, and comes back to 条款库. */
  async function signIn(name: string, singleReviewer = false) {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-userName').fill(name);
    const toggle = page.getByTestId('settings-singleReviewer');
    if ((await toggle.getAttribute('aria-checked')) !== String(singleReviewer)) await toggle.click();
    await page.getByTestId('settings-save').click();
    await page.getByText('设置已保存').first().waitFor();
    await page.getByTestId('nav-library').click();
    await expect.poll(async () => page.getByTestId('library-user').innerText()).toContain(name);
  }

  /** The new-clause dialog in one step: its variable declared there, the sample rendered with its default. */
  async function newClause(title: string) {
    await page.getByTestId('new-clause').click();
    const form = page.getByRole('dialog', { name: '新建条款' });
    await form.getByLabel('条款标题').fill(title);
    await form.getByLabel('分类').fill('服务承诺');
    await form.getByLabel('文档类型').click();
    await page.keyboard.type('售后服务方案');
    await page.keyboard.press('Enter');
    await form.getByTestId('add-variable').click();
    const v = form.getByTestId('var-0');
    // A variable that states a promise is flagged: the promise is a fact to pick, not a variable to declare.
    await v.locator('.bf-lib-var-key').fill('onsite_arrival');
    await expect.poll(async () => form.getByTestId('dup-fact').innerText()).toContain('到达现场时限');
    await v.locator('.bf-lib-var-key').fill('duty_phone');
    expect(await form.getByTestId('dup-fact').count()).toBe(0);
    await v.locator('.bf-lib-var-label').fill('值班电话');
    await v.getByLabel('默认值').fill('400-820-6688');
    // This project's number, not the company's: an example, offered in 填写 but never pre-filled.
    await v.getByLabel('示例值（不预填）').check();
    await form.getByLabel('条款正文').fill(`${title}：节假日期间安排专人值班，值班电话 {{duty_phone}}。`);
    // Two promises picked from the facts, not typed: the sample shows them with example figures.
    for (const fact of ['到达现场时限', '修复时限']) {
      await form.getByTestId('new-clause-fact').click();
      await page.keyboard.type(fact);
      await page.keyboard.press('Enter');
    }
    expect(await form.getByLabel('条款正文').inputValue()).toContain('{{#fact "arrive"}}');
    const sample = async () => squash(await form.getByTestId('new-clause-render').innerText());
    await expect.poll(sample).toContain('值班电话400-820-6688');
    await expect.poll(sample).toContain('2小时内到达现场');
    await form.getByRole('button', { name: /^新\s*建$/ }).click();
    await form.waitFor({ state: 'hidden' });
  }
  const history = () => page.getByTestId('history');

  it(
    'the author is refused approval of their own version, a second person in 设置 approves it; 单人审核 lets the author approve and the history says so',
    async () => {
      await page.goto(`${app!.host.url}#settings`);
      await page.getByTestId('settings-screen').waitFor();
      await signIn('张律师');

      await newClause('节假日值班承诺');
      // The clause opens on its rendered text; the workflow is in its history.
      await expect
        .poll(async () => squash(await page.getByTestId('clause-read').innerText()))
        .toContain('值班电话400-820-6688');
      await page.getByTestId('tab-history').click();
      await expect.poll(async () => squash(await history().innerText())).toMatch(/v1草稿张律师/);
      await page.getByTestId('submit-v1').click();
      await page.getByTestId('approve-v1').click();
      await page
        .getByText(/不能由本人批准/)
        .first()
        .waitFor();
      await expect.poll(async () => squash(await history().innerText())).toMatch(/v1待审核张律师/);

      // 李主任 sends it back with a reason; 张律师 reads it first thing when opening the clause, and resubmits.
      await signIn('李主任');
      await page.getByTestId('clause-list').getByText('节假日值班承诺').click();
      await page.getByTestId('tab-history').click();
      await page.getByTestId('reject-v1').click();
      await page.getByTestId('reject-reason').fill('值班时间要写明');
      await page
        .getByRole('dialog', { name: '驳回此版本' })
        .getByRole('button', { name: /^驳\s*回$/ })
        .click();
      await expect.poll(async () => squash(await history().innerText())).toMatch(/v1草稿张律师李主任/);
      await signIn('张律师');
      await page.getByTestId('tab-read').click();
      await expect
        .poll(async () => page.getByTestId('rejected-banner').innerText())
        .toContain('第 1 版被 李主任 退回：值班时间要写明');
      await page.getByTestId('tab-history').click();
      await page.getByTestId('submit-v1').click();
      await expect.poll(async () => squash(await history().innerText())).toMatch(/v1待审核/);

      await signIn('李主任');
      await page.getByTestId('approve-v1').click();
      await expect.poll(async () => squash(await history().innerText())).toMatch(/v1已批准张律师李主任/);
      expect(await page.getByTestId('single-reviewer-v1').count()).toBe(0);
      // The dialog's variable was saved with the draft: the approved clause is usable as it is.
      const api = createLocalClient(app!.handlers);
      const row = (await api.libraryList({ filter: {} })).find((r) => r.title === '节假日值班承诺')!;
      expect((await api.libraryClause({ clauseId: row.clauseId })).variants[0]!.versions[0]!.variables).toEqual([
        expect.objectContaining({ key: 'duty_phone', label: '值班电话', default: '400-820-6688', example: true }),
      ]);

      await signIn('李主任', true);
      await newClause('春节值班承诺');
      await page.getByTestId('tab-history').click();
      await page.getByTestId('submit-v1').click();
      await page.getByTestId('approve-v1').click();
      await expect.poll(async () => squash(await history().innerText())).toMatch(/v1已批准李主任李主任单人审核/);
      await page.getByTestId('single-reviewer-v1').waitFor();
      await page.screenshot({
        path: join(screensDir, 'library-single-reviewer.png'),
        style: '.ant-message { display: none !important; }',
      });

      // The refused approval is the one failed call (the browser logs its 400); nothing else went wrong.
      expect(pageErrors.filter((e) => !/400 .*\/api\/libraryApprove$/.test(e))).toEqual([]);
      expect(pageErrors.length).toBeLessThanOrEqual(1);
    },
    4 * TIMEOUT,
  );
});
