// End to end: a bid writer edits the outline of a service plan — adds a clause from the library (its variables join
// the form, its figures as suggestions to take), moves it with the keyboard and by dragging, removes one, resets —
// and the preview follows.
// Then whole sections: adds one under a typed title with a clause from the library, moves it up (keyboard and button),
// drags another, removes one with its clauses, and undoes — the preview's headings and 一、二、三 numbering follow.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { haveChromium, previewText, screensDir, TIMEOUT, openSampleFromHome, useApp } from './helpers/app.js';
import { squash } from '../helpers/text.js';

/** The opening of 联系方式's clause (contacts, 逐项承诺, as the sample uses it). */
const CONTACTS = '为本项目设立以下联系渠道';

/** The level-1 headings of the preview, in order. */
const headings = async (page: Page) =>
  (await page.getByTestId('preview').locator('h2.doc-h1').allInnerTexts()).map(squash);

describe.skipIf(!haveChromium)('编制: outline (browser host + Chromium)', () => {
  const app = useApp();

  it(
    'adds a clause from the library, reorders and removes clauses, and the preview follows',
    async () => {
      const { page } = app;
      await openSampleFromHome(app, 'service-plan-sample');
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain('2小时内到达现场');

      await page.getByTestId('tab-outline').click();
      const panel = page.getByTestId('outline-panel');
      await panel.getByTestId('outline-clause-contacts').waitFor();

      // Add 技术资料与档案 to the last section (联系方式) from the library.
      const sections = panel.locator('[data-testid^="outline-section-"]');
      const last = (await sections.count()) - 1;
      await panel.getByTestId(`outline-add-${last}`).click();
      await page.getByTestId('add-clause-search').locator('input').fill('技术资料');
      await page.getByTestId('add-clause-add-documentation').click();
      await panel.getByTestId('outline-clause-documentation').waitFor();
      // Its variables join the form: its list of documents with its default, its figures empty — the check names them —
      // with the clause's suggestion, which the writer takes (采用建议值) or types. Then it prints, and the check is clean.
      await expect
        .poll(() => page.getByTestId('problems').innerText(), { timeout: TIMEOUT })
        .toContain('缺少必填变量「纸质技术资料套数」的值');
      await page.getByTestId('tab-content').click();
      await page.getByTestId('field-doc_copies-suggest').click();
      await page.getByTestId('field-records_keep_years').locator('input').first().fill('5');
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain('提供下列技术资料的纸质版各2套');
      await expect
        .poll(async () => (await page.getByTestId('problems').innerText()).includes('检查通过'), { timeout: TIMEOUT })
        .toBe(true);
      await page.getByTestId('tab-outline').click();
      await page.screenshot({ path: join(screensDir, 'composer-outline.png') });

      // Its variables are in the form, where a change reaches the preview.
      await page.getByTestId('tab-content').click();
      const copies = page.getByTestId('field-doc_copies').locator('input').first();
      await copies.fill('3');
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain('提供下列技术资料的纸质版各3套');

      // Keyboard: Alt+↑ moves the focused clause up (across a section's edge too); undo puts it back.
      await page.getByTestId('tab-outline').click();
      const order = async () => {
        const text = await previewText(page);
        return text.indexOf('提供下列技术资料') < text.indexOf(CONTACTS) ? 'documentation first' : 'contacts first';
      };
      expect(await previewText(page)).toContain(CONTACTS);
      expect(await order()).toBe('contacts first');
      await panel.getByTestId('outline-clause-documentation').focus();
      await page.keyboard.press('Alt+ArrowUp');
      await expect.poll(order, { timeout: TIMEOUT }).toBe('documentation first');
      // The focus follows the moved clause, so pressing again keeps moving it: into the previous section.
      await page.keyboard.press('Alt+ArrowUp');
      await expect
        .poll(async () => (await headings(page)).slice(-2), { timeout: TIMEOUT })
        .toEqual(['九、投诉处理与回访', '十、联系方式']);
      await expect
        .poll(
          async () =>
            (await previewText(page)).indexOf('提供下列技术资料') < (await previewText(page)).indexOf('十、联系方式'),
          { timeout: TIMEOUT },
        )
        .toBe(true);
      await page.getByTestId('undo').click();
      await page.getByTestId('undo').click();
      await expect.poll(order, { timeout: TIMEOUT }).toBe('contacts first');

      // Drag 保修条款's clause onto 服务承诺's: it joins that section before it, and its emptied section leaves the document.
      await page.locator('.bf-editor').evaluate((el) => el.scrollTo({ top: 0 }));
      await panel
        .getByTestId('outline-clause-warranty-terms')
        .dragTo(panel.getByTestId('outline-clause-service-commitment'));
      await expect
        .poll(async () => (await headings(page)).some((h) => h.includes('保修条款')), { timeout: TIMEOUT })
        .toBe(false);
      expect(
        await panel
          .getByTestId('outline-section-1')
          .locator('[data-testid^="outline-clause-"]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))),
      ).toEqual(['outline-clause-warranty-terms', 'outline-clause-service-commitment']);
      expect((await headings(page)).slice(0, 3)).toEqual(['一、服务宗旨', '二、服务承诺', '三、故障分级与响应']);

      // Remove 免责条款: its section leaves the document.
      await panel.getByTestId('outline-remove-exclusions').click();
      await expect
        .poll(async () => (await headings(page)).some((h) => h.includes('免责条款')), { timeout: TIMEOUT })
        .toBe(false);
      expect(await panel.getByText('本节已无条款').count()).toBe(2); // 保修条款 and 免责条款

      // Reset to the blueprint: the document is as it was (the added clause goes too).
      await panel.getByTestId('outline-reset').click();
      await page
        .locator('.ant-popconfirm:visible')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      // The outline is the blueprint's again (the added clause is gone) before the preview is read.
      await expect.poll(() => panel.getByTestId('outline-clause-documentation').count(), { timeout: TIMEOUT }).toBe(0);
      await expect.poll(async () => (await headings(page))[0], { timeout: TIMEOUT }).toBe('一、服务宗旨');
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).not.toContain('技术资料');
      expect(await headings(page)).toContain('五、免责条款');
      expect(await headings(page)).toContain('四、保修条款');
      expect(app.pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );

  it(
    'adds a section with a clause, moves sections by keyboard, button and drag, removes one with its clauses, and undoes',
    async () => {
      const { page } = app;
      await page.getByTestId('tab-outline').click();
      const panel = page.getByTestId('outline-panel');
      await panel.getByTestId('outline-clause-contacts').waitFor();
      const blueprintHeadings = await headings(page);
      expect(blueprintHeadings).toHaveLength(10);
      expect(blueprintHeadings.at(-1)).toBe('十、联系方式');
      const heads = () =>
        panel
          .locator('[data-testid^="section-head-"]')
          .evaluateAll((els) => els.map((e) => e.querySelector('.bf-outline-section-title')?.textContent ?? ''));

      // A title that is already a section's is refused; a new one adds an (empty) section and opens the library on it.
      await panel.getByTestId('outline-add-section').click();
      const title = panel.getByTestId('outline-new-section-title');
      await title.fill('联系方式');
      await title.press('Enter');
      await expect.poll(async () => panel.getByText('已有名为「联系方式」的节').count()).toBe(1);
      await title.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screensDir, 'composer-outline-new-section.png') });
      await title.fill('技术资料交付');
      await title.press('Enter');
      const picker = page.getByRole('dialog', { name: '添加条款到「技术资料交付」' });
      await picker.waitFor();
      expect((await heads()).at(-1)).toBe('技术资料交付');
      await page.getByTestId('add-clause-search').locator('input').fill('技术资料');
      await page.getByTestId('add-clause-add-documentation').click();
      await picker.waitFor({ state: 'hidden' });
      await expect
        .poll(async () => (await headings(page)).slice(-2), { timeout: TIMEOUT })
        .toEqual(['十、联系方式', '十一、技术资料交付']);
      const text = await previewText(page);
      expect(text.indexOf('提供下列技术资料的纸质版')).toBeGreaterThan(text.indexOf('十一、技术资料交付'));

      // Alt+↑ on the section's heading moves it above 联系方式; the focus follows, so the up button can take it on.
      const added = panel.getByTestId('section-head-10');
      await added.focus();
      await page.keyboard.press('Alt+ArrowUp');
      await expect
        .poll(async () => (await headings(page)).slice(-2), { timeout: TIMEOUT })
        .toEqual(['十、技术资料交付', '十一、联系方式']);
      expect(await page.locator(':focus').getAttribute('data-testid')).toBe('section-head-9');
      await panel.getByTestId('section-up-9').click();
      await expect
        .poll(async () => (await headings(page)).slice(-3), { timeout: TIMEOUT })
        .toEqual(['九、技术资料交付', '十、投诉处理与回访', '十一、联系方式']);

      // Drag 服务宗旨 by its heading onto the lower half of 服务承诺: it lands after it.
      await page.locator('.bf-editor').evaluate((el) => el.scrollTo({ top: 0 }));
      const target = panel.getByTestId('outline-section-1');
      const box = (await target.boundingBox())!;
      await panel.getByTestId('section-head-0').dragTo(target, { targetPosition: { x: 40, y: box.height - 6 } });
      await expect
        .poll(async () => (await headings(page)).slice(0, 3), { timeout: TIMEOUT })
        .toEqual(['一、服务承诺', '二、服务宗旨', '三、故障分级与响应']);
      await page.mouse.move(0, 0); // no tooltip in the screenshot
      await page.screenshot({ path: join(screensDir, 'composer-outline-sections.png') });

      // Remove 服务宗旨 (now second) with its clause: it asks first, then the numbering closes up.
      await panel.getByTestId('section-remove-1').click();
      const confirm = page.locator('.ant-popconfirm:visible');
      expect(squash(await confirm.innerText())).toContain('删除「服务宗旨」及其1条条款？');
      await confirm.getByRole('button', { name: /删\s*除/ }).click();
      await expect
        .poll(async () => (await headings(page)).slice(0, 2), { timeout: TIMEOUT })
        .toEqual(['一、服务承诺', '二、故障分级与响应']);
      expect((await headings(page)).some((h) => h.includes('服务宗旨'))).toBe(false);
      expect(await previewText(page)).not.toContain('始终坚持');
      expect(await heads()).not.toContain('服务宗旨');

      // Undo brings the section back where it was; undo again puts 服务宗旨 first again.
      await page.getByTestId('undo').click();
      await expect
        .poll(async () => (await headings(page)).slice(0, 2), { timeout: TIMEOUT })
        .toEqual(['一、服务承诺', '二、服务宗旨']);
      await page.getByTestId('undo').click();
      await expect
        .poll(async () => (await headings(page)).slice(0, 2), { timeout: TIMEOUT })
        .toEqual(['一、服务宗旨', '二、服务承诺']);
      expect((await heads()).slice(0, 2)).toEqual(['服务宗旨', '服务承诺']);
      expect(app.pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );
});
