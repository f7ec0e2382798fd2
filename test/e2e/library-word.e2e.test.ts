// End to end, 从 Word 导入 in 条款库: legal picks a company's old service plan (a DOCX this test writes), sees its
// candidate clauses with the facts they state and a copy of a built-in clause marked as a duplicate (discarded by
// default), retitles one, merges two, and imports the rest as drafts under the name in 设置 — none approved.
// Headless Chromium against the browser host on a fresh data folder.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalClient } from '@core/api/localClient.js';
import { loadTemplates } from '@core/library/loadTemplates.js';
import { squash } from '../helpers/text.js';
import { builtinAsWord, NUMBERED, STYLED, wordDocx } from '../library/wordFixture.js';
import { haveChromium, requireChromium, screensDir, startApp, TIMEOUT, type E2eApp } from './helpers/app.js';

requireChromium('library Word import');

describe.skipIf(!haveChromium)('从 Word 导入 in 条款库 (browser host + Chromium)', () => {
  let app: E2eApp | undefined;
  let page: Page;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1000 } });
    ({ page, pageErrors } = app);
  }, 240_000);
  afterAll(() => app?.close(), TIMEOUT);

  it(
    'candidates with facts and duplicate marks; retitle, merge, discard; accepted ones become drafts',
    async () => {
      const lib = await loadTemplates(join(process.cwd(), 'templates'));
      const builtin = lib.clauses.map((c) => ({ clauseId: c.id, variant: c.variant, title: c.title, body: c.body }));
      const docx = await wordDocx([...STYLED, { h: 1, text: '服务承诺（旧版）' }, ...builtinAsWord(builtin, false)]);

      await page.goto(`${app!.host.url}#settings`);
      await page.getByTestId('settings-userName').fill('王法务');
      await page.getByTestId('settings-save').click();
      await page.getByText('设置已保存').first().waitFor();
      await page.getByTestId('nav-library').click();
      await expect.poll(async () => page.getByTestId('library-user').innerText()).toContain('王法务');

      await page.getByTestId('import-word-input').setInputFiles({
        name: '售后服务方案.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(docx),
      });
      const dialog = page.getByRole('dialog', { name: '从 Word 导入条款：售后服务方案.docx' });
      await dialog.getByTestId('word-import').waitFor();
      const candidates = dialog.locator('[data-testid^="word-candidate-"]');
      expect(await candidates.count()).toBe(4);

      // The facts the text states, with the figures found; the table's count; the copy of 服务承诺 marked.
      const first = dialog.getByTestId('word-candidate-1');
      expect(await first.getByTestId('word-fact-arrive').innerText()).toBe('到达现场时限 2小时');
      expect(await first.getByTestId('word-fact-respond').innerText()).toBe('响应时限 30分钟');
      expect(await dialog.getByTestId('word-candidate-3').innerText()).toContain('表格 1 个');
      const copy = dialog.getByTestId('word-candidate-4');
      expect(await copy.getByTestId('word-mark').getAttribute('data-mark')).toBe('duplicate');
      expect(await copy.getByTestId('word-mark').innerText()).toMatch(/^与“服务承诺”重复（\d+%）$/);
      expect(await copy.getByRole('radio', { name: '舍弃' }).isChecked()).toBe(true);
      expect(await first.getByTestId('word-mark').getAttribute('data-mark')).toBe('new');

      // Retitle the first; merge the third (服务网点与人员) into the second.
      await first.getByTestId('word-title').fill('响应与到场时限');
      await dialog.getByTestId('word-candidate-3').getByTestId('word-merge').click();
      await expect.poll(async () => candidates.count()).toBe(3);
      await page.screenshot({ path: join(screensDir, 'library-word-import.png') });

      await dialog.getByRole('button', { name: /^将 2 条导入为草稿$/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('已新建 2 个草稿（均未批准）').first().waitFor();
      const list = page.getByTestId('clause-list');
      await expect.poll(async () => squash(await list.innerText())).toContain('响应与到场时限v1草稿');
      await expect.poll(async () => squash(await list.innerText())).toContain('质量保证v1草稿');

      // Drafts by 王法务, the merged one with both bodies (the table too), nothing approved.
      const api = createLocalClient(app!.handlers);
      const mine = (await api.libraryList({ filter: { status: 'draft' } })).filter((r) => r.latest.author === '王法务');
      expect(mine.map((r) => r.title).sort()).toEqual(['响应与到场时限', '质量保证'].sort());
      const merged = await api.libraryClause({ clauseId: mine.find((r) => r.title === '质量保证')!.clauseId });
      const body = merged.variants[0]!.versions[0]!.body;
      expect(body).toContain('{{figure "warranty_compressor"}}');
      expect(body).toContain('| 到达现场 | {{#fact "arrive"}}{{figure "arrive"}}内到达现场{{else}}—{{/fact}} |');
      expect(mine.every((r) => r.latest.status === 'draft')).toBe(true);

      // The first draft opens on its read view: the facts it cites listed with their sample figures and highlighted
      // where the sample prints them (#17 item 2): 7×24小时 and the three deadlines' sample 2小时.
      const read = page.getByTestId('clause-read');
      await expect.poll(async () => squash(await read.innerText())).toContain('工程师2小时内到达现场');
      expect(await page.getByTestId('cited-fact-arrive').innerText()).toBe('到达现场时限 · 2小时');
      expect(await page.getByTestId('cited-fact-hotline_hours').innerText()).toBe('服务热线服务时间 · 7×24小时');
      const marked = () =>
        page.evaluate(() => {
          const h = (globalThis as unknown as { CSS: { highlights: Map<string, Iterable<{ toString(): string }>> } })
            .CSS.highlights;
          return [...(h.get('bf-fact-clause-read') ?? [])].map((r) => r.toString()).sort();
        });
      await expect.poll(marked).toEqual(['2小时', '2小时', '2小时', '7×24小时']);
      await page.screenshot({ path: join(screensDir, 'library-word-draft-read.png') });
      expect(pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );

  it(
    'in the English UI the import screen reads in English; a file that is no Word document is refused by name',
    async () => {
      const api = createLocalClient(app!.handlers);
      const { settings } = await api.getSettings({});
      await api.saveSettings({ settings: { ...settings, uiLanguage: 'en' } });
      // The saved language is read when the app loads: load it again.
      await page.goto(`${app!.host.url}#library`);
      await page.reload();
      // Its name (the label, shown beside the icon when the bar has room for every label).
      await expect
        .poll(async () => page.getByTestId('import-word').getAttribute('aria-label'))
        .toBe('Import from Word');
      await page.getByTestId('import-word-input').setInputFiles({
        name: 'agreement.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(await wordDocx(NUMBERED)),
      });
      const dialog = page.getByRole('dialog', { name: 'Import clauses from Word: agreement.docx' });
      await dialog.getByTestId('word-import').waitFor();
      expect(await dialog.innerText()).toContain('4 candidate clauses (split by Chinese numbering). Accept, merge');
      expect(await dialog.getByTestId('word-candidate-2').getByTestId('word-mark').innerText()).toBe('New clause');
      await dialog.getByRole('button', { name: 'Import 4 clauses as drafts' }).waitFor();
      await page.screenshot({ path: join(screensDir, 'library-word-import-en.png') });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByTestId('import-word-input').setInputFiles({
        name: 'notes.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from('not a Word document'),
      });
      await page.getByText('Cannot import: notes.docx is not a Word document (DOCX); import it as DOCX').waitFor();
      expect(pageErrors.filter((e) => !/400 .*\/api\/libraryImportWord$/.test(e))).toEqual([]);
    },
    4 * TIMEOUT,
  );
});
