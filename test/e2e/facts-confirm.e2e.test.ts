// End to end: a fact added from 承诺's catalogue never puts a figure nobody typed into the bid. It shows the example
// figure marked 示例数值，请确认, the checks report it as an error by its name and the example, and 确认 — reached with
// the keyboard from the figure — clears both (the cursor back in the figure). Undo brings the mark back; typing a
// figure confirms it too. The English UI words the mark, the button and the problem in English.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factDeadline, factLabel } from '@core/commitments/phrase.js';
import type { Commitment } from '@core/commitments/schema.js';
import { sampleFact } from '@core/library/sampleFacts.js';
import { haveChromium, openSampleFromHome, previewText, screensDir, TIMEOUT, useApp } from './helpers/app.js';

const SAMPLE = 'service-plan-full-sample';
/** 提供备用设备 as the catalogue adds it (a time from the engineer's arrival): a kind the sample does not state. */
const standby = { ...sampleFact('standby')!, from: 'arrival' } as Commitment;
const figure = '2小时';

describe.skipIf(!haveChromium)(
  '编制: 承诺 — an example figure is confirmed before export (browser host + Chromium)',
  () => {
    const app = useApp({ viewport: { width: 1440, height: 1000 } });

    it(
      'a fact added from the catalogue is reported until confirmed by keyboard; undo brings the report back',
      async () => {
        const { page } = app;
        expect('within' in standby && standby.within).toEqual({ value: 2, unit: '小时' });
        await openSampleFromHome(app, SAMPLE);
        const problems = page.getByTestId('problems');
        const problem = problems.locator('li', { hasText: `「${factLabel(standby)}」的数值是示例（${figure}）` });
        await page.getByTestId('tab-facts').click();
        const panel = page.getByTestId('facts-panel');
        await panel.getByTestId('fact-group-response').waitFor();
        // The sample states all its figures: nothing to confirm.
        await expect.poll(() => problems.innerText(), { timeout: TIMEOUT }).not.toContain('数值是示例');

        // Added from the catalogue by keyboard: the cursor is in its figure, which is the example, marked.
        await page.locator('#fact-add').focus();
        await page.keyboard.type('备用设备');
        await page.keyboard.press('Enter');
        const row = panel.getByTestId('fact-standby');
        await row.waitFor();
        const mark = panel.getByTestId('fact-standby-example');
        expect(await mark.innerText()).toContain('示例数值，请确认');
        const value = panel.getByTestId('fact-standby-value');
        expect(await value.inputValue()).toBe('2');
        const inputId = await page.evaluate('document.activeElement && document.activeElement.id');
        expect(inputId).toMatch(/^fact-input-\d+$/);

        // The check names it by its name and example, as an error, under the row and in 检查结果.
        await expect.poll(() => problem.count(), { timeout: TIMEOUT }).toBe(1);
        expect(await problem.innerText()).toContain('错误');
        await expect.poll(() => row.innerText(), { timeout: TIMEOUT }).toContain('尚未确认：请填写或确认后再导出');
        await row.screenshot({ path: join(screensDir, 'facts-example-figure.png') });

        // From the figure, Tab reaches 确认 (after the unit and the event); Enter confirms.
        const onConfirm = () => page.evaluate(`document.activeElement?.dataset?.testid === 'fact-standby-confirm'`);
        for (let i = 0; i < 6 && !(await onConfirm()); i++) await page.keyboard.press('Tab');
        expect(await onConfirm()).toBe(true);
        await page.keyboard.press('Enter');
        await mark.waitFor({ state: 'detached' });
        await expect.poll(() => problem.count(), { timeout: TIMEOUT }).toBe(0);
        expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(inputId);
        expect(await value.inputValue()).toBe('2');
        await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(factDeadline(standby));

        // Undo takes the confirmation back; typing another figure confirms it as well.
        await page.getByTestId('undo').click();
        await mark.waitFor();
        await expect.poll(() => problem.count(), { timeout: TIMEOUT }).toBe(1);
        await value.fill('3');
        await value.blur();
        await mark.waitFor({ state: 'detached' });
        await expect.poll(() => problems.innerText(), { timeout: TIMEOUT }).not.toContain('数值是示例');
        expect(app.pageErrors).toEqual([]);
      },
      4 * TIMEOUT,
    );

    it(
      'the English UI words the mark, the button and the problem in English',
      async () => {
        const { page } = app;
        const { settings } = await app.handlers.getSettings({});
        await app.handlers.saveSettings({ settings: { ...settings, uiLanguage: 'en' } });
        await page.goto(`${app.host.url}#home`);
        await page.evaluate(`localStorage.clear(); localStorage.setItem('bidforge.locale', 'en')`);
        await page.reload();
        await page.getByTestId('home-screen').waitFor();
        await openSampleFromHome(app, SAMPLE);
        await page.getByTestId('tab-facts').click();
        const panel = page.getByTestId('facts-panel');
        await panel.getByTestId('fact-group-response').waitFor();
        await page.locator('#fact-add').focus();
        await page.keyboard.type('standby');
        await page.keyboard.press('Enter');
        const mark = panel.getByTestId('fact-standby-example');
        await mark.waitFor();
        expect(await mark.innerText()).toContain('Example figure — confirm it');
        const confirm = panel.getByTestId('fact-standby-confirm');
        expect(await confirm.innerText()).toBe('Confirm');
        const problem = page.getByTestId('problems').locator('li', {
          hasText: `“${factLabel(standby)}” shows an example figure (${figure}) that nobody has confirmed`,
        });
        await expect.poll(() => problem.count(), { timeout: TIMEOUT }).toBe(1);
        await confirm.focus();
        await page.keyboard.press('Space');
        await mark.waitFor({ state: 'detached' });
        await expect.poll(() => problem.count(), { timeout: TIMEOUT }).toBe(0);
        expect(app.pageErrors).toEqual([]);
      },
      4 * TIMEOUT,
    );
  },
);
