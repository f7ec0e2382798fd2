// End to end: every screen speaks the UI's language. In the English UI no Chinese appears except the users' own
// data (clause library, samples) and the document previews; in the Chinese UI no English words appear beyond
// product and format names. A string missing from the catalog of the UI's language fails here. Screenshots of
// each screen in each language go to test-output/screens/ for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENDER_EXAMPLE } from '../../renderer/src/composer/requirements/tenderExample.js';
import { repoRoot } from '../helpers/paths.js';
import { haveChromium, startApp, TIMEOUT, type E2eApp } from './helpers/app.js';
import { templateStrings, withoutData } from './helpers/userData.js';
import { visibleTexts } from './helpers/visibleText.js';

const SHOTS = join(repoRoot, 'test-output', 'screens');
const SCREENS = [
  'home',
  'composer',
  'composer-facts',
  'composer-outline',
  'composer-requirements',
  'library',
  'cards',
  'settings',
] as const;
/** The label of the money value typed wrong (the clause library's, the same in both UI languages). */
const FEE_LABEL = '单台安装费';
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Names that stay as they are in Chinese text: products, formats, standards, units, keys on a keyboard. */
const ALLOWED_WORDS = new Set([
  'BidForge',
  'DOCX',
  'PDF',
  'CSV',
  'XLSX',
  'JSON',
  'Word',
  'Excel',
  'Markdown',
  'Handlebars',
  'GB',
  'Ctrl',
  'Alt',
  'Shift',
  'Enter',
  'Tab',
  'UTF',
  'GBK',
  'QR',
  'URL',
  'ID',
  'A4',
  'A5',
  'mm',
  'pt',
  'bfproj',
  'bfpack',
  'KB',
  'MB',
  'PNG',
  'JPEG',
  'English',
  // Storage kinds named in 设置 → 团队库 → 共享文件夹.
  'NAS',
  'WebDAV',
]);

/** The words of a Chinese UI text that are English and not on the allowed list. */
const strayEnglish = (text: string) =>
  (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w) && !ALLOWED_WORDS.has(w.toUpperCase()));
/** Paths and file names (the data folder, a backup, a project's file) are the user's, in whatever script. */
const isFileName = (text: string) =>
  /^(\/|[A-Za-z]:\\)\S*$/.test(text) || /^\S+\.(json|bfproj\.json|pdf|docx|xlsx|csv)$/.test(text);

async function setLanguage(app: E2eApp, lang: 'zh-CN' | 'en'): Promise<void> {
  const { settings } = await app.handlers.getSettings({});
  await app.handlers.saveSettings({ settings: { ...settings, uiLanguage: lang } });
  await app.page.goto(`${app.host.url}#home`);
  // A fresh start in this language: no autosaved edits from the other language's pass to restore.
  await app.page.evaluate(`localStorage.clear(); localStorage.setItem('bidforge.locale', ${JSON.stringify(lang)})`);
  await app.page.reload();
  await app.page.getByTestId('home-screen').waitFor();
}

/** A screen, or one of 编制's tabs (composer-facts: its 承诺 tab, composer-outline: its 大纲 tab). */
async function show(page: Page, view: (typeof SCREENS)[number]): Promise<void> {
  const [screen, tab] = view.split('-') as [string, string | undefined];
  await page.getByTestId(`nav-${screen}`).click();
  await page.waitForURL(new RegExp(`#${screen}$`));
  if (screen === 'composer') await page.getByTestId(`tab-${tab ?? 'content'}`).click();
  if (screen === 'library') await page.locator('[data-testid^="clause-"]').first().click();
  await page.waitForTimeout(600); // let messages and transitions settle before reading and taking the picture
}

