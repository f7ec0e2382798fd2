// End to end: a project new from 首页 holds no figure nobody typed. In 填写 an empty figure shows the clause's
// suggestion (建议：30 分钟) and the checks name it by its label; 采用建议值, reached with the keyboard, sets it as if
// typed — the preview prints it, the check goes, undo takes it back — and the English UI words the same.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factDeadline } from '@core/commitments/phrase.js';
import { loadTemplates } from '@core/library/loadTemplates.js';
import { templatesDir } from '../helpers/paths.js';
import { discardUntilOpened, haveChromium, previewText, screensDir, TIMEOUT, useApp } from './helpers/app.js';

const TITLE = '建议值测试项目';
const COMPANY = { name: '滨江恒信机电工程有限公司', hotline: '400-800-9000' };

/** 电话响应时间 as the service plan's clauses declare it, and the sentence its suggestion prints. */
async function responseTime() {
  const lib = await loadTemplates(templatesDir);
  const decl = lib.clauses.flatMap((c) => c.variables).find((v) => v.key === 'response_time')!;
  const within = decl.default as { value: number; unit: '分钟' };
  return {
    label: decl.label,
    within,
    printed: factDeadline({ id: 'respond', kind: 'respond', offered: true, within, from: 'notice' }),
  };
}

describe.skipIf(!haveChromium)('编制: a figure is suggested, never pre-filled (browser host + Chromium)', () => {
  const app = useApp({ viewport: { width: 1440, height: 1000 } });

  it(
    'a new project shows the suggestion in the empty field; 采用建议值 by keyboard sets it, undo takes it back',
    async () => {
      const { page } = app;
      const response = await responseTime();
      expect(response.within).toEqual({ value: 30, unit: '分钟' });
      const { settings } = await app.handlers.getSettings({});
      await app.handlers.saveSettings({ settings: { ...settings, company: { ...settings.company, ...COMPANY } } });

      const createFromHome = async (title: string) => {
        await page.getByTestId('home-screen').waitFor();
        await page.getByTestId('home-blueprint').click();
        await page.getByTestId('home-blueprint-service-plan').click();
        await page.getByTestId('home-title').fill(title);
        await page.getByTestId('home-create').click();
        await page.waitForURL(/#composer$/);
        await discardUntilOpened(page, page.getByTestId('project-title').filter({ hasText: title }));
        await page.getByTestId('tab-content').click();
      };
      await page.goto(`${app.host.url}#home`);
      await createFromHome(TITLE);

      // The field is empty and shows the clause's figure as a suggestion; 设置's company is filled in.
      const input = page.getByTestId('field-response_time-value');
      await input.waitFor();
      expect(await input.inputValue()).toBe('');
      expect(await input.getAttribute('placeholder')).toBe('建议：30 分钟');
      expect(await page.locator('#input-company_name').inputValue()).toBe(COMPANY.name);
      // Nothing prints the figure, and the checks ask for it by its label.
      const problems = page.getByTestId('problems');
      await expect.poll(() => problems.innerText(), { timeout: TIMEOUT }).toContain(`「${response.label}」未填写`);
      expect(await previewText(page)).not.toContain(response.printed);
      await page.getByTestId('field-response_time').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screensDir, 'composer-suggestion.png') });

      // From the field, Tab reaches 采用建议值 (after the unit); Enter takes the suggestion.
      const take = page.getByTestId('field-response_time-suggest');
      await input.focus();
      const onTake = () => page.evaluate(`document.activeElement?.dataset?.testid === 'field-response_time-suggest'`);
      for (let i = 0; i < 4 && !(await onTake()); i++) await page.keyboard.press('Tab');
      expect(await onTake()).toBe(true);
      await page.keyboard.press('Enter');

      // Set as if typed: 30 in the field (the cursor back in it), minutes as the unit, printed, no longer asked.
      await expect.poll(() => input.inputValue(), { timeout: TIMEOUT }).toBe('30');
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('input-response_time');
      expect(await take.count()).toBe(0);
      expect(squashUnit(await page.getByTestId('field-response_time').innerText())).toContain('分钟');
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(response.printed);
      await expect.poll(() => problems.innerText(), { timeout: TIMEOUT }).not.toContain(`「${response.label}」未填写`);

      // Undo takes it back: empty again, the suggestion shown again, the sentence gone.
      await page.getByTestId('undo').click();
      await expect.poll(() => input.inputValue(), { timeout: TIMEOUT }).toBe('');
      await take.waitFor();
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).not.toContain(response.printed);

      // The English UI words the suggestion and the link in English.
      await app.handlers.saveSettings({
        settings: { ...(await app.handlers.getSettings({})).settings, uiLanguage: 'en' },
      });
      await page.goto(`${app.host.url}#home`);
      await page.evaluate(`localStorage.clear(); localStorage.setItem('bidforge.locale', 'en')`);
      await page.reload();
      await createFromHome('Suggestion test');
      await input.waitFor();
      await expect.poll(() => input.getAttribute('placeholder'), { timeout: TIMEOUT }).toBe('Suggested: 30 minutes');
      expect(await take.innerText()).toBe('Use suggestion');
      expect(app.pageErrors).toEqual([]);
    },
    6 * TIMEOUT,
  );
});

/** The duration control's text: its unit picker shows the unit chosen. */
const squashUnit = (s: string) => s.replace(/\s+/g, '');
