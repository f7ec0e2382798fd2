// End to end: 招标要求 → 导入招标文件 with a DOCX tender the test writes, the proposed rows listed with their place,
// one dismissed, the rest confirmed into the project's requirements; forms stay out; the review list is shown.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveChromium, screensDir, TIMEOUT, openSampleFromHome, useApp } from '../e2e/helpers/app.js';
import { clarified, EXPECTED, tenderDocx } from './fixture.js';

describe.skipIf(!haveChromium)('编制: 导入招标文件 (browser host + Chromium)', () => {
  const app = useApp();

  it(
    '导入DOCX招标文件，逐行列出建议的要求（含页码段落），忽略一行、确认其余，指定格式不加入',
    async () => {
      const { page } = app;
      await openSampleFromHome(app, 'bid-package-sample');
      await page.getByTestId('tab-requirements').click();
      // Start from no requirements: the sample's own would be compared with the imported tender.
      while ((await page.getByTestId('req-rows').count()) > 0) await page.getByTestId('req-delete-0').click();
      const before = 0;

      await page.locator('[data-testid="tender-import-panel"] input[type=file]').setInputFiles({
        name: '招标文件.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(await tenderDocx()),
      });
      await page.getByTestId(`tender-row-${EXPECTED.length - 1}`).waitFor();
      // The ★ warranty item, with its place (a DOCX: paragraph through the file, page from page breaks) and its figure.
      const star = page.getByTestId('tender-row-2');
      expect(await star.innerText()).toMatch(/第9段（第2页起）[\s\S]*★实质性条款[\s\S]*≥ 3年[\s\S]*质保期不少于三年/);
      expect(await page.getByTestId('tender-review').innerText()).toContain('待复核：服务章节中未能识别的要求句（3）');
      await page.screenshot({ path: join(screensDir, 'composer-tender-import.png') });

      // Dismiss the first 废标 row, then confirm all: every confirmable row joins; forms and 目录 entries stay listed.
      await page.getByTestId('tender-row-0-dismiss').click();
      await page.getByTestId('tender-confirm-all').click();
      const confirmable = EXPECTED.filter((e) => e.kind !== 'format' && e.kind !== 'toc').length - 1;
      await expect
        .poll(() => page.getByTestId('req-rows').locator(':scope > li').count(), { timeout: TIMEOUT })
        .toBe(before + confirmable);
      // Only the mandated forms are left to confirm (followed, not added as requirements).
      expect(await page.locator('[data-testid^="tender-row-"][data-testid$="-confirm"]').count()).toBe(
        EXPECTED.filter((e) => e.kind === 'format').length,
      );
      expect(await page.locator('[data-testid="tender-import-panel"] section .bf-tender-row').count()).toBe(
        EXPECTED.filter((e) => e.kind === 'format' || e.kind === 'toc').length,
      );
      // The confirmed ★ warranty row is a requirement with its figure: the 偏离表 computes its deviation.
      const texts = await Promise.all(
        (await page.getByTestId('req-rows').locator('textarea').all()).map((t) => t.inputValue()),
      );
      expect(texts).toContain('质保期不少于三年，自验收合格之日起计算。');
      expect(app.pageErrors).toEqual([]);
    },
    TIMEOUT * 3,
  );

  it(
    '再导入澄清版：已确认未变的行不再建议，有变化的项可按新文件更新，已删除的项被指出',
    async () => {
      const { page } = app;
      await page.locator('[data-testid="tender-import-panel"] input[type=file]').setInputFiles({
        name: '招标文件（澄清）.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(await tenderDocx(clarified())),
      });
      const against = page.getByTestId('tender-against');
      await against.waitFor();
      expect(await against.innerText()).toContain('与已确认的招标要求相比：2 项有变化，1 项在新文件中已没有');
      expect(await against.innerText()).toContain('→ ★1. 质保期不少于五年，自验收合格之日起计算。');
      expect(await against.innerText()).toContain('4. 备件供应不少于8年。'.slice(3));
      const proposed = await page
        .locator('[data-testid="tender-import-panel"] section[aria-label] .bf-tender-text')
        .allInnerTexts();
      expect(proposed).toContain('7. 每年免费保养2次。');
      expect(proposed.some((x) => x.includes('质保期不少于'))).toBe(false);
      await page.screenshot({ path: join(screensDir, 'composer-tender-clarified.png') });

      // Update the warranty row from the new file: the requirement now says 五年 and asks ≥ 5 年.
      const warranty = page.locator('[data-testid^="tender-changed-"]', { hasText: '质保期不少于五年' });
      await warranty.locator('button').click();
      await expect
        .poll(
          async () =>
            Promise.all((await page.getByTestId('req-rows').locator('textarea').all()).map((t) => t.inputValue())),
          { timeout: TIMEOUT },
        )
        .toContain('质保期不少于五年，自验收合格之日起计算。');
      const texts = await Promise.all(
        (await page.getByTestId('req-rows').locator('textarea').all()).map((t) => t.inputValue()),
      );
      expect(texts.some((x) => x.includes('质保期不少于三年'))).toBe(false);
      expect(app.pageErrors).toEqual([]);
    },
    TIMEOUT * 3,
  );
});
