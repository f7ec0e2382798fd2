// End to end, #17 item 6: the composer's notice of newer approved clause versions opens the diff between the version
// the project pins and the latest approved one, so the writer reads what changed before updating.
// Headless Chromium against the browser host on a fresh data folder.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalClient } from '@core/api/localClient.js';
import { squash } from '../helpers/text.js';
import {
  haveChromium,
  previewText,
  requireChromium,
  screensDir,
  startApp,
  TIMEOUT,
  type E2eApp,
} from './helpers/app.js';

requireChromium('newer versions diff');

describe.skipIf(!haveChromium)('编制: the newer-version notice opens the diff (browser host + Chromium)', () => {
  let app: E2eApp | undefined;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    ({ page, pageErrors } = app);
  }, 240_000);
  afterAll(() => app?.close(), TIMEOUT);

  it(
    'each listed clause shows its pinned → latest diff',
    async () => {
      const api = createLocalClient(app!.handlers);
      await page.goto(app!.host.url);
      await page.getByTestId('home-sample-service-plan-sample').click();
      await page.waitForURL(/#composer$/);
      await expect.poll(async () => (await previewText(page)).length, { timeout: TIMEOUT }).toBeGreaterThan(200);
      const [entry] = (await api.listRecentProjects({})).projects;
      const project = (await api.openRecentProject({ id: entry!.id })).project;
      await api.recordProjectPins({ project });
      const [v1] = await api.libraryHistory({ clauseId: 'service-purpose', variant: '标准' });
      const ref = await api.libraryEdit({
        clauseId: 'service-purpose',
        variant: '标准',
        body: v1!.body.replace('扎实的技术', '过硬的技术'),
        changeNote: '措辞',
        by: '法务王工',
      });
      await api.librarySubmit({ ref, by: '法务王工' });
      await api.libraryApprove({ ref, by: '法务李主任' });

      await page.getByTestId('nav-home').click();
      await page.getByTestId('recent-item').first().click();
      await page.waitForURL(/#composer$/);
      await page.getByTestId('newer-versions').waitFor();
      await page.getByTestId('newer-versions-toggle').click();
      await page.getByTestId('newer-version-diff-service-purpose').click();
      const dialog = page.getByRole('dialog', { name: '服务宗旨 v1 → v2' });
      await dialog.getByTestId('diff-text').waitFor();
      expect(await dialog.locator('ins').allInnerTexts()).toEqual(['过硬']);
      expect(await dialog.locator('del').allInnerTexts()).toEqual(['扎实']);
      expect(squash(await dialog.getByTestId('diff-text').innerText())).toContain('我们将以扎实过硬的技术');
      await page.screenshot({ path: join(screensDir, 'composer-versions-diff.png') });
      await dialog.getByRole('button', { name: /close|关闭/i }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );
});
