// End to end: a wording whose default is an example (服务时间: promised hours) is never pre-filled. A new service plan
// gets 联系方式 (标准) from 大纲; its 服务时间 arrives empty, shows the clause's hours as a suggestion, the check names it
// by its label, and 采用建议值, reached with the keyboard, sets it as if typed — then it prints and the check goes.
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '@core/library/loadTemplates.js';
import { templatesDir } from '../helpers/paths.js';
import { squash } from '../helpers/text.js';
import { discardUntilOpened, haveChromium, previewText, settledDialog, TIMEOUT, useApp } from './helpers/app.js';

/** 服务时间 as 联系方式 (标准) declares it: an example. */
async function serviceHours() {
  const lib = await loadTemplates(templatesDir);
  const c = lib.clauses.find((x) => x.id === 'contacts' && x.variant === '标准')!;
  const decl = c.variables.find((v) => v.key === 'service_hours')!;
  return { label: decl.label, hours: decl.default as string, example: decl.example };
}

describe.skipIf(!haveChromium)(
  '编制: an example wording is suggested, never pre-filled (browser host + Chromium)',
  () => {
    const app = useApp({ viewport: { width: 1440, height: 1000 } });

    it(
      '服务时间 of a clause added in 大纲 starts empty with its suggestion; 采用建议值 by keyboard sets it',
      async () => {
        const { page } = app;
        const sh = await serviceHours();
        expect(sh.example).toBe(true);
        expect(sh.hours).toMatch(/\d/);

        await page.goto(`${app.host.url}#home`);
        await page.getByTestId('home-screen').waitFor();
        await page.getByTestId('home-blueprint').click();
        await page.getByTestId('home-blueprint-service-plan').click();
        await page.getByTestId('home-title').fill('示例值测试项目');
        await page.getByTestId('home-create').click();
        await page.waitForURL(/#composer$/);
        await discardUntilOpened(page, page.getByTestId('project-title').filter({ hasText: '示例值测试项目' }));

        // 大纲: add 联系方式 (标准), the variant that requires 服务时间, to the first section — ahead of 服务承诺, whose
        // optional 服务时间 (no default) would otherwise be the declaration that decides whether it is required.
        await page.getByTestId('tab-outline').click();
        const panel = page.getByTestId('outline-panel');
        await panel.getByTestId('outline-clause-contacts').waitFor();
        await panel.getByTestId('outline-add-0').click();
        const dialog = await settledDialog(
          page.locator('.ant-modal').filter({ has: page.getByTestId('add-clause-search') }),
        );
        await dialog.getByTestId('add-clause-search').locator('input').fill('联系方式');
        await dialog.getByTestId('add-clause-variant-contacts').click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="标准"]').click();
        await dialog.getByTestId('add-clause-add-contacts').click();
        await expect.poll(() => panel.getByTestId('outline-clause-contacts').count(), { timeout: TIMEOUT }).toBe(2);

        // 填写: the field is empty, the hours are only a suggestion; nothing prints them and the check names the field.
        await page.getByTestId('tab-content').click();
        const input = page.locator('#input-service_hours');
        await input.waitFor();
        expect(await input.inputValue()).toBe('');
        expect(await input.getAttribute('placeholder')).toBe(`建议：${sh.hours}`);
        const problems = page.getByTestId('problems');
        await expect
          .poll(() => problems.innerText(), { timeout: TIMEOUT })
          .toContain(`缺少必填变量「${sh.label}」的值`);
        expect(await previewText(page)).not.toContain(squash(sh.hours));

        // The clause's other fields, so it prints once 服务时间 is given.
        const others = {
          company_name: '滨江恒信机电工程有限公司',
          address: '杭州市滨江区江南大道 100 号',
          hotline: '400-800-9000',
        };
        const people = { manager_name: '王工', manager_phone: '13900000000', email: 'service@example.com' };
        for (const [key, text] of Object.entries({ ...others, ...people }))
          await page.locator(`#input-${key}`).fill(text);
        await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain('王工');
        expect(await previewText(page)).not.toContain(squash(sh.hours));
        expect(await input.inputValue()).toBe('');

        // From the field, Tab reaches 采用建议值; Enter takes it.
        const onTake = () => page.evaluate(`document.activeElement?.dataset?.testid === 'field-service_hours-suggest'`);
        await input.focus();
        for (let i = 0; i < 3 && !(await onTake()); i++) await page.keyboard.press('Tab');
        expect(await onTake()).toBe(true);
        await page.keyboard.press('Enter');

        // Set as if typed: the hours in the field (the cursor back in it), printed, no longer asked for.
        await expect.poll(() => input.inputValue(), { timeout: TIMEOUT }).toBe(sh.hours);
        expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('input-service_hours');
        expect(await page.getByTestId('field-service_hours-suggest').count()).toBe(0);
        await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(squash(sh.hours));
        await expect.poll(() => problems.innerText(), { timeout: TIMEOUT }).not.toContain(`「${sh.label}」`);
        expect(app.pageErrors).toEqual([]);
      },
      6 * TIMEOUT,
    );
  },
);
