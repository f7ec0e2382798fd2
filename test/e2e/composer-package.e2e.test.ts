// End to end: a bid package in 编制 — switch between its documents, paste the tender's requirements, confirm the
// recognised rows, see a 负偏离 flagged (with the ★ 废标 risk), accept it with a reason, and export the 偏离表 PDF.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { haveChromium, previewText, screensDir, TIMEOUT, openSampleFromHome, useApp } from './helpers/app.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';

const TENDER = ['第四章 售后服务要求', '★3.9 接到报修后1小时内到达现场。', '3.10 质保期内每年巡检不少于6次。'].join(
  '\n',
);
// Short enough to fit on one line of the 说明 column: pdftotext reads a table row line by line across its columns.
const STAR_REASON = '远郊车程较长';
const REASON = '辅以远程巡检';

const problemsText = async (page: Page) => squash(await page.getByTestId('problems').innerText());

describe.skipIf(!haveChromium)('编制: bid package and 偏离表 (browser host + Chromium)', () => {
  const app = useApp();

  it(
    'switches documents, confirms recognised requirements, accepts a 负偏离 with a reason and exports the 偏离表',
    async () => {
      const { page } = app;
      await openSampleFromHome(app, 'bid-package-sample');
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain('售后服务方案');

      // One tab per document of the package; the form lists the fields of all of them.
      await page.getByTestId('doc-tab-commitment-letter').click();
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain('售后服务承诺书');
      await page.getByTestId('field-party_b_name').waitFor({ state: 'attached' }); // a field only the installation agreement declares (乙方)
      await page.getByTestId('doc-tab-deviation-table').click();
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain('售后服务偏离表');

      // Paste the tender's text, recognise it, and confirm both proposed rows.
      await page.getByTestId('tab-requirements').click();
      await page.getByTestId('req-paste').fill(TENDER);
      await page.getByTestId('req-recognize').click();
      await page.getByTestId('proposal-row-1').waitFor();
      // The linked variable is named by its label, never by its key.
      expect(await page.getByTestId('proposal-row-0').locator('.bf-req-key').innerText()).toBe('现场到达时间');
      expect(await page.getByTestId('proposal-row-1').locator('.bf-req-key').innerText()).toBe('每年现场巡检次数');
      await page.getByTestId('proposal-confirm-all').click();

      // Rows 9 and 10 (index 8, 9): our 2 hours against ★1 hour, our 4 inspections against 6 — both 负偏离.
      await expect.poll(() => page.getByTestId('req-deviation-8').innerText(), { timeout: TIMEOUT }).toBe('负偏离');
      await expect.poll(() => page.getByTestId('req-deviation-9').innerText(), { timeout: TIMEOUT }).toBe('负偏离');
      await page.getByTestId('req-risk-8').waitFor();
      expect(await page.getByTestId('req-deviation-0').innerText()).toBe('正偏离'); // the sample's own 30 minutes against 1 hour
      await expect.poll(() => problemsText(page), { timeout: TIMEOUT }).toContain('是★号条款，负偏离可能导致废标');
      expect(await problemsText(page)).toContain('偏离表第10项（招标文件3.10）');
      // A click on the problem jumps to its row.
      await page.locator('[data-testid="problems"] button', { hasText: '偏离表第10项' }).first().click();
      await expect
        .poll(() => page.evaluate('document.activeElement?.closest("#req-row-9") !== null'), { timeout: TIMEOUT })
        .toBe(true);
      await page.waitForTimeout(3500); // let the scroll settle and the recognition message fade
      await page.screenshot({ path: join(screensDir, 'composer-deviation.png') });

      // Accept both with a reason: neither is an error any more; both stay visible as warnings that carry the reason.
      await page.getByTestId('req-accept-8').fill(STAR_REASON);
      await page.getByTestId('req-accept-9').fill(REASON);
      await expect.poll(() => problemsText(page), { timeout: TIMEOUT }).toContain(`已注明接受理由：${REASON}`);
      expect(await problemsText(page)).toContain(`已注明理由：${STAR_REASON}`);
      expect(await problemsText(page)).not.toMatch(/\d+个错误/);
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(`负偏离原因：${REASON}`);

      // Export the 偏离表 document: its PDF carries the reasons in 说明.
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.getByTestId('export-pdf').click(),
      ]);
      // Named after the project's title and the document's own title.
      expect(download.suggestedFilename()).toBe(
        `${await page.getByTestId('project-title').innerText()}-售后服务偏离表.pdf`,
      );
      const file = join(tempDir('bf-e2e-pkg-'), download.suggestedFilename());
      await download.saveAs(file);
      const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
      const text = squash(stdout);
      expect(text).toContain('售后服务偏离表');
      // A table cell's wrapped lines interleave with its neighbours' in the PDF's text: read the reason in order.
      expect(text).toMatch(inOrder(`负偏离原因：${REASON}`));
      expect(text).toMatch(inOrder(`负偏离原因：${STAR_REASON}`));
      expect(text).toMatch(/3\.9[\s\S]*3\.10/); // the new rows' item numbers, in order in their column
      expect(app.pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );
});

/** Its characters in order, with at most 40 others between two of them (the rest of a row's wrapped cells). */
function inOrder(words: string): RegExp {
  return new RegExp([...words].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^]{0,40}?'));
}
