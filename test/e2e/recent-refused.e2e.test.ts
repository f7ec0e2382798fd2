// End to end (#19): a project that opens in 编制 but that 最近项目 refuses (values nested deeper than recent.json keeps)
// stays open, and the user is told — in the interface's language — why it is not on 首页's list; the list is unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_MAX_DEPTH } from '@core/settings/recent.js';
import { templatesDir } from '../helpers/paths.js';
import { haveChromium, screensDir, startApp, TIMEOUT, type E2eApp } from './helpers/app.js';

const TITLE = '滨江四中图书馆恒温恒湿系统售后服务方案';

/** The shipped sample with a value nested one level deeper than 最近项目 keeps. */
function deepProject(): Buffer {
  const p = JSON.parse(readFileSync(join(templatesDir, 'samples', 'service-plan-sample.json'), 'utf8')) as {
    title: string;
    values: Record<string, unknown>;
  };
  let v: unknown = '说明';
  for (let i = 0; i <= SNAPSHOT_MAX_DEPTH; i++) v = [v];
  p.title = TITLE;
  p.values.nested_note = v;
  return Buffer.from(JSON.stringify(p));
}

describe.skipIf(!haveChromium)('最近项目拒收时告诉用户原因 (browser host + Chromium)', () => {
  let app: E2eApp;
  let page: Page;
  beforeAll(async () => {
    app = await startApp();
    ({ page } = app);
  }, 240_000);
  afterAll(() => app?.close(), TIMEOUT);

  const recentCount = () => page.getByTestId('recent-item').count();

  it(
    '打开嵌套过深的项目：项目照常打开，提示未加入最近项目及原因，最近项目不变',
    async () => {
      await page.goto(`${app.host.url}#home`);
      await page.getByTestId('home-screen').waitFor({ state: 'visible' });
      const before = await recentCount();
      await page.getByTestId('nav-composer').click();
      await page.getByTestId('open-project-input').setInputFiles({
        name: `${TITLE}.bfproj.json`,
        mimeType: 'application/json',
        buffer: deepProject(),
      });
      const notice = page.getByText('项目已打开，但未加入「最近项目」', { exact: false });
      await notice.waitFor({ state: 'visible', timeout: TIMEOUT });
      expect(await notice.innerText()).toContain(`嵌套超过 ${SNAPSHOT_MAX_DEPTH} 层`);
      await expect.poll(() => page.getByTestId('project-title').innerText(), { timeout: TIMEOUT }).toBe(TITLE);
      await page.screenshot({ path: join(screensDir, 'recent-refused-notice.png') });
      await page.getByTestId('nav-home').click();
      await page.getByTestId('home-screen').waitFor({ state: 'visible' });
      expect(await recentCount()).toBe(before);
    },
    2 * TIMEOUT,
  );
});
