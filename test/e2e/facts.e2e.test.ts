// End to end: the bid writer edits the project's facts in 编制's 承诺 tab. Changing the emergency level's arrival
// time changes the preview's sentence and raises the check that it is looser than the general promise (its link
// puts the cursor back in that control); switching a fact off removes its sentence; a fact is added from the
// catalogue. The expected texts are computed from the sample's own facts by core's phrasing, not written here.
// Screenshots of the panel in Chinese and English go to test/e2e/screens/.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factDeadline, factFigure, factLabel, factPhrase } from '@core/commitments/phrase.js';
import type { Commitment } from '@core/commitments/schema.js';
import { projectSchema } from '@core/model/project.js';
import { templatesDir } from '../helpers/paths.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';
import {
  discardUntilOpened,
  haveChromium,
  openSampleFromHome,
  previewText,
  screensDir,
  TIMEOUT,
  type E2eApp,
  useApp,
} from './helpers/app.js';

const SAMPLE = 'service-plan-full-sample';
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** The sample's facts as the app opens them (defaults applied). */
function sampleFacts(): Commitment[] {
  const raw = JSON.parse(readFileSync(join(templatesDir, 'samples', `${SAMPLE}.json`), 'utf8'));
  return projectSchema.parse(raw).commitments ?? [];
}

/** The facts panel's own visible text nodes, outside what is the user's data (level names, products, components). */
const panelTexts = (app: E2eApp) =>
  app.page.evaluate(`(() => {
    const root = document.querySelector('[data-testid="facts-panel"]');
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent || '').trim();
      if (text && el && !el.closest('[data-user-data]') && el.checkVisibility()) out.push(text);
    }
    for (const el of root.querySelectorAll('input'))
      if (el.placeholder && !el.value && el.checkVisibility()) out.push(el.placeholder);
    return out;
  })()`) as Promise<string[]>;

