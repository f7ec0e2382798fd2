// End to end: the composer tells the writer that a clause the project uses has a newer approved version. The service
// plan sample was exported earlier (its clause versions are pinned); legal then approves a v2 of 服务宗旨. Opened in
// 编制, the project shows a notice naming the clause (v1 → v2) while the preview keeps the pinned v1 text; updating
// moves the pins to the latest versions and the preview shows the new text.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalClient } from '@core/api/localClient.js';
import { squash } from '../helpers/text.js';
import {
  discardUntilOpened,
  haveChromium,
  previewText,
  requireChromium,
  screensDir,
  startApp,
  TIMEOUT,
  type E2eApp,
} from './helpers/app.js';

requireChromium('composer versions');

const OLD = '我们将以扎实的技术、严谨的流程和负责的态度';
const NEW = '我们将以过硬的技术、严谨的流程和负责的态度';

describe.skipIf(!haveChromium)('编制: newer clause versions (browser host + Chromium)', () => {
  let app: E2eApp | undefined;
  let page: Page;
  let pageErrors: string[] = [];
  let api: ReturnType<typeof createLocalClient>;

  beforeAll(async () => {
    app = await startApp();
    ({ page, pageErrors } = app);
    api = createLocalClient(app.handlers);
  }, 240_000);

  afterAll(() => app?.close(), TIMEOUT);

  /** The project 首页 put first on 最近项目 (what the writer just opened). */
  const lastRecentProject = async () => {
    const [entry] = (await api.listRecentProjects({})).projects;
    return (await api.openRecentProject({ id: entry!.id })).project;
  };

  it(
    'shows how many clauses have a newer approved version, lists them, and updates the project so the preview shows the new text',
    async () => {
      // The writer opens the service plan sample on 首页: a project of their own (its own id), on 最近项目.
      // Nothing is newer yet.
      await page.goto(app!.host.url);
      await page.getByTestId('home-sample-service-plan-sample').click();
      await page.waitForURL(/#composer$/);
      await expect.poll(async () => (await previewText(page)).length, { timeout: TIMEOUT }).toBeGreaterThan(200);
      expect(await page.getByTestId('newer-versions').count()).toBe(0);
      // It records the versions it uses (as an export does): 服务宗旨 v1 among them.
      const project = await lastRecentProject();
      await api.recordProjectPins({ project });
      // Legal approves a v2 of 服务宗旨 in the library.
      const [v1] = await api.libraryHistory({ clauseId: 'service-purpose', variant: '标准' });
      expect(v1!.body).toContain(OLD);
      const ref = await api.libraryEdit({
        clauseId: 'service-purpose',
        variant: '标准',
        body: v1!.body.replace(OLD, NEW),
        changeNote: '措辞：扎实 → 过硬',
        by: '法务王工',
      });
      expect(ref.version).toBe(2);
      await api.librarySubmit({ ref, by: '法务王工' });
      await api.libraryApprove({ ref, by: '法务李主任' });
      expect(await api.projectOutdatedPins({ project })).toEqual([
        expect.objectContaining({ clauseId: 'service-purpose', pinned: 1, latestApproved: 2 }),
      ]);

      // Open the exported project again from 最近项目: the notice names one clause; the preview keeps the pinned v1 text.
      await page.getByTestId('nav-home').click();
      await page.getByTestId('recent-item').first().click();
      await page.waitForURL(/#composer$/);
      const notice = page.getByTestId('newer-versions');
      await notice.waitFor();
      expect(squash(await notice.innerText())).toContain('本项目使用的1个条款在条款库中有新的批准版本');
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(squash(OLD));

      // See them: title, pinned → latest.
      await page.getByTestId('newer-versions-toggle').click();
      const item = page.getByTestId('newer-version-service-purpose');
      await item.waitFor();
      expect(squash(await item.innerText())).toBe('服务宗旨v1→v2');
      await page.getByTestId('tab-outline').click();
      await page.getByTestId('outline-panel').getByTestId('outline-clause-service-purpose').waitFor();
      await page.mouse.move(0, 0); // no tooltip in the screenshot
      await page.waitForTimeout(400); // the tab strip's ink bar slides over
      await page.screenshot({
        path: join(screensDir, 'composer-versions.png'),
        style: '.ant-message { display: none !important; }',
      });

      // Update: the pins move to v2, the notice goes, and the preview shows the new text.
      await page.getByTestId('newer-versions-update').click();
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(squash(NEW));
      expect(await previewText(page)).not.toContain(squash(OLD));
      await notice.waitFor({ state: 'detached' });
      expect(await api.projectOutdatedPins({ projectId: project.id! })).toEqual([]);
      expect(
        (await api.libraryWhereUsed({ clauseId: 'service-purpose', variant: '标准', version: 2 })).map(
          (u) => u.projectId,
        ),
      ).toEqual([project.id]);
      // The updated project is still the writer's to edit: its outline tab is there, and the checks are clean.
      await expect
        .poll(async () => (await page.getByTestId('problems').innerText()).includes('检查通过'), { timeout: TIMEOUT })
        .toBe(true);
      expect(pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );

  it(
    'in the English UI the notice and the 偏离表 statuses read in English (the document keeps 正偏离 / 负偏离)',
    async () => {
      // The bid package sample, opened on 首页, was exported too; then legal approves a v3 of 服务宗旨.
      await page.getByTestId('nav-home').click();
      await page.getByTestId('home-sample-bid-package-sample').click();
      await page.waitForURL(/#composer$/);
      // 编制 asks before it drops the updated project's unsaved pins; the bid package shows its documents' tabs.
      await discardUntilOpened(page, page.getByTestId('doc-tab-deviation-table'));
      const project = await lastRecentProject();
      expect(project.documents).toBeDefined();
      await api.recordProjectPins({ project });
      const [latest] = await api.libraryHistory({ clauseId: 'service-purpose', variant: '标准' });
      const ref = await api.libraryEdit({
        clauseId: 'service-purpose',
        variant: '标准',
        body: latest!.body.replace('负责的态度', '认真负责的态度'),
        changeNote: '措辞',
        by: '法务王工',
      });
      await api.librarySubmit({ ref, by: '法务王工' });
      await api.libraryApprove({ ref, by: '法务李主任' });

      // 设置: English UI.
      const { settings } = await api.getSettings({});
      await api.saveSettings({ settings: { ...settings, uiLanguage: 'en' } });
      await page.goto(app!.host.url);
      // The app opens on 首页; 「Continue the last project」 opens the package again.
      await page.getByTestId('home-continue').click();
      const notice = page.getByTestId('newer-versions');
      await notice.waitFor();
      await expect
        .poll(async () => squash(await notice.innerText()), { timeout: TIMEOUT })
        .toContain(squash('The clause library has newer approved versions of clauses this project uses (1)'));

      await page.getByTestId('tab-requirements').click();
      await expect
        .poll(() => page.getByTestId('req-deviation-0').innerText(), { timeout: TIMEOUT })
        .toBe('Better than required');
      const statuses = await page.locator('[data-testid^="req-deviation-"]').allInnerTexts();
      expect(new Set(statuses)).toEqual(new Set(['Better than required', 'Meets requirement', 'Falls short']));
      // The 偏离表 itself is a Chinese document.
      await page.getByTestId('doc-tab-deviation-table').click();
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain('偏离表');
      const text = await previewText(page);
      expect(text).toContain('正偏离');
      expect(text).not.toContain('Better than required');
      await page.getByTestId('req-deviation-0').scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0);
      await page.screenshot({
        path: join(screensDir, 'composer-versions-en.png'),
        style: '.ant-message { display: none !important; }',
      });

      // A contradicting figure: the problems panel words it in English (core writes 「…」长于「…」). The package states
      // its promises as facts: 现场到达时间 in the form leads to the general arrival in Commitments, cut there to half a
      // fault level's own arrival time, so that level's time is longer than the general promise.
      const facts = project.commitments ?? [];
      const general = facts.find((f) => f.kind === 'arrive' && !f.scope);
      const level = facts.find((f) => f.kind === 'arrive' && f.scope?.level);
      if (!general || !level || !('within' in level)) throw new Error('the package lost its arrival facts');
      await page.getByTestId('tab-content').click();
      const field = page.getByTestId('field-onsite_arrival');
      await field.waitFor({ state: 'visible' });
      expect(await field.locator('input').count()).toBe(0);
      await field.getByRole('button', { name: 'Edit under Commitments' }).click();
      const arrival = page.getByTestId(`fact-${general.id}-value`);
      await expect
        .poll(() => page.evaluate('document.activeElement?.getAttribute("data-testid")'))
        .toBe(`fact-${general.id}-value`);
      await arrival.fill(String(level.within.value / 2));
      await arrival.blur();
      const problems = page.getByTestId('problems');
      await expect.poll(() => problems.innerText(), { timeout: TIMEOUT }).toContain('is longer than');
      expect(await problems.innerText()).not.toContain('长于');
      expect(pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );
});
