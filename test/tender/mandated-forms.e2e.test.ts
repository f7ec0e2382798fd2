// End to end (#18 item 3): import a tender that mandates its 承诺书 and 偏离表, follow both forms from 招标要求; the
// preview shows the tender's columns and wording; the column we cannot compute asks for the writer's text; switched
// off, our own 偏离表 comes back.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVIATION_TABLE_HEADER } from '@core/deviation/compute.js';
import { haveChromium, openSampleFromHome, previewText, screensDir, TIMEOUT, useApp } from '../e2e/helpers/app.js';
import { squash } from '../helpers/text.js';
import { tenderDocx } from './fixture.js';
import { CLOSING, COLUMNS, mandatedTender, OPENING } from './mandatedFixture.js';

const WITH_PROOF = [...COLUMNS.slice(0, 5), '证明材料'];

describe.skipIf(!haveChromium)('编制: 按招标文件规定的格式 (browser host + Chromium)', () => {
  const app = useApp();

  it(
    '确认两个格式：偏离表用招标文件的列，承诺书用其原文；无法计算的列要填写；关闭后恢复我方格式',
    async () => {
      const { page } = app;
      await openSampleFromHome(app, 'bid-package-sample');
      await page.getByTestId('tab-requirements').click();
      await page.locator('[data-testid="tender-import-panel"] input[type=file]').setInputFiles({
        name: '招标文件.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(await tenderDocx(mandatedTender(WITH_PROOF))),
      });
      const pending = page.locator('[data-testid="tender-import-panel"] li[data-testid^="tender-row-"]');
      for (const title of ['偏离表', '承诺书']) {
        await pending.filter({ hasText: title }).getByRole('button', { name: '按此格式编排' }).click();
      }
      const forms = page.getByTestId('mandated-forms');
      await forms.waitFor();
      const table = forms.locator('li[data-testid^="mandated-form-"]', { hasText: '偏离表' }).first();
      expect(await table.innerText()).toContain('列「招标文件条款号」');
      expect(await table.innerText()).toContain('未填写：导出前须填写');

      // The 偏离表 prints the tender's headers in its order; the blank column is a check error naming it.
      await page.getByTestId('doc-tab-deviation-table').click();
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(squash(WITH_PROOF.join('')));
      await expect
        .poll(() => page.getByTestId('problems').innerText(), { timeout: TIMEOUT })
        .toContain('「证明材料」一列没有内容');
      await forms.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screensDir, 'composer-mandated-forms.png') });
      // The letter keeps the tender's opening and closing sentences.
      await page.getByTestId('doc-tab-commitment-letter').click();
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(squash(OPENING));
      expect(await previewText(page)).toContain(squash(CLOSING));

      // The column we cannot compute: the writer's text prints in every row.
      const fill = table.locator('input');
      await fill.fill('见资格证明文件');
      await expect.poll(() => table.innerText()).not.toContain('未填写');
      await page.getByTestId('doc-tab-deviation-table').click();
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain('见资格证明文件');
      await expect.poll(() => page.getByTestId('problems').innerText()).not.toContain('证明材料');

      // The mandated 目录 as a checklist: after 自查, our letter and table are there; the 资格证明文件 is no document
      // BidForge makes, so it is prepared separately.
      await page.getByTestId('selfcheck-run').click();
      const toc = page.getByTestId('toc-checklist');
      await expect.poll(() => toc.innerText(), { timeout: TIMEOUT }).toMatch(/已有\s*一、售后服务承诺书/);
      expect(await toc.innerText()).toMatch(/已有\s*二、售后服务偏离表/);
      expect(await toc.innerText()).toMatch(/另行准备\s*三、资格证明文件/);
      await toc.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screensDir, 'composer-mandated-toc.png') });

      // Switched off: our own columns again.
      await table.getByRole('switch').click();
      await expect
        .poll(() => previewText(page), { timeout: TIMEOUT })
        .toContain(squash(DEVIATION_TABLE_HEADER.join('')));
      expect(app.pageErrors).toEqual([]);
    },
    TIMEOUT * 3,
  );
});
