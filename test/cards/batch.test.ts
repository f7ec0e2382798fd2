// Cards people can trust, through the handlers the app and the CLI both call: empty printed rows are warned about
// (or left off), warranty periods are editable or the project's own, several product types share a batch,
// 繁體 cards read back in Traditional characters, and the export says which rows it left out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCardsHandlers } from '@core/cards/handlers.js';
import { defaultTemplatesDir } from '@core/cards/template.js';
import type { Project } from '@core/model/project.js';
import { docxParts, textOfXml } from '../helpers/docx.js';
import { squash } from '../helpers/text.js';
import { missingTools, pdftotext } from '../helpers/tools.js';
import { tempDir } from '../helpers/tmp.js';
import { settingsWith, withTestPeriods } from './helpers.js';

// 设置 with a company, and periods typed in (the built-in templates carry none): the handlers print no card without.
const api = withTestPeriods(createCardsHandlers({ templatesDir: defaultTemplatesDir, settings: await settingsWith() }));
const csv = (text: string) => ({ fileName: '客户清单.csv', data: Buffer.from(text, 'utf8').toString('base64') });
/** No 产品名称 and no 经销商 column: the standard card prints both. */
const NO_PRODUCT = csv(
  '客户名称,联系电话,地址,型号,序列号,购买日期\n张三,13800000000,滨江路1号,KFR-35GW,SN1,2026-01-31\n李四,13900000000,滨江路2号,KFR-35GW,SN2,2026-02-01\n',
);
const parse = (extra: object = {}) => api.parseCards({ ...NO_PRODUCT, previewCount: 3, qr: false, ...extra });
const exportPdf = async (file: ReturnType<typeof csv>, extra: object = {}) => {
  const r = await api.exportCards({ ...file, format: 'pdf', layout: 'a5', qr: false, ...extra });
  const path = join(tempDir('bf-cards-batch-'), r.fileName);
  writeFileSync(path, r.bytes);
  return { ...r, text: await pdftotext(path) };
};
const note = missingTools(['pdftotext']);

describe('fields the card prints but no column fills', () => {
  it('each is warned once, by the name the card prints (产品名称, 经销商), however many rows there are', async () => {
    const r = await parse();
    const warnings = r.problems.filter((p) => p.code === 'card_unmapped_field');
    expect(warnings.map((w) => w.params?.label)).toEqual(['产品名称', '经销商']);
    expect(warnings[0]!.message).toBe('卡片上的“产品名称”没有对应的列，将印成空行；请指定列，或选择不印这一行');
    expect(warnings.every((w) => w.severity === 'warning' && w.row === undefined)).toBe(true);
  });

  it('a field set to “none” in the mapping is warned too', async () => {
    const r = await api.parseCards({
      ...csv('客户名称,产品名称,序列号,购买日期,经销商\n张三,空调,SN1,2026-01-31,店\n'),
      mapping: { dealer: '' },
      previewCount: 1,
      qr: false,
    });
    expect(r.problems.filter((p) => p.code === 'card_unmapped_field').map((p) => p.params?.label)).toEqual([
      '联系电话',
      '联系地址',
      '产品型号',
      '经销商',
    ]);
  });

  it('hidden: the row is left off the card (preview and PDF) and no longer warned', async () => {
    const r = await parse({ hide: ['product', 'dealer'] });
    expect(r.problems.filter((p) => p.code === 'card_unmapped_field')).toEqual([]);
    expect(r.preview[0]!.fields.map((f) => f.label)).toEqual([
      '客户名称',
      '联系电话',
      '联系地址',
      '产品型号',
      '机身编号',
      '购买日期',
    ]);
  });

  it.skipIf(note)('hidden rows are not printed in the PDF; shown ones are', async () => {
    const shown = await exportPdf(NO_PRODUCT);
    const hidden = await exportPdf(NO_PRODUCT, { hide: ['product', 'dealer'] });
    // The stamp box still says 经销商（盖章）: only the 经销商 row is gone.
    expect(shown.text).toMatch(/经销商(?!（)/);
    expect(hidden.text).not.toMatch(/经销商(?!（)/);
    expect(shown.text).toContain('产品名称');
    expect(hidden.text).not.toContain('产品名称');
    expect(hidden.text).toContain('产品型号');
  });
});

