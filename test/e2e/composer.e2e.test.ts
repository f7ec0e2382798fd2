// End to end: the built renderer in headless Chromium against the in-process browser host.
// The app opens on 首页; a sample opened there (a project on facts), 填写 shows 现场到达时间 as the fact's figure and
// leads to it in 承诺, where a changed duration reaches the form, the preview and the exported PDF; undo, redo and a
// reload keep it. The expected texts are the sample's own facts as core phrases them, not written here.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factDeadline, factFigure, factPhrase } from '@core/commitments/phrase.js';
import type { Commitment } from '@core/commitments/schema.js';
import { projectSchema } from '@core/model/project.js';
import { tempDir } from '../helpers/tmp.js';
import { templatesDir } from '../helpers/paths.js';
import { haveChromium, requireChromium, screensDir, startApp, TIMEOUT, type E2eApp } from './helpers/app.js';
import { squash } from '../helpers/text.js';

requireChromium('composer');
const SAMPLE = projectSchema.parse(
  JSON.parse(readFileSync(join(templatesDir, 'samples', 'service-plan-sample.json'), 'utf8')),
);
const SAMPLE_TITLE = SAMPLE.title;
/** 现场到达时间 in the sample is the general arrival promise, and its place among the facts (the control's id). */
const ARRIVE_AT = (SAMPLE.commitments ?? []).findIndex((f) => f.id === 'arrive');
const ARRIVE = SAMPLE.commitments?.[ARRIVE_AT] as Extract<Commitment, { within: unknown }>;
/** The same promise one hour longer (3 hours on the sample's 2: still no looser than a fault level's own time). */
const LONGER = { ...ARRIVE, within: { ...ARRIVE.within, value: ARRIVE.within.value + 1 } };
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe.skipIf(!haveChromium)('composer (browser host + Chromium)', () => {
  let app: E2eApp | undefined;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp({ store: false, viewport: { width: 1600, height: 1000 } });
    ({ page, pageErrors } = app);
  }, 240_000);

  afterAll(() => app?.close(), TIMEOUT);

  const previewText = async () => squash(await page.getByTestId('preview').innerText());

  it(
    'opens the sample, shows a fact in 填写, previews an edit in 承诺 live, and exports it to PDF',
    async () => {
      expect(ARRIVE_AT).toBeGreaterThanOrEqual(0);
      await page.goto(app!.host.url);

      // The app opens on 首页, whose sample list opens the service plan sample in 编制.
      await page.getByTestId('home-screen').waitFor({ state: 'visible' });
      await page.getByTestId('home-sample-service-plan-sample').click();
      await page.waitForURL(/#composer$/);
      // 现场到达时间 is a fact of this project: 填写 shows its figure and no editor (a value typed there would never print).
      const field = page.getByTestId('field-onsite_arrival');
      await field.waitFor({ state: 'visible' });
      // Named after its title, not after the sample's file.
      await page.getByText(`${SAMPLE_TITLE}.bfproj.json`, { exact: true }).waitFor({ state: 'visible' });
      await expect.poll(previewText, { timeout: TIMEOUT }).toContain('售后服务方案');
      await expect.poll(() => field.innerText(), { timeout: TIMEOUT }).toContain(factFigure(ARRIVE));
      expect(await field.locator('input').count()).toBe(0);
      await expect.poll(previewText, { timeout: TIMEOUT }).toContain(factDeadline(ARRIVE));
      const before = occurrences(await previewText(), factDeadline(ARRIVE));
      expect(occurrences(await previewText(), factPhrase(ARRIVE))).toBeGreaterThan(0);
      await page.screenshot({ path: join(screensDir, 'composer-start.png') });

      // Its link leads to the fact in 承诺, the cursor in its figure: 2 hours become 3, and the preview follows.
      await field.getByRole('button').click();
      await expect.poll(() => page.getByTestId('pane-facts').isVisible()).toBe(true);
      await expect
        .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
        .toBe(`fact-input-${ARRIVE_AT}`);
      const value = page.getByTestId('fact-arrive-value');
      expect(await value.inputValue()).toBe(String(ARRIVE.within.value));
      await page.keyboard.press('Control+a');
      await page.keyboard.type(String(LONGER.within.value));
      await value.blur();
      await expect.poll(previewText, { timeout: TIMEOUT }).toContain(factDeadline(LONGER));
      // The old time is printed fewer times (a fault level keeps its own 2 hours).
      const after = occurrences(await previewText(), factDeadline(ARRIVE));
      expect(after).toBeLessThan(before);
      await expect
        .poll(async () => (await page.getByTestId('problems').innerText()).includes('检查通过'), { timeout: TIMEOUT })
        .toBe(true);
      // 填写 shows the new figure.
      await page.getByTestId('tab-content').click();
      await expect.poll(() => field.innerText(), { timeout: TIMEOUT }).toContain(factFigure(LONGER));
      await page.waitForTimeout(900); // let the preview finish scrolling to the changed clause
      await page.screenshot({ path: join(screensDir, 'composer.png') });

      // Export PDF and read it back: the new sentence, and the old one only as often as the preview still prints it (a
      // table's cells wrap and interleave in the PDF's text: sentences are compared, not the level table's times).
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.getByTestId('export-pdf').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${SAMPLE_TITLE}.pdf`);
      const file = join(tempDir('bidforge-e2e-'), download.suggestedFilename());
      await download.saveAs(file);
      const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
      const text = squash(stdout);
      expect(text).toContain(factPhrase(LONGER));
      expect(occurrences(text, factPhrase(ARRIVE))).toBe(occurrences(await previewText(), factPhrase(ARRIVE)));

      expect(pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );

  it(
    'undoes and redoes an edit, and brings unsaved work back after a reload',
    async () => {
      // Continues from the edit above: 到场 changed from 2 to 3 hours in 承诺, not saved.
      const was = String(ARRIVE.within.value);
      const now = String(LONGER.within.value);
      await page.getByTestId('tab-facts').click();
      const value = page.getByTestId('fact-arrive-value');
      await page.getByTestId('undo').click();
      await expect.poll(() => value.inputValue(), { timeout: TIMEOUT }).toBe(was);
      await page.getByTestId('redo').click();
      await expect.poll(() => value.inputValue(), { timeout: TIMEOUT }).toBe(now);
      // Ctrl+Z outside a text field is the project's undo too.
      await page.getByTestId('preview').click();
      await page.keyboard.press('Control+z');
      await expect.poll(() => value.inputValue(), { timeout: TIMEOUT }).toBe(was);
      await expect.poll(previewText, { timeout: TIMEOUT }).not.toContain(factDeadline(LONGER));
      await page.keyboard.press('Control+y');
      await expect.poll(() => value.inputValue(), { timeout: TIMEOUT }).toBe(now);
      await expect.poll(previewText, { timeout: TIMEOUT }).toContain(factDeadline(LONGER));
      // Another screen keeps 编制 mounted but hidden: its shortcuts do nothing there.
      await page.getByTestId('nav-cards').click();
      await page.keyboard.press('Control+z');
      await page.getByTestId('nav-composer').click();
      await page.waitForTimeout(300);
      expect(await value.inputValue()).toBe(now);

      // A reload (a crash, a closed window) loses nothing: the unsaved fact comes back, marked unsaved.
      await page.waitForTimeout(1200); // the autosave runs a moment after the last change
      await page.reload();
      await page.getByText('已恢复上次未保存的修改', { exact: false }).waitFor({ state: 'visible' });
      const field = page.getByTestId('field-onsite_arrival');
      await expect.poll(() => field.innerText(), { timeout: TIMEOUT }).toContain(factFigure(LONGER));
      await page.getByTestId('tab-facts').click();
      await expect.poll(() => value.inputValue(), { timeout: TIMEOUT }).toBe(now);
      expect(pageErrors).toEqual([]);
    },
    2 * TIMEOUT,
  );
});