describe.skipIf(!haveChromium)('one language per screen (browser host + Chromium)', () => {
  let app: E2eApp;
  // What the user typed below is data too; a language's own name is written in its own script (中文, English).
  // The tender example in 招标要求 is a Chinese tender's text in both languages.
  const data = [...templateStrings(), ...TENDER_EXAMPLE.split('\n'), '两万八', '中文', 'English'];
  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1440, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
    // The 偏离表's responses are the document's own words (the tender's requirement with our figure, computed from
    // the sample's facts): a check that quotes one quotes the document, in the document's language.
    const { project } = await app.handlers.openSample({ name: 'bid-package-sample' });
    const { deviations } = await app.handlers.preview({ project, document: 'deviation-table' });
    data.push(...deviations.map((d) => d.response));
    data.sort((a, b) => b.length - a.length);
  }, 240_000);
  afterAll(() => app?.close(), TIMEOUT);

  /**
   * Opens the bid package sample (its documents, facts, requirements and 偏离表 show the most of 编制) and types
   * values. The package states its promises as facts, so the money typed is a value of the installation agreement
   * (单台安装费; 年度维保服务费 is a fact, edited in 承诺), shown with that document: the checks are the shown one's.
   */
  async function openSampleWithMistakes(page: Page): Promise<void> {
    await page.getByTestId('home-sample-bid-package-sample').click();
    await page.waitForURL(/#composer$/);
    await page.getByTestId('doc-tab-install-agreement').click();
    const fee = page.locator('#input-unit_fee');
    await fee.waitFor();
    // Money as people type it is accepted and written in its canonical form once the field is left.
    await fee.fill('5.86万');
    await fee.blur();
    await expect.poll(() => fee.inputValue(), { timeout: TIMEOUT }).toBe('58600.00');
    // A value that is not money is reported once, by its label.
    await fee.fill('两万八');
    await expect
      .poll(async () => (await page.getByTestId('problems').innerText()).includes(FEE_LABEL), {
        timeout: TIMEOUT,
      })
      .toBe(true);
  }

  for (const lang of ['zh-CN', 'en'] as const) {
    it(
      `${lang}: every screen's visible text is in the catalog of the UI's language`,
      async () => {
        const { page } = app;
        await setLanguage(app, lang);
        // Chinese fonts first in Chinese, Latin fonts first in English (its quotes and apostrophes are not CJK marks).
        await page.locator('.ant-menu').first().waitFor();
        const font = String(await page.evaluate("getComputedStyle(document.querySelector('.ant-menu')).fontFamily"));
        expect(font.startsWith(lang === 'en' ? '-apple-system' : '"PingFang SC"'), font).toBe(true);
        await openSampleWithMistakes(page);
        const offending: string[] = [];
        for (const screen of SCREENS) {
          await show(page, screen);
          await page.screenshot({ path: join(SHOTS, `${lang}-${screen}.png`) });
          // No bar (nor its project name and tags) runs past its edge, in either language: labels give way to icons.
          const overflowing = JSON.parse(
            String(
              await page.evaluate(`JSON.stringify([...document.querySelectorAll('header')]
                .filter((h) => h.offsetParent !== null)
                .flatMap((h) => [h, ...h.querySelectorAll('[data-fits]')])
                .filter((x) => x.scrollWidth > x.clientWidth + 1)
                .map((x) => x.className + ': ' + x.scrollWidth + ' > ' + x.clientWidth))`),
            ),
          ) as string[];
          offending.push(...overflowing.map((o) => `${screen}: overflowing bar ${o}`));
          for (const text of await visibleTexts(page)) {
            if (isFileName(text)) continue;
            const ui = withoutData(text, data);
            if (lang === 'en' ? HAN.test(ui) : strayEnglish(ui).length) offending.push(`${screen}: ${text}`);
          }
        }
        expect([...new Set(offending)]).toEqual([]);

        // The invalid amount is listed once among the checks, and its text is in the UI's language.
        await show(page, 'composer');
        // 编制's bar: the project's name stays visible and nothing runs under the buttons (English buttons are wider).
        const bar = JSON.parse(
          String(
            await page.evaluate(`JSON.stringify({
              title: document.querySelector('[data-testid="project-title"]').getBoundingClientRect().width,
              tags: document.querySelector('[data-testid="save-state"]').getBoundingClientRect().right,
              toolbar: document.querySelector('.bf-composer-bar .bf-toolbar').getBoundingClientRect().left,
            })`),
          ),
        ) as { title: number; tags: number; toolbar: number };
        expect(bar.title, JSON.stringify(bar)).toBeGreaterThan(50);
        expect(bar.tags, JSON.stringify(bar)).toBeLessThanOrEqual(bar.toolbar);
        const entries = (await page.getByTestId('problems').locator('li').allInnerTexts()).filter((t) =>
          t.includes(FEE_LABEL),
        );
        expect(entries).toHaveLength(1);
        expect(entries[0]).toContain(lang === 'en' ? 'is not an amount of money' : '不是金额');
        await page.screenshot({ path: join(SHOTS, `${lang}-composer-problem.png`) });
      },
      6 * TIMEOUT,
    );
  }
});
