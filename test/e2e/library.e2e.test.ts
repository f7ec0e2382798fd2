// End to end: legal works in 条款库 in headless Chromium against the browser host on a fresh data folder.
// A project export pins wc-periods v1; legal finds it by searching 压缩机, edits it into a draft, submits and
// approves it, and sees the history, the diff and where the clause is used; then adds a variant, edits the clause's
// owner and review interval, and starts a new draft from the older v1 with a variable declared in the form.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { templatesDir } from '../../host/paths.js';
import { legacyProject } from '../commitments/legacyFixtures.js';
import { tempDir } from '../helpers/tmp.js';
import { squash } from '../helpers/text.js';
import {
  haveChromium,
  requireChromium,
  screensDir,
  settledDialog,
  startApp,
  TIMEOUT,
  type E2eApp,
} from './helpers/app.js';

requireChromium('library');

describe.skipIf(!haveChromium)('clause library (browser host + Chromium)', () => {
  let app: E2eApp | undefined;
  let page: Page;
  let pageErrors: string[] = [];
  const shot = (name: string) =>
    page.screenshot({
      path: join(screensDir, `library-${name}.png`),
      style: '.ant-message { display: none !important; }',
    });

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1000 } });
    ({ page, pageErrors } = app);
  }, 240_000);

  afterAll(() => app?.close(), TIMEOUT);

  it(
    'legal searches 压缩机, edits the clause into a draft, submits and approves it, sees history, diff and where-used, updates the project, and trades packs',
    async () => {
      // A bid writer exported a warranty card earlier: that pins wc-periods v1 to the project. The card is one saved
      // before facts, on the clauses of its time (the shipped sample prints its periods from facts with the variant
      // 逐项承诺; this test follows legal editing 标准, the variant a search for 压缩机 finds).
      const api = createLocalClient(app!.handlers);
      const project = { ...legacyProject('warranty-card-sample', { outline: true }), id: randomUUID() };
      await api.exportDocument({ project, format: 'docx' });

      // The library acts as 设置's user; this office runs in single-reviewer mode.
      const { settings } = await api.getSettings({});
      await api.saveSettings({ settings: { ...settings, userName: '法务王工', singleReviewer: true } });

      await page.goto(app!.host.url);
      await page.getByTestId('nav-library').click();
      await page.getByTestId('clause-list').getByRole('button').first().waitFor();
      await shot('list');

      // Search in Simplified, then in Traditional: both find 部件保修期限.
      await page.getByTestId('library-search').locator('input').fill('压缩机');
      // wc-periods has several variants (标准, 逐项承诺): the list shows each; this test works on 标准.
      const hit = page.getByTestId('clause-wc-periods').filter({ hasText: '标准 · ' });
      await hit.waitFor();
      await expect
        .poll(
          async () =>
            (await page.getByTestId('clause-list').getByRole('button').first().getAttribute('data-testid')) ?? '',
        )
        .toBe('clause-wc-periods');
      expect(await hit.innerText()).toContain('压缩机');
      await shot('search');
      await page.getByTestId('library-search').locator('input').fill('壓縮機');
      await expect.poll(async () => hit.count()).toBe(1);

      // Open it and edit: a new draft, with the sample render following the text.
      await hit.click();
      const detail = page.getByTestId('clause-detail');
      await detail.getByText('部件保修期限').first().waitFor();
      await page.getByTestId('edit-clause').click();
      // The body is a CodeMirror editor: Markdown and {{ }} highlighted.
      const body = page.getByTestId('draft-body').locator('.cm-content');
      // The document's lines exactly (innerText would double the empty lines).
      const docText = async () => (await body.locator('.cm-line').allTextContents()).join('\n');
      await body.locator('.cm-line').first().waitFor(); // the editor's code loads on first use
      const text = await docText();
      expect(text).toContain('具体如下');
      expect(await page.getByTestId('draft-body').locator('.cm-hb').count()).toBeGreaterThan(0);
      await body.fill(text.replace('具体如下', '详见下表'));
      await expect
        .poll(async () => squash(await page.getByTestId('draft-render').innerText()), { timeout: TIMEOUT })
        .toContain('详见下表');
      await page.getByTestId('draft-note').fill('措辞：改为“详见下表”');
      await page.getByTestId('clause-detail').evaluate((el) => el.scrollIntoView());
      await shot('editor');
      await page.getByTestId('draft-save').click();

      // Submit, then approve (legal reviews its own draft here, in 设置's single-reviewer mode; the history says so).
      await page.getByTestId('submit-v2').click();
      await page.getByTestId('approve-v2').click();
      const history = page.getByTestId('history');
      await expect.poll(async () => squash(await history.innerText())).toMatch(/v2已批准法务王工法务王工/);
      // The editor changed exactly the words typed: no line added or lost on the way through CodeMirror.
      const [v2, v1] = await api.libraryHistory({ clauseId: 'wc-periods', variant: '标准' });
      expect(v2!.body).toBe(v1!.body.replace('具体如下', '详见下表'));
      await shot('history');

      // The diff between v1 and v2 shows what changed, word by word.
      await page.getByRole('tab', { name: /版本对比/ }).click();
      const diff = page.getByTestId('diff-text');
      await expect.poll(async () => diff.locator('ins').allInnerTexts()).toContain('详见下表');
      expect(await diff.locator('del').allInnerTexts()).toContain('具体如下');
      await shot('diff');

      // Where-used: the exported project still pins v1.
      await page.getByRole('tab', { name: /使用情况/ }).click();
      await page.mouse.move(0, 0); // no tooltip in the screenshots
      const used = page.getByTestId('where-used');
      await expect.poll(async () => squash(await used.innerText())).toContain(`${squash(project.title)}v1`);
      await shot('where-used');

      // The project's clauses with a newer approved version, with the diff, and update.
      await page.getByTestId('open-projects').click();
      await page.getByTestId(`project-${project.id}`).getByRole('button', { name: /打开/ }).click();
      const pins = page.getByTestId('outdated-pins');
      await expect.poll(async () => squash(await pins.innerText())).toContain('v1→v2');
      await shot('pins');
      await pins.getByRole('button', { name: /更新到新版本/ }).click();
      await expect.poll(async () => squash(await pins.innerText())).toContain('均为最新批准版本');
      expect(await api.projectOutdatedPins({ projectId: project.id! })).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByTestId('outdated-pins').waitFor({ state: 'hidden' });

      // Clause details: owner and review interval.
      await page.getByTestId('edit-meta').click();
      const meta = page.getByRole('dialog', { name: /条款信息/ });
      await meta.getByLabel('负责人').fill('法务部李工');
      await meta.getByLabel('复核周期').fill('6');
      await page.mouse.move(0, 0);
      await shot('meta');
      await meta.getByRole('button', { name: /^保\s*存$/ }).click();
      await expect.poll(async () => squash(await detail.locator('.bf-lib-desc').innerText())).toContain('法务部李工');
      expect(squash(await detail.locator('.bf-lib-desc').innerText())).toContain('每6个月');
      expect((await api.libraryClause({ clauseId: 'wc-periods' })).reviewIntervalMonths).toBe(6);

      // A 7×24 加强版 variant, copied from 标准 as draft v1.
      await page.getByTestId('add-variant').click();
      const variantForm = page.getByRole('dialog', { name: '添加变体' });
      await variantForm.getByLabel('变体名称').fill('7×24 加强版');
      await page.mouse.move(0, 0);
      await shot('variant');
      await variantForm.getByRole('button', { name: /^添\s*加$/ }).click();
      await expect.poll(async () => page.getByTestId('clause-list').getByText('7×24 加强版').count()).toBe(1);
      await page.getByTestId('tab-history').click(); // a clause opens on its rendered text (阅读)
      await expect.poll(async () => squash(await page.getByTestId('history').innerText())).toMatch(/v1草稿法务王工/);
      expect(await page.getByTestId('variant-7×24 加强版').getAttribute('class')).toContain('checked');
      expect((await api.libraryHistory({ clauseId: 'wc-periods', variant: '7×24 加强版' }))[0]!.body).toContain(
        '详见下表',
      );

      // Back on 标准: start a new draft from the older v1, declaring a hotline in the variables form.
      await page.getByTestId('variant-标准').click();
      await page.getByTestId('tab-history').click();
      await page.getByTestId('start-from-v1').click();
      await expect.poll(async () => page.getByTestId('draft-hint').innerText()).toContain('以 v1 为底稿');
      await expect.poll(docText).toContain('具体如下');
      // The draft editor's form (the new-clause dialog, rendered hidden, has one of its own).
      await page.getByTestId('draft-editor').getByTestId('add-variable').click();
      const row = page.getByTestId('draft-editor').getByTestId('variables-form').locator('.bf-lib-var').last();
      await row.getByLabel('变量', { exact: true }).fill('hotline');
      await row.getByLabel('名称', { exact: true }).fill('服务热线');
      await row.getByPlaceholder('无默认值').fill('400-800-1234');
      await body.press('ControlOrMeta+End');
      await page.keyboard.type('\n服务热线：{{hotline}}。');
      await expect
        .poll(async () => squash(await page.getByTestId('draft-render').innerText()), { timeout: TIMEOUT })
        .toContain('服务热线：400-800-1234');
      // Included only for a long warranty.
      const whenEditor = page.getByTestId('when-editor');
      await whenEditor.getByRole('switch').click();
      await whenEditor.getByLabel('变量', { exact: true }).fill('whole_unit_months');
      await whenEditor.getByLabel('值', { exact: true }).fill('24');
      await page.keyboard.press('Tab');
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      await whenEditor.scrollIntoViewIfNeeded();
      await shot('conditions');
      expect(await page.getByTestId('draft-note').inputValue()).toBe('基于 v1 重新起草');
      await page.mouse.move(0, 0);
      await page.getByTestId('clause-detail').evaluate((el) => el.scrollIntoView());
      await shot('start-from');
      await page.getByTestId('draft-save').click();
      await expect
        .poll(async () => squash(await page.getByTestId('history').innerText()))
        .toMatch(/v3草稿法务王工.*基于v1重新起草/);
      const v3 = (await api.libraryHistory({ clauseId: 'wc-periods', variant: '标准' }))[0]!;
      expect(v3).toMatchObject({ version: 3, status: 'draft' });
      expect(v3.body).toContain('具体如下');
      expect(v3.when).toEqual({ key: 'whole_unit_months', op: 'gte', value: 24 });
      expect(squash(await detail.locator('.bf-lib-desc').innerText())).toContain('whole_unit_months≥24');
      expect(v3.variables.find((v) => v.key === 'hotline')).toMatchObject({
        type: 'text',
        label: '服务热线',
        default: '400-800-1234',
        required: true,
      });

      // Export a pack of the listed clauses: a .bfpack.json download.
      await page.getByTestId('export-pack').click();
      const exportDialog = await settledDialog(page.getByRole('dialog'));
      const exportButton = exportDialog.getByRole('button', { name: /导出条款包/ });
      await expect.poll(() => exportButton.isEnabled(), { timeout: TIMEOUT }).toBe(true); // once the listed clauses are chosen
      const downloaded = page.waitForEvent('download');
      await exportButton.click();
      // A failed export shows an error message and never downloads: say what it said instead of timing out silently.
      const failed = page
        .locator('.ant-message-error')
        .first()
        .waitFor({ state: 'visible' })
        .then(
          () => page.locator('.ant-message-error').first().innerText(),
          () => undefined,
        );
      const download = await Promise.race([downloaded, failed]);
      if (!download || typeof download === 'string')
        throw new Error(`the pack export did not download: ${download ?? 'no message shown'}`);
      expect(download.suggestedFilename()).toMatch(/\.bfpack\.json$/);

      // Another office changed the same clause: importing their pack shows the conflict and keeps both.
      const other = createLocalClient(
        createHandlers({ templatesDir: templatesDir(), dataDir: tempDir('bidforge-e2e-other-') }),
      );
      const theirs = await other.libraryEdit({
        clauseId: 'wc-periods',
        variant: '标准',
        body: (await other.libraryClause({ clauseId: 'wc-periods' })).variants[0]!.versions[0]!.body.replace(
          '具体如下',
          '列明如下',
        ),
        changeNote: '分公司修订',
        by: '分公司法务',
      });
      await other.librarySubmit({ ref: theirs, by: '分公司法务' });
      await other.libraryApprove({ ref: theirs, by: '分公司主任' });
      const packFile = join(tempDir('bidforge-e2e-pack-'), 'branch.bfpack.json');
      writeFileSync(
        packFile,
        JSON.stringify((await other.libraryExportPack({ clauseIds: ['wc-periods'], blueprintIds: [] })).pack),
      );
      await page.getByTestId('import-pack-input').setInputFiles(packFile);
      const dialog = await settledDialog(page.getByRole('dialog'));
      await dialog.getByText('冲突 1').waitFor();
      await dialog.getByText('两者都保留').click();
      const keepBoth = dialog.locator('.ant-radio-button-wrapper', { hasText: '两者都保留' });
      await expect.poll(async () => (await keepBoth.getAttribute('class')) ?? '').toContain('checked');
      await shot('import');
      await dialog.getByRole('button', { name: /^导\s*入$/ }).click();
      // The imported variant shows in the list; should the import be refused instead, the failure quotes why.
      await expect
        .poll(async () => {
          const shown = await page.getByTestId('clause-list').getByText('标准（导入）').count();
          const refused = await page.locator('.ant-message-error, .ant-alert-error').allInnerTexts();
          return shown || refused.join(' | ') || 0;
        })
        .toBe(1);

      // A new clause starts as draft v1.
      await page.getByTestId('new-clause').click();
      const form = page.getByRole('dialog', { name: '新建条款' });
      await form.getByLabel('条款标题').fill('延长保修');
      await form.getByLabel('分类').fill('保修卡保修期限');
      await form.getByLabel('文档类型').click();
      await page.keyboard.type('保修卡');
      await page.keyboard.press('Enter');
      await form.getByLabel('条款正文').fill('购买延保服务的，整机保修期延长十二个月。');
      await form.getByRole('button', { name: /^新\s*建$/ }).click();
      await expect
        .poll(async () => squash(await page.getByTestId('clause-read').innerText()))
        .toContain('整机保修期延长十二个月');
      await page.getByTestId('tab-history').click();
      await expect.poll(async () => squash(await page.getByTestId('history').innerText())).toMatch(/v1草稿法务王工/);
      await form.waitFor({ state: 'hidden' }); // not half faded in the screenshot
      // Its id is generated from the category (保修卡保修期限, where wc-periods lives), never typed.
      await expect.poll(async () => page.getByTestId('clause-wc-periods-2').getAttribute('aria-current')).toBe('true');
      await shot('new');

      expect(pageErrors).toEqual([]);
    },
    6 * TIMEOUT,
  );
});
