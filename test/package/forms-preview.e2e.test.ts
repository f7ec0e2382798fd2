// End to end (browser host + Chromium): the preview draws each form in its own layout — the 承诺书 as a letter with
// no cover sheet — and 编制's 合订本 option exports the bid package as one PDF (one cover, one 目录, every part).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { haveChromium, openSampleFromHome, previewText, screensDir, TIMEOUT, useApp } from '../e2e/helpers/app.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';

describe.skipIf(!haveChromium)('表单版式与合订本（browser host + Chromium）', () => {
  const app = useApp();

  it(
    '承诺书预览没有封面：首页先是标题，再是顶格的“致：……”；合订本导出一个 PDF',
    async () => {
      const { page } = app;
      await openSampleFromHome(app, 'bid-package-sample');
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain('售后服务方案');
      // The plan is a report: a cover sheet first.
      expect(await page.locator('.doc-cover').count()).toBe(1);

      await page.getByTestId('doc-tab-commitment-letter').click();
      await expect.poll(() => page.locator('.doc-form-title').count(), { timeout: TIMEOUT }).toBe(1);
      expect(await page.locator('.doc-cover').count()).toBe(0);
      expect(await page.locator('.doc-form-title').innerText()).toBe('售后服务承诺书');
      const addressee = page.locator('.doc-addressee');
      expect(await addressee.innerText()).toMatch(/^致[:：]/);
      expect(await page.evaluate("getComputedStyle(document.querySelector('.doc-addressee')).textIndent")).toBe('0px');
      expect(await page.locator('[data-testid="preview"] .doc-h').count()).toBe(0);
      await page.locator('.doc-form-title').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screensDir, 'preview-letter.png') });

      // 合订本: every part in one PDF, pages numbered per part.
      await page.getByTestId('combined-open').click();
      await page.getByTestId('combined-export').waitFor();
      await page.getByText('每份文件从第 1 页起').click();
      await page.screenshot({ path: join(screensDir, 'combined-export.png') });
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.getByTestId('combined-pdf').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${await page.getByTestId('project-title').innerText()}-投标文件.pdf`);
      const file = join(tempDir('bf-e2e-combined-'), download.suggestedFilename());
      await download.saveAs(file);
      const { stdout } = await promisify(execFile)('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
        maxBuffer: 64 << 20,
      });
      const pages = stdout.split('\f').map(squash);
      expect(pages.filter((p) => p.includes('目录'))).toHaveLength(1);
      // Five parts, each starting at 第 1 页.
      expect(pages.filter((p) => /第1页共\d+页/.test(p))).toHaveLength(5);
      expect(app.pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );
});