describe('warranty periods per component', () => {
  it('edited on the screen: the card prints the edited months and end dates, not the template’s', async () => {
    const periods = {
      standard: [
        { name: '整机', months: 60 },
        { name: '压缩机', months: 120 },
      ],
    };
    const r = await parse({ periods });
    expect(r.templates).toEqual([
      {
        id: 'standard',
        title: '产品保修卡',
        cards: 2,
        components: periods.standard,
        periodsFrom: 'edited',
        templatePeriods: false,
      },
    ]);
    expect(r.preview[0]!.periods).toEqual([
      { name: '整机', label: '60个月', end: '2031年1月31日' },
      { name: '压缩机', label: '120个月', end: '2036年1月31日' },
    ]);
  });

  it('from a project: the plan’s whole-unit promise and the card facts, whatever was edited', async () => {
    const project = {
      schema: 1,
      name: 'p',
      title: '某项目',
      blueprint: 'service-plan',
      date: '2026-11-24',
      script: 'hans',
      values: { warranty_months: 36, whole_unit_months: 36, compressor_months: 60, tank_months: 96 },
    } as unknown as Project;
    const r = await parse({ project, periods: { standard: [{ name: '整机', months: 99 }] } });
    expect(r.templates[0]!.periodsFrom).toBe('project');
    expect(r.templates[0]!.components).toEqual([
      { name: '整机', months: 36 },
      { name: '压缩机', months: 60 },
      { name: '水箱内胆', months: 96 },
    ]);
    expect(r.preview[0]!.periods[0]).toEqual({ name: '整机', label: '36个月', end: '2029年1月31日' });
  });

  it('a project whose card figure differs from the plan prints the plan’s figure, never a second one, and says so', async () => {
    const project = {
      schema: 1,
      name: 'p',
      title: '某项目',
      blueprint: 'service-plan',
      date: '2026-11-24',
      script: 'hans',
      values: { warranty_months: 36, whole_unit_months: 24 },
    } as unknown as Project;
    const r = await parse({ project });
    expect(r.templates[0]!.components).toEqual([{ name: '整机', months: 36 }]);
    expect(r.problems.find((p) => p.code === 'card_period_from_plan')?.message).toBe(
      '保修卡的整机保修期（24个月）与方案承诺的 36 个月不一致；卡片按方案印 36 个月',
    );
  });
});

describe('warranty periods from a project’s own facts (core/commitments)', () => {
  const warranty = (id: string, months: number, scope?: object) => ({
    id,
    kind: 'warranty',
    offered: true,
    period: { value: months, unit: '个月' },
    ...(scope ? { scope } : {}),
  });
  const project = {
    schema: 1,
    name: 'p',
    title: '某项目',
    blueprint: 'service-plan',
    date: '2026-11-24',
    script: 'hans',
    values: {},
    commitments: [
      warranty('warranty', 48),
      warranty('compressor', 84, { component: '压缩机' }),
      warranty('tank', 120, { product: '空气能热水器', component: '水箱内胆' }),
    ],
  } as unknown as Project;
  const MIXED = csv('客户名称,产品名称,序列号,购买日期\n张三,空调,A1,2026-01-31\n李四,空气能热水器,B1,2026-01-31\n');

  it('each card template prints the project’s figures; a fact scoped to a product only on that product’s cards', async () => {
    const r = await api.parseCards({ ...MIXED, templateBy: 'product', project, previewCount: 2, qr: false });
    const periods = (serial: string) =>
      r.preview.find((c) => c.serial === serial)!.periods.map((p) => `${p.name}${p.label}`);
    expect(periods('A1')).toEqual(['整机48个月', '压缩机84个月']);
    expect(periods('B1')).toEqual(['整机48个月', '压缩机84个月', '水箱内胆120个月']);
    expect(r.templates.map((t) => t.periodsFrom)).toEqual(['project', 'project']);
  });
});