describe.skipIf(!haveChromium)('编制: 承诺 (browser host + Chromium)', () => {
  const app = useApp({ viewport: { width: 1440, height: 1000 } });

  it(
    'a changed fact changes the preview and the checks; a fact switched off leaves no sentence',
    async () => {
      const { page } = app;
      const facts = sampleFacts();
      const index = facts.findIndex((f) => f.id === 'arrive_emergency');
      const emergency = facts[index]!;
      const satisfaction = facts.find((f) => f.id === 'satisfaction')!;
      expect(emergency && 'within' in emergency && emergency.scope?.level).toBeTruthy();

      await openSampleFromHome(app, SAMPLE);
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(factPhrase(satisfaction));
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(factDeadline(emergency));

      await page.getByTestId('tab-facts').click();
      const panel = page.getByTestId('facts-panel');
      await panel.waitFor();
      // Grouped by what they promise, the level table apart; the emergency level's time is in its table row.
      await panel.getByTestId('fact-group-response').waitFor();
      await panel.getByTestId('fact-levels').getByTestId(`fact-${emergency.id}`).waitFor();
      await page.screenshot({ path: join(screensDir, 'facts-zh.png') });
      await panel.screenshot({ path: join(screensDir, 'facts-panel-zh.png') });

      // The emergency arrival becomes longer than the general promise: the preview prints the new time, and the check
      // reports it by the fact's label as an error.
      if (!('within' in emergency)) throw new Error('arrive_emergency is a deadline');
      const general = facts.find((f) => f.id === 'arrive' && 'within' in f) as typeof emergency;
      const looser = { ...emergency, within: { value: general.within.value + 1, unit: general.within.unit } };
      const before = occurrences(await previewText(page), factDeadline(emergency));
      const value = page.getByTestId(`fact-${emergency.id}-value`);
      await value.fill(String(looser.within.value));
      await value.blur();
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(factDeadline(looser));
      // The old time is printed that many times fewer (another promise may state the same figure).
      expect(occurrences(await previewText(page), factDeadline(emergency))).toBeLessThan(before);
      const problems = page.getByTestId('problems');
      const problem = problems.locator('li', { hasText: factLabel(emergency) });
      await expect.poll(() => problem.count(), { timeout: TIMEOUT }).toBe(1);
      expect(await problem.innerText()).toContain('错误');
      // The control shows the problem too, and the problem's link puts the cursor in it.
      await expect
        .poll(() => panel.getByTestId('fact-levels').innerText(), { timeout: TIMEOUT })
        .toContain(factLabel(general));
      await page.getByTestId('tab-content').click();
      await problem.getByRole('button').click();
      await expect
        .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
        .toBe(`fact-input-${index}`);
      await expect.poll(() => page.getByTestId('pane-facts').isVisible()).toBe(true);
      await page.screenshot({ path: join(screensDir, 'facts-problem.png') });

      // Back to the sample's time: the problem goes.
      await value.fill(String(emergency.within.value));
      await value.blur();
      await expect.poll(() => problem.count(), { timeout: TIMEOUT }).toBe(0);
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(factDeadline(emergency));

      // The unit is one of the facts' units, 工作日 included: 2 小时 → 2 工作日 reaches the preview as 2个工作日.
      await page.getByTestId(`fact-${emergency.id}-unit`).click();
      await page.locator('.ant-select-dropdown:visible').getByText('工作日', { exact: true }).click();
      const inDays = { ...emergency, within: { value: emergency.within.value, unit: '工作日' as const } };
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(factDeadline(inDays));
      await page.getByTestId('undo').click();
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(factDeadline(emergency));
      // Undo takes back the unit only: the time typed just before stays (the preview's sentence alone cannot tell,
      // another promise states the same figure).
      await expect.poll(() => value.inputValue()).toBe(String(emergency.within.value));

      // A second level (一级) joins the table with the general promise's times, and the document's level table
      // prints its row; undo takes it away again.
      const arrivals = occurrences(await previewText(page), factDeadline(general));
      await panel.getByTestId('level-add').click();
      await panel.getByTestId('level-row-一级').waitFor();
      await expect
        .poll(async () => occurrences(await previewText(page), factDeadline(general)), { timeout: TIMEOUT })
        .toBeGreaterThan(arrivals);
      await panel.getByTestId('fact-levels').screenshot({ path: join(screensDir, 'facts-levels-zh.png') });
      await page.getByTestId('undo').click();
      await panel.getByTestId('level-row-一级').waitFor({ state: 'detached' });
      expect(await value.inputValue()).toBe(String(emergency.within.value));

      // Not offered: the satisfaction sentence vanishes; offered again, it is back.
      const offered = page.getByTestId(`fact-${satisfaction.id}-offered`);
      await offered.click();
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).not.toContain(factPhrase(satisfaction));
      expect(await offered.getAttribute('aria-checked')).toBe('false');
      // The exported PDF leaves it out too (the export goes through the same project the preview shows).
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.getByTestId('export-pdf').click(),
      ]);
      const pdf = join(tempDir('bf-facts-e2e-'), download.suggestedFilename());
      await download.saveAs(pdf);
      const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 << 20 });
      expect(squash(stdout)).toContain(factDeadline(emergency));
      expect(squash(stdout)).not.toContain(factPhrase(satisfaction));
      await offered.press('Space');
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(factPhrase(satisfaction));

      // A fact may carry its own name (as the tender calls it): the row and the checks use it.
      await page.getByTestId(`fact-${satisfaction.id}-scope-toggle`).click();
      await page.getByTestId(`fact-${satisfaction.id}-label`).fill('用户满意率');
      await expect
        .poll(() => panel.getByTestId(`fact-${satisfaction.id}`).locator('.bf-fact-label').innerText())
        .toBe('用户满意率');

      // A kind not stated yet is added from the catalogue; the cursor goes to its figure.
      await page.locator('#fact-add').click();
      await page.keyboard.type('备用设备');
      await page.keyboard.press('Enter');
      await panel.getByTestId('fact-standby').waitFor();
      await expect
        .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
        .toBe(`fact-input-${facts.length}`);
      // A clause's variable that is a fact (repair_limit is replace_after_repairs) shows the fact's figure in 填写
      // instead of an editor whose value would never print, and leads to the fact.
      const repairs = facts.findIndex((f) => f.id === 'replace_after_repairs');
      await page.getByTestId('tab-content').click();
      const bound = page.getByTestId('field-repair_limit');
      await expect.poll(() => bound.innerText(), { timeout: TIMEOUT }).toContain(factFigure(facts[repairs]!));
      await bound.screenshot({ path: join(screensDir, 'facts-bound-field.png') });
      expect(await bound.locator('input').count()).toBe(0);
      await bound.getByRole('button').click();
      await expect
        .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
        .toBe(`fact-input-${repairs}`);
      await page.keyboard.press('Control+a');
      await page.keyboard.type('4');
      await page.getByTestId('tab-content').click();
      await expect
        .poll(() => bound.innerText(), { timeout: TIMEOUT })
        .toContain(factFigure({ ...facts[repairs]!, repairs: 4 } as Commitment));
      expect(app.pageErrors).toEqual([]);
    },
    6 * TIMEOUT,
  );

  it(
    'a new project states its facts through its values until the first edit in 承诺 makes them its own',
    async () => {
      const { page } = app;
      await page.goto(`${app.host.url}#home`);
      await page.getByTestId('home-blueprint').click();
      await page.getByTestId('home-blueprint-service-plan').click();
      await page.getByTestId('home-title').fill('事实面板测试项目');
      await page.getByTestId('home-create').click();
      await page.waitForURL(/#composer$/);
      // The last test's edits are unsaved: 编制 asks before replacing them.
      await discardUntilOpened(page, page.getByTestId('project-title').filter({ hasText: '事实面板测试项目' }));
      const field = page.getByTestId('field-onsite_arrival');
      // 填写: 现场到达时间 is an ordinary field while the project has no facts of its own. (编制 keeps the tab it was
      // on, so it is chosen here rather than left to where the last test stopped.)
      await page.getByTestId('tab-content').click();
      await field.locator('input').first().waitFor();
      // A new project holds no figure nobody typed: the writer types the company, its hotline and the arrival time
      // (in the suggestion's unit, 小时), and the service commitment prints it.
      await page.locator('#input-company_name').fill('滨江恒信机电工程有限公司');
      await page.locator('#input-hotline').fill('400-800-9000');
      const typed = page.getByTestId('field-onsite_arrival-value');
      expect(await typed.inputValue()).toBe('');
      const before = 2;
      await typed.fill(String(before));
      await typed.blur();
      const arrive = { id: 'arrive', kind: 'arrive', offered: true, within: { value: before, unit: '小时' } } as const;
      await expect
        .poll(() => previewText(page), { timeout: TIMEOUT })
        .toContain(factDeadline({ ...arrive, from: 'notice' }));

      await page.getByTestId('tab-facts').click();
      const panel = page.getByTestId('facts-panel');
      await panel.locator('.bf-facts-note').waitFor();
      const value = panel.getByTestId('fact-arrive-value');
      expect(Number(await value.inputValue())).toBe(before);
      await value.fill(String(before + 1));
      await value.blur();
      // The facts are now the project's own: the note goes, and the variable shows the fact's figure.
      await panel.locator('.bf-facts-note').waitFor({ state: 'detached' });
      await expect.poll(() => previewText(page), { timeout: TIMEOUT }).toContain(`${before + 1}小时`);
      await page.getByTestId('tab-content').click();
      await expect.poll(() => field.innerText(), { timeout: TIMEOUT }).toContain(`${before + 1}小时`);
      expect(await field.locator('input').count()).toBe(0);
      // Undo gives the values back their say.
      await page.getByTestId('undo').click();
      await field.locator('input').first().waitFor();
    },
    4 * TIMEOUT,
  );

  it(
    'the panel speaks English in the English UI',
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
      await expect.poll(() => panel.innerText(), { timeout: TIMEOUT }).toContain('Time to arrive on site');
      await page.screenshot({ path: join(screensDir, 'facts-en.png') });
      await panel.screenshot({ path: join(screensDir, 'facts-panel-en.png') });
      const chinese = (await panelTexts(app)).filter((t) => HAN.test(t));
      expect(chinese).toEqual([]);
    },
    4 * TIMEOUT,
  );
});
