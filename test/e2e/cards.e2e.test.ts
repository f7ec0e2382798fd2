// End to end: sales import a 50-row CSV on 保修卡, map the serial-number column by hand, see the bad row's error
// with its row number, preview the cards and export them to one PDF that pdftotext can read. Without a company in
// 设置, or without warranty periods (the built-in templates carry none: a project's, or typed in 保修期限), no card
// previews or exports: the screen says what is missing and where to give it.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { haveChromium, screensDir, TIMEOUT, useApp, type E2eApp } from './helpers/app.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';

/** 50 customers; "机器码" is not a header the app knows, so the serial column must be mapped; row 21 has 2月30日. */
function customersCsv(): string {
  const lines = ['客户名称,联系电话,安装地址,产品名称,型号,机器码,安装日期,经销商'];
  for (let i = 1; i <= 50; i++) {
    const date = i === 20 ? '2026-02-30' : `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(
      [
        `客户${i}号`,
        `1380000${String(i).padStart(4, '0')}`,
        `北京市海淀区中关村大街${i}号`,
        '变频空调',
        'KFR-35GW',
        `HX2026${String(i).padStart(4, '0')}`,
        date,
        '华信北京经销部',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The company the cards print: typed into 设置 → 公司信息 (no card template carries one). */
const COMPANY = { name: '滨江暖通工程有限公司', hotline: '400-111-2222' };

/** The number box of a period row: antd puts the test id on the <input> itself, or on its wrapper. */
const periodBox = (page: E2eApp['page'], template: string, i: number) =>
  page.locator(`input[data-testid="period-${template}-${i}"], [data-testid="period-${template}-${i}"] input`).first();

/** Adds a component in 保修期限 and types its name and period (in months unless the row's unit is changed). */
async function typePeriod(app: E2eApp, template: string, i: number, name: string, value: number): Promise<void> {
  await app.page.getByTestId(`periods-add-${template}`).click();
  await app.page.getByTestId(`period-name-${template}-${i}`).fill(name);
  const box = periodBox(app.page, template, i);
  await box.fill(String(value));
  await box.blur();
}

/** 设置 with the company profile, as the first test leaves it, so each later test also runs alone. */
async function withCompany(app: E2eApp): Promise<void> {
  const { settings } = await app.handlers.getSettings({});
  await app.handlers.saveSettings({ settings: { ...settings, company: { ...settings.company, ...COMPANY } } });
}

describe.skipIf(!haveChromium)('保修卡 (browser host + Chromium)', () => {
  const app = useApp();

  it(
    'with no company and no periods the preview says what is missing and where, nothing exports; the company filled in 设置 and a period typed in 保修期限, the cards print them',
    async () => {
      const { page } = app;
      expect((await app.handlers.getSettings({})).settings.company.name).toBe('');
      const csv = join(tempDir('bf-e2e-cards-nocompany-'), '无公司.csv');
      writeFileSync(csv, '客户名称,序列号,购买日期\r\n张三,NC1,2026-03-01\r\n', 'utf8');
      await page.goto(`${app.host.url}#cards`);
      await page.getByTestId('cards-screen').waitFor();
      await page.locator('.ant-upload-drag input[type=file]').setInputFiles(csv);

      const refused = page.getByTestId('cards-refused');
      await refused.waitFor();
      const said = squash(await refused.innerText());
      expect(said).toContain('保修卡上的“公司名称”未填写：请在设置→公司信息中填写后再打印');
      expect(said).toContain('保修卡上的“服务热线”未填写');
      expect(said).toContain(
        '保修卡“产品保修卡”的“保修期限”未填写：请在“保修期限”中选择项目（印方案承诺的保修期），或添加部件并填写保修期后再打印',
      );
      // The rows were read; no card is shown with a blank (or sample) company or period, and nothing can be exported.
      await expect.poll(async () => squash(await page.getByTestId('cards-stats').innerText())).toContain('可导出1');
      expect(await page.locator('[data-testid^="card-preview-"]').count()).toBe(0);
      expect(await page.getByTestId('cards-export').isDisabled()).toBe(true);
      // 保修期限 starts empty: no sample period, the source says they are typed here, and a component can be added.
      const periods = page.getByTestId('cards-periods');
      expect(await page.getByTestId('period-name-standard-0').count()).toBe(0);
      expect(squash(await page.getByTestId('periods-empty-standard').innerText())).toContain('尚未填写保修期限');
      expect(squash(await page.getByTestId('cards-periods-source').innerText())).toBe('手动填写');
      expect(squash(await periods.innerText())).not.toMatch(/卡片模板|36|72/);
      await page.getByTestId('periods-add-standard').waitFor();
      await page.screenshot({ path: join(screensDir, 'cards-no-company.png') });

      // The button goes to 设置; filled in there, 保修卡 reads the file again on coming back.
      await page.getByTestId('cards-to-settings').click();
      await page.waitForURL(/#settings$/);
      await page.getByTestId('company-name').fill(COMPANY.name);
      await page.getByTestId('company-hotline').fill(COMPANY.hotline);
      await page.getByTestId('settings-save').click();
      await page.getByText('设置已保存').waitFor();
      await page.getByTestId('nav-cards').click();
      // Still refused, now for the periods alone: the way to 设置 is no longer offered.
      await expect.poll(async () => squash(await refused.innerText())).not.toContain('公司名称');
      expect(squash(await refused.innerText())).toContain('“保修期限”未填写');
      expect(await page.getByTestId('cards-to-settings').count()).toBe(0);
      await page.screenshot({ path: join(screensDir, 'cards-no-periods.png') });

      // A component typed with no period is refused by its name; typed, the card prints it.
      await page.getByTestId('periods-add-standard').click();
      await page.getByTestId('period-name-standard-0').fill('整机');
      await expect
        .poll(async () => squash(await refused.innerText()))
        .toContain('保修卡“产品保修卡”上“整机”的保修期未填写');
      const box = periodBox(page, 'standard', 0);
      await box.fill('24');
      await box.blur();
      const card = page.getByTestId('card-preview-NC1');
      await card.waitFor();
      expect(squash(await card.innerText())).toContain(COMPANY.name);
      expect(squash(await card.innerText())).toContain(COMPANY.hotline);
      expect(squash(await card.innerText())).toContain('整机24个月');
      expect(await refused.count()).toBe(0);
      // A second component in weeks.
      await typePeriod(app, 'standard', 1, '遥控器', 6);
      await page.getByTestId('period-unit-standard-1').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="周"]').click();
      await expect.poll(async () => squash(await card.innerText())).toContain('遥控器6周');
      await expect.poll(() => page.getByTestId('cards-export').isEnabled()).toBe(true);
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      await periods.screenshot({ path: join(screensDir, 'cards-periods-typed.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.getByTestId('cards-export').click(),
      ]);
      const file = join(tempDir('bf-e2e-cards-typed-out-'), 'cards.pdf');
      await download.saveAs(file);
      const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
      const text = squash(stdout);
      // Bought 2026-03-01: 24 months to 2028-03-01, 6 weeks to 2026-04-12; no sample period.
      expect(text).toContain('24个月2028年3月1日');
      expect(text).toContain('遥控器6周2026年4月12日');
      for (const sample of ['36个月', '72个月', '电气控制部件']) expect(text).not.toContain(sample);
      expect(app.pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );

  it(
    'imports 50 rows, maps a column, shows the row error and exports a PDF with the serial numbers',
    async () => {
      const { page } = app;
      await withCompany(app);
      const csv = join(tempDir('bf-e2e-cards-'), '客户清单.csv');
      writeFileSync(csv, customersCsv(), 'utf8');
      await page.goto(`${app.host.url}#cards`);
      await page.reload();
      await page.getByTestId('cards-screen').waitFor();
      await page.locator('.ant-upload-drag input[type=file]').setInputFiles(csv);

      // The serial column is not recognised: the file is refused until it is mapped.
      await page.getByTestId('cards-fatal').waitFor();
      expect(await page.getByTestId('cards-fatal').innerText()).toContain('序列号');
      await page.getByTestId('map-serial').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="机器码"]').click();

      const stats = page.getByTestId('cards-stats');
      await stats.waitFor();
      await expect.poll(async () => squash(await stats.innerText())).toContain('数据行50可导出49有错误的行1');
      const problems = squash(await page.getByTestId('cards-problems').innerText());
      expect(problems).toContain('21安装日期错误');
      expect(problems).toContain('2026-02-30');
      // The period the cards print, typed (the template carries none).
      await typePeriod(app, 'standard', 0, '整机', 36);
      await page.getByTestId('card-preview-HX20260001').waitFor();
      expect(squash(await page.getByTestId('card-preview-HX20260001').innerText())).toContain('客户1号');
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      await page.screenshot({ path: join(screensDir, 'cards.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.getByTestId('cards-export').click(),
      ]);
      expect(download.suggestedFilename()).toBe('保修卡-客户清单.pdf');
      const file = join(tempDir('bf-e2e-cards-out-'), 'cards.pdf');
      await download.saveAs(file);
      const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
      const text = squash(stdout);
      expect(text).toContain('HX20260001');
      expect(text).toContain('HX20260050');
      expect(text).not.toContain('HX20260020');
      // 设置's company and hotline on every card, no sample company.
      expect(text.split(COMPANY.name)).toHaveLength(50);
      expect(text).toContain(COMPANY.hotline);
      expect(text).not.toContain('华信制冷');
      expect(app.pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );

  it(
    'a list without 产品名称 and 经销商, two product types and an unknown model: warned, hidden, periods typed per template, 繁體, skipped row in the toast',
    async () => {
      const { page } = app;
      await withCompany(app);
      const lines = ['客户名称,联系电话,安装地址,型号,序列号,安装日期'];
      for (let i = 1; i <= 6; i++)
        lines.push(
          `客户${i}号,1380000000${i},滨江市解放路${i}号,${i % 2 ? 'KFR-35GW' : 'KRS-45II/A'},MX${i},2026-03-0${i}`,
        );
      lines.push('客户7号,13800000007,滨江市解放路7号,BCD-200,MX7,2026-03-07');
      const csv = join(tempDir('bf-e2e-cards-mixed-'), '混合清单.csv');
      writeFileSync(csv, `${lines.join('\r\n')}\r\n`, 'utf8');
      await page.goto(`${app.host.url}#cards`);
      await page.reload();
      await page.getByTestId('cards-screen').waitFor();
      await page.locator('.ant-upload-drag input[type=file]').setInputFiles(csv);
      // The standard card's period, typed (the template carries none): 整机 60 months.
      await typePeriod(app, 'standard', 0, '整机', 60);
      await page.getByTestId('card-preview-MX1').waitFor();

      // The card prints 产品名称 and 经销商, which no column fills: two warnings, each naming the field once.
      const stats = page.getByTestId('cards-stats');
      await expect.poll(async () => squash(await stats.innerText())).toContain('警告2');
      const problems = page.getByTestId('cards-problems');
      expect(squash(await problems.innerText())).toContain('卡片上的“产品名称”没有对应的列');
      await page.getByTestId('hide-product').click();
      await page.getByTestId('hide-dealer').click();
      await expect.poll(async () => squash(await stats.innerText())).toContain('警告0');
      expect(squash(await page.getByTestId('card-preview-MX1').innerText())).not.toContain('产品名称');

      // Each row's card is picked by its model; the unknown model is a row error.
      await page.getByTestId('cards-template-by').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="按型号选择"]').click();
      // The heat pump's card has no period yet: the batch is refused, naming it, until one is typed (8 years).
      await expect
        .poll(async () => squash(await page.getByTestId('cards-refused').innerText()))
        .toContain('保修卡“空气能热水器保修卡”的“保修期限”未填写');
      await typePeriod(app, 'heat-pump', 0, '水箱内胆', 96);
      await page.getByTestId('card-preview-MX2').waitFor();
      await expect
        .poll(async () => squash(await page.getByTestId('card-preview-MX2').innerText()))
        .toContain('空气能热水器保修卡');
      await expect.poll(async () => squash(await problems.innerText())).toContain('“BCD-200”不对应任何保修卡模板');
      await expect.poll(async () => squash(await stats.innerText())).toContain('可导出6有错误的行1');

      // Each card prints its own template's typed periods.
      await expect
        .poll(async () => squash(await page.getByTestId('card-preview-MX1').innerText()))
        .toContain('整机60个月');
      await expect
        .poll(async () => squash(await page.getByTestId('card-preview-MX2').innerText()))
        .toContain('水箱内胆96个月');

      await page.getByTestId('cards-script').getByText('繁體').click();
      await expect
        .poll(async () => squash(await page.getByTestId('card-preview-MX1').innerText()))
        .toContain('產品保修卡');
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      await page.getByTestId('cards-fatal').or(page.locator('.bf-page-title')).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screensDir, 'cards-mixed.png') });
      await page.getByTestId('cards-periods').screenshot({ path: join(screensDir, 'cards-periods.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        page.getByTestId('cards-export').click(),
      ]);
      const file = join(tempDir('bf-e2e-cards-mixed-out-'), 'cards.pdf');
      await download.saveAs(file);
      const toast = page.locator('.ant-message-notice').filter({ hasText: '未导出' });
      await toast.waitFor();
      expect(squash(await toast.innerText())).toContain('另有1行有错误未导出（第8行），原因见「行问题」列表');
      await expect
        .poll(async () => squash(await page.locator('.ant-steps-item-process').innerText()))
        .toContain('完成');

      const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
      const pages = stdout.split('\f').map(squash);
      expect(pages[0]).toContain('產品保修卡');
      expect(pages[0]).not.toContain('產品名稱');
      expect(pages[0]).toContain('60個月');
      expect(pages[1]).toContain('空氣能熱水器保修卡');
      expect(pages.join('')).not.toContain('MX7');
      expect(app.pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );

  it(
    'periods taken from a recent project: its figures on every card, not editable here',
    async () => {
      const { page } = app;
      await withCompany(app);
      const { project } = await app.handlers.openSample({ name: 'bid-package-sample' });
      await app.handlers.recordRecentProject({
        // The sample states its promises as facts: the plan's whole-unit warranty becomes 60 months.
        project: {
          ...project,
          title: '滨江二中热水系统',
          commitments: project.commitments!.map((c) =>
            c.id === 'warranty' && 'period' in c ? { ...c, period: { value: 60, unit: '个月' as const } } : c,
          ),
        },
      });
      const csv = join(tempDir('bf-e2e-cards-project-'), '清单.csv');
      writeFileSync(
        csv,
        '客户名称,产品名称,型号,序列号,购买日期,经销商,联系电话,地址\r\n客户1号,空调,KFR-35GW,PJ1,2026-03-01,店,1,路\r\n',
        'utf8',
      );
      await page.goto(`${app.host.url}#cards`);
      await page.reload();
      await page.getByTestId('cards-screen').waitFor();
      await page.locator('.ant-upload-drag input[type=file]').setInputFiles(csv);
      // No period yet: refused until the project is chosen.
      await page.getByTestId('cards-refused').waitFor();
      await page.getByTestId('cards-periods-source').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option[title="项目：滨江二中热水系统"]')
        .click();
      const card = page.getByTestId('card-preview-PJ1');
      await card.waitFor();
      // The package sample: 整机 from the plan (60, changed above), 压缩机 36, 水箱内胆 36, 管路及电气部件 12.
      await expect.poll(async () => squash(await card.innerText())).toContain('整机60个月');
      expect(squash(await card.innerText())).toContain('水箱内胆36个月');
      await expect.poll(() => periodBox(page, 'standard', 0).isDisabled()).toBe(true);
      expect(await page.getByTestId('cards-periods').innerText()).toContain('保修期取自项目「滨江二中热水系统」');
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      await page.getByTestId('cards-periods').screenshot({ path: join(screensDir, 'cards-periods-project.png') });
      expect(app.pageErrors).toEqual([]);
    },
    4 * TIMEOUT,
  );
});