describe('one batch, several product types', () => {
  const MIXED = csv(
    '客户名称,产品名称,型号,序列号,购买日期\n张三,变频空调,KFR-35GW,A1,2026-01-31\n李四,空气能热水器,KRS-45II/A,B1,2026-01-31\n王五,冰箱,BCD-200,C1,2026-01-31\n赵六,空调,KFR-72LW,A2,2026-01-31\n',
  );

  it('the model column picks each row’s template; a model no template knows is an error naming the row, and it is left out', async () => {
    const r = await api.parseCards({ ...MIXED, templateBy: 'model', previewCount: 5, qr: false });
    expect(r.preview.map((c) => [c.serial, c.template, c.title])).toEqual([
      ['A1', 'standard', '产品保修卡'],
      ['B1', 'heat-pump', '空气能热水器保修卡'],
      ['A2', 'standard', '产品保修卡'],
    ]);
    expect(r.templates.map((t) => [t.id, t.cards])).toEqual([
      ['standard', 2],
      ['heat-pump', 1],
    ]);
    const err = r.problems.find((p) => p.code === 'card_no_template')!;
    expect(err).toMatchObject({ severity: 'error', row: 4, column: '型号' });
    expect(err.message).toContain('“BCD-200”不对应任何保修卡模板');
    expect(r.validRows).toBe(3);
    expect(r.skippedRows).toBe(1);
  });

  it('by product name: 空气能热水器 picks the heat-pump card with its 水箱内胆 period', async () => {
    const r = await api.parseCards({ ...MIXED, templateBy: 'product', previewCount: 5, qr: false });
    expect(r.preview.find((c) => c.serial === 'B1')!.periods.map((p) => p.name)).toContain('水箱内胆');
    expect(r.preview.find((c) => c.serial === 'A1')!.periods.map((p) => p.name)).not.toContain('水箱内胆');
  });

  it.skipIf(note)('the PDF prints each row on its own template, in file order', async () => {
    const r = await exportPdf(MIXED, { templateBy: 'model' });
    const pages = r.text.split('\f').map(squash);
    expect(pages[0]).toContain('产品保修卡');
    expect(pages[1]).toContain('空气能热水器保修卡');
    expect(pages[1]).toContain('水箱内胆');
    expect(pages[2]).toContain('A2');
    expect(r.skipped).toEqual({ count: 1, rows: [4] });
  });
});

describe('skipped rows in the export result', () => {
  it('the result counts and lists the rows left out, and its summary says how many', async () => {
    const r = await api.exportCards({
      ...csv(
        '客户名称,序列号,购买日期\n张三,SN1,2026-01-31\n,SN2,2026-01-31\n王五,SN1,2026-02-30\n赵六,SN4,2026-03-01\n',
      ),
      format: 'pdf',
      layout: 'a5',
      qr: false,
    });
    expect(r.cards).toBe(2);
    expect(r.skipped).toEqual({ count: 2, rows: [3, 4] });
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'card_rows_skipped', message: '2 行有错误，未导出；已导出 2 张卡片' }),
    ]);
  });
});

describe.skipIf(note)('繁體 cards', () => {
  it('the template’s words and the card’s labels come out in Traditional characters; the customer’s data as written', async () => {
    const r = await exportPdf(
      csv('客户名称,联系地址,产品名称,序列号,购买日期,经销商\n张三,北京市海淀区,变频空调,SN1,2026-01-31,华信电器\n'),
      { script: 'hant' },
    );
    const text = squash(r.text);
    for (const word of [
      '產品保修卡',
      '服務熱線',
      '用戶及產品信息',
      '保修期限',
      '壓縮機',
      '36個月',
      '機身編號',
      '經銷商',
      '保修範圍',
    ])
      expect(text).toContain(word);
    for (const word of ['产品保修卡', '服务热线', '压缩机', '个月']) expect(text).not.toContain(word);
    expect(text).toContain('北京市海淀区');
  });

  it('the DOCX too: Traditional labels, and a hidden row is not there', async () => {
    const r = await api.exportCards({
      ...NO_PRODUCT,
      format: 'docx',
      layout: 'a4-grid',
      qr: false,
      script: 'hant',
      hide: ['product', 'dealer'],
    });
    const text = squash(textOfXml(docxParts(r.bytes)['word/document.xml']!));
    for (const word of ['產品保修卡', '服務熱線', '維修記錄', '壓縮機', '產品型號']) expect(text).toContain(word);
    expect(text).not.toContain('產品名稱');
    expect(text).not.toContain('服务热线');
  });

  it('a project written in 繁體 prints Traditional cards without being asked', async () => {
    const project = {
      schema: 1,
      name: 'p',
      title: '某項目',
      blueprint: 'service-plan',
      date: '2026-11-24',
      script: 'hant',
      values: { warranty_months: 36 },
    } as unknown as Project;
    const r = await exportPdf(NO_PRODUCT, { project });
    expect(squash(r.text)).toContain('整機');
  });
});
