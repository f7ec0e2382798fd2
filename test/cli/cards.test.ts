// bidforge cards: valid rows exported, row errors named with row and column, exit codes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inChinese, runCli } from '../helpers/cli.js';
import { qrMatrix, qrPng, qrText } from '@core/cards/qr.js';
import { settingsSchema } from '@core/settings/schema.js';
import { docxParts, textOfXml } from '../helpers/docx.js';
import { squash } from '../helpers/text.js';
import { pdfinfo, pdftotext } from '../helpers/tools.js';
import { TEST_COMPANY } from '../cards/helpers.js';

/** A data folder whose 设置 holds a company profile (the cards print it); without one, cards are refused. */
function dataWith(company: Record<string, string> | undefined): string {
  const data = mkdtempSync(join(tmpdir(), 'bf-cards-data-'));
  if (company) writeFileSync(join(data, 'settings.json'), JSON.stringify(settingsSchema.parse({ company })));
  return data;
}
const PROFILED = dataWith(TEST_COMPANY);

/** The one QR code of a one-card PDF as modules (pdfimages writes it as a 1-bit PBM, 4-module quiet zone). */
function pdfQr(pdf: string, modules: number): boolean[][] {
  const prefix = join(mkdtempSync(join(tmpdir(), 'bf-cards-qr-')), 'qr');
  execFileSync('pdfimages', [pdf, prefix]);
  const pbm = readFileSync(`${prefix}-000.pbm`);
  const [, w, h] = /^P4\s+(\d+)\s+(\d+)\s/.exec(pbm.subarray(0, 20).toString('latin1'))!;
  const size = Number(w);
  expect(Number(h)).toBe(size);
  const bits = pbm.subarray(pbm.length - Math.ceil(size / 8) * size);
  const scale = size / (modules + 8);
  const dark = (x: number, y: number) => ((bits[y * Math.ceil(size / 8) + (x >> 3)]! >> (7 - (x & 7))) & 1) === 1;
  return Array.from({ length: modules }, (_, y) =>
    Array.from({ length: modules }, (_, x) => dark((x + 4) * scale + scale / 2, (y + 4) * scale + scale / 2)),
  );
}
/** `bidforge cards` in Chinese, with 设置's company profile unless the test names its own --data folder. */
const bare = (...args: string[]) => runCli(inChinese(args.includes('--data') ? args : [...args, '--data', PROFILED]));
/** The periods a user types (the built-in templates carry none); a test giving --period or --project gives its own. */
const TYPED = ['--period', '整机=36个月', '--period', '压缩机=72个月', '--period', '电气控制部件=12个月'];
const cli = (...args: string[]) =>
  bare(...(args.includes('--period') || args.includes('--project') ? args : [...args, ...TYPED]));
const HEADER = '客户名称,联系电话,地址,产品名称,型号,序列号,购买日期,经销商\n';
const row = (name: string, serial: string, date: string) =>
  `${name},13800000000,滨江市解放路1号,空气源热泵,KF-120,${serial},${date},滨江家电\n`;

describe('bidforge cards', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bf-cards-cli-'));

  it('writes one batch PDF and, on request, one file per card named from the pattern', async () => {
    const data = join(dir, 'ok.csv');
    writeFileSync(data, HEADER + row('张三', 'SN1', '2026-01-31') + row('李四', 'SN2', '2024-02-29'));
    const r = await cli('cards', data, '--out', join(dir, 'ok'), '--per-card', '--name-pattern', '{customer}-{serial}');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已生成 2 张卡片');
    expect(existsSync(join(dir, 'ok', '张三-SN1.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'ok', '李四-SN2.pdf'))).toBe(true);
  });

  it('exports the valid rows, names each bad row and column, and exits 1', async () => {
    const data = join(dir, 'bad.csv');
    writeFileSync(data, HEADER + row('张三', 'SN1', '2026-01-31') + row('李四', 'SN1', '2026-02-30'));
    const r = await cli('cards', data, '--out', join(dir, 'bad'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('已生成 1 张卡片');
    expect(r.err).toMatch(/第 3 行.*序列号.*重复/);
    expect(r.err).toMatch(/第 3 行.*购买日期.*2026\/02\/30|第 3 行.*购买日期.*2026-02-30/);
  });

  it('--lang en words the row problems in English', async () => {
    const data = join(dir, 'bad-en.csv');
    writeFileSync(data, HEADER + row('张三', 'SN1', '2026-01-31') + row('李四', 'SN1', '2026-02-01'));
    const r = await cli('cards', data, '--out', join(dir, 'bad-en'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Row 3, column “序列号”: serial number “SN1” repeats row 2');
  });

  it('an unknown layout or a missing file is bad input: exit 2', async () => {
    const data = join(dir, 'ok.csv');
    expect((await cli('cards', data, '--out', join(dir, 'x'), '--layout', 'a3')).code).toBe(2);
    expect((await cli('cards', join(dir, 'missing.csv'), '--out', join(dir, 'x'))).code).toBe(2);
    expect((await cli('cards', data)).code).toBe(2);
  });

  it('--map points a field at a header the automatic mapping does not know', async () => {
    const data = join(dir, 'odd.csv');
    // "机器码" is no usual name for the serial number: without --map the required column is missing (exit 2).
    writeFileSync(
      data,
      '客户名称,联系电话,地址,产品名称,型号,机器码,开票日期,经销商\n' +
        '王五,13800000000,滨江市解放路1号,空气源热泵,KF-120,JQ-778,2026-03-01,滨江家电\n',
    );
    const without = await cli('cards', data, '--out', join(dir, 'odd0'));
    expect(without.code).toBe(2);
    expect(without.err).toMatch(/序列号|serial/);
    const r = await cli(
      'cards',
      data,
      '--out',
      join(dir, 'odd'),
      '--map',
      'serial=机器码,购买日期=开票日期',
      '--per-card',
      '--name-pattern',
      '{serial}',
    );
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'odd', 'JQ-778.pdf'))).toBe(true);
  });

  it('a --map naming an unknown field is bad input (exit 2) and says which fields exist', async () => {
    const r = await cli('cards', join(dir, 'ok.csv'), '--out', join(dir, 'y'), '--map', 'colour=颜色');
    expect(r.code).toBe(2);
    expect(r.err).toContain('colour=颜色');
    expect(r.err).toContain('serial');
  });

  it('prints the company and hotline from 设置 in the --data folder, in the text and in the QR code', async () => {
    const company = { name: '临江恒温设备有限公司', hotline: '0571-8765-4321' };
    const file = join(dir, 'company.csv');
    writeFileSync(file, HEADER + row('张三', 'SN9', '2026-01-31'));
    const out = join(dir, 'company');
    const r = await cli('cards', file, '--out', out, '--data', dataWith(company), '--qr', '--format', 'both');
    expect(r.code).toBe(0);
    const text = squash(await pdftotext(join(out, '保修卡-company.pdf')));
    expect(text).toContain(company.name);
    expect(text).toContain(company.hotline);
    // No sample company, hotline or service hours that nobody typed.
    for (const sample of ['华信制冷', '400-820-6688', '服务时间']) expect(text).not.toContain(sample);
    // The QR code: the PDF's image has exactly the modules of “SN:SN9 TEL:<the profile's hotline>”.
    const want = qrMatrix(qrText('SN9', company.hotline));
    expect(want).not.toEqual(qrMatrix(qrText('SN9', '400-820-6688')));
    expect(pdfQr(join(out, '保修卡-company.pdf'), want.length)).toEqual(want);
    // The DOCX embeds the same code as a PNG, byte for byte.
    const media = Object.entries(unzipSync(readFileSync(join(out, '保修卡-company.docx')))).filter(([n]) =>
      n.startsWith('word/media/'),
    );
    expect(media.map(([, b]) => Buffer.from(b).equals(Buffer.from(qrPng(want, 8))))).toEqual([true]);
  });

  it('without a company name or hotline in 设置 nothing is written: exit 2, naming 公司名称 and 服务热线 and where to fill them', async () => {
    const file = join(dir, 'nocompany.csv');
    writeFileSync(file, HEADER + row('张三', 'SN1', '2026-01-31'));
    const out = join(dir, 'nocompany');
    const r = await cli('cards', file, '--out', out, '--data', dataWith(undefined));
    expect(r.code).toBe(2);
    expect(r.err).toContain('错误：保修卡上的“公司名称”未填写：请在 设置 → 公司信息 中填写后再打印');
    expect(r.err).toContain('保修卡上的“服务热线”未填写');
    expect(existsSync(out)).toBe(false);
    // A hotline alone is not enough, and the English names the fields as the English 设置 does.
    const en = await cli('cards', file, '--out', out, '--data', dataWith({ hotline: '400-1' }), '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.err).toContain(
      'error: The warranty card’s “Company name” is not filled in: fill it in under Settings → Company profile, then print',
    );
    expect(en.err).not.toContain('hotline');
    expect(existsSync(out)).toBe(false);
  });

  it('a placeholder in 设置 (待定, XXX) is refused like a blank, quoting it', async () => {
    const file = join(dir, 'placeholder.csv');
    writeFileSync(file, HEADER + row('张三', 'SN1', '2026-01-31'));
    const out = join(dir, 'placeholder');
    const data = dataWith({ name: '滨江暖通（待定）', hotline: '400-XXX-XXXX', serviceHours: '待定' });
    const r = await cli('cards', file, '--out', out, '--data', data);
    expect(r.code).toBe(2);
    expect(r.err).toContain('保修卡上的“公司名称”是占位文字“滨江暖通（待定）”');
    expect(r.err).toContain('保修卡上的“服务热线”是占位文字“400-XXX-XXXX”');
    expect(r.err).toContain('保修卡上的“服务时间”是占位文字“待定”');
    expect(existsSync(out)).toBe(false);
  });

  it('without --project or --period nothing is written: exit 2, naming 保修期限 and how to give them (no sample 36/72/12 months)', async () => {
    const file = join(dir, 'noperiods.csv');
    writeFileSync(file, HEADER + row('张三', 'SN1', '2026-01-31'));
    const out = join(dir, 'noperiods');
    const zh = await bare('cards', file, '--out', out);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain(
      '错误：保修卡“产品保修卡”的“保修期限”未填写：请在“保修期限”中选择项目（印方案承诺的保修期），或添加部件并填写保修期后再打印',
    );
    expect(zh.err).toContain('命令行：用 --project <项目.json> 印项目的保修期，或用 --period 部件=期限 逐项给出');
    expect(existsSync(out)).toBe(false);
    const en = await bare('cards', file, '--out', out, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.err).toContain(
      'error: The warranty card “产品保修卡” has no “Warranty periods”: under “Warranty periods” choose the project',
    );
    expect(en.err).toContain("On the command line: --project <project.json> prints the project's periods");
    expect(en.err).not.toMatch(/未填写|命令行/);
    expect(existsSync(out)).toBe(false);
    // The other built-in template carries none either.
    const heat = await bare('cards', file, '--out', out, '--template', 'heat-pump');
    expect(heat.err).toContain('保修卡“空气能热水器保修卡”的“保修期限”未填写');
  });

  it('--project prints the plan’s periods (the sample’s warranty facts), with their end dates', async () => {
    const file = join(dir, 'project.csv');
    writeFileSync(file, HEADER + row('张三', 'SN1', '2026-01-31'));
    const out = join(dir, 'project');
    const r = await bare('cards', file, '--out', out, '--project', 'templates/samples/warranty-card-sample.json');
    expect(r.code).toBe(0);
    const text = squash(await pdftotext(join(out, '保修卡-project.pdf')));
    for (const line of [
      '整机72个月2032年1月31日',
      '压缩机72个月2032年1月31日',
      '水箱内胆72个月2032年1月31日',
      '管路及电气部件12个月2027年1月31日',
    ])
      expect(text).toContain(line);
    expect(text).not.toContain('36个月');
    expect(text).not.toContain('电气控制部件');
  });

  it('--period prints the typed periods in their units (years as months) and nothing else', async () => {
    const file = join(dir, 'typed.csv');
    writeFileSync(file, HEADER + row('张三', 'SN1', '2026-01-31'));
    const out = join(dir, 'typed');
    const periods = ['--period', '整机=2年', '--period', '压缩机＝6 周', '--period', '遥控器=400天'];
    const r = await bare('cards', file, '--out', out, ...periods, '--format', 'both');
    expect(r.code).toBe(0);
    const text = squash(await pdftotext(join(out, '保修卡-typed.pdf')));
    // pdftotext reads the first row's name with the table head: its period and end date follow it.
    for (const line of ['整机', '24个月2028年1月31日', '压缩机6周2026年3月14日', '遥控器400天2027年3月7日'])
      expect(text).toContain(line);
    for (const sample of ['36个月', '72个月', '电气控制部件']) expect(text).not.toContain(sample);
    const docx = squash(textOfXml(docxParts(readFileSync(join(out, '保修卡-typed.docx')))['word/document.xml']!));
    expect(docx).toContain('整机24个月2028年1月31日');
  });

  it('a blank or 0 --period is refused naming the component; one that is no period names --period (both languages)', async () => {
    const file = join(dir, 'badperiod.csv');
    writeFileSync(file, HEADER + row('张三', 'SN1', '2026-01-31'));
    const out = join(dir, 'badperiod');
    const blank = await bare('cards', file, '--out', out, '--period', '整机=0个月', '--period', '压缩机=');
    expect(blank.code).toBe(2);
    expect(blank.err).toContain(
      '保修卡“产品保修卡”上“整机”的保修期是 0个月：请在“保修期限”中填写（至少 1 天）或删去这一行后再打印',
    );
    expect(blank.err).toContain('保修卡“产品保修卡”上“压缩机”的保修期未填写');
    const en = await bare('cards', file, '--out', out, '--period', '整机=0 months', '--lang', 'en');
    expect(en.err).toContain(
      'The period of “整机” on the warranty card “产品保修卡” is 0 months: under “Warranty periods” enter at least 1 day, or remove the row, then print',
    );
    expect(existsSync(out)).toBe(false);
    const refused = async (period: string, zh: string, en: string) => {
      expect(await bare('cards', file, '--out', out, '--period', period)).toMatchObject({ code: 2, err: zh });
      expect(await bare('cards', file, '--out', out, '--period', period, '--lang', 'en')).toMatchObject({
        code: 2,
        err: en,
      });
    };
    await refused(
      '整机36个月',
      'cards：--period “整机36个月” 应写成 部件=期限，如 --period 整机=36个月',
      'cards: --period “整机36个月” is written component=period, e.g. --period 整机=36个月',
    );
    await refused(
      '压缩机=6',
      'cards：--period “压缩机=6”：“压缩机”的保修期要写明单位（个月、年、周或天），如 压缩机=36个月',
      'cards: --period “压缩机=6”: give the period of “压缩机” a unit (months, years, weeks or days), e.g. 压缩机=36months',
    );
    await refused(
      '压缩机=2.5天',
      'cards：--period “压缩机=2.5天”：“压缩机”的保修期印不上保修卡，卡片只印整月、整周、整天或整年',
      'cards: --period “压缩机=2.5天”: the period of “压缩机” cannot be printed; a card prints whole months, weeks, days or years',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('--by model picks each row’s card template; a model no template knows is named and the row left out (exit 1)', async () => {
    const file = join(dir, 'mixed.csv');
    writeFileSync(
      file,
      HEADER +
        '张三,1,地址,空调,KFR-35GW,M1,2026-01-31,店\n' +
        '李四,1,地址,热水器,KRS-45II,M2,2026-01-31,店\n' +
        '王五,1,地址,冰箱,BCD-200,M3,2026-01-31,店\n',
    );
    // --period: every template a row picks prints the typed periods.
    const periods = ['--period', '整机=3年', '--period', '水箱内胆=8年'];
    const r = await cli('cards', file, '--out', join(dir, 'mixed'), '--by', 'model', ...periods);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/第 4 行.*BCD-200.*不对应任何保修卡模板/);
    expect(r.out).toContain('已生成 2 张卡片');
    expect(r.out).toContain('1 行未导出（第 4 行），原因见上');
    const pages = (await pdftotext(join(dir, 'mixed', '保修卡-mixed.pdf'))).split('\f').map(squash);
    expect(pages[0]).toContain('产品保修卡');
    expect(pages[1]).toContain('空气能热水器保修卡');
    for (const page of pages.slice(0, 2)) expect(page).toContain('水箱内胆96个月2034年1月31日');
  });

  it('GBK CSV → batch PDF and DOCX plus one file per card named {serial}-{customer}; bad rows reported, good rows printed', async () => {
    const work = mkdtempSync(join(tmpdir(), 'bf-cards-gbk-'));
    const csv = [
      '客户名称,联系电话,地址,产品名称,型号,序列号,安装日期,经销商',
      '张三,13800138000,上海市浦东新区,热泵,KRS-35,HX001,2024/2/29,浦江',
      '李四/王五,13900139000,杭州市,热泵,KRS-35,HX002,2026年11月24日,西湖',
      '赵六,1,南京,热泵,K,HX001,2026-01-01,宁',
    ].join('\r\n');
    const data = join(work, '11月发货.csv');
    writeFileSync(data, iconv.encode(csv, 'gbk'));
    const out = join(work, 'out');
    const r = await cli('cards', data, '--out', out, '--format', 'both', '--per-card', '--qr');
    expect(r.code).toBe(1);
    expect(r.out).toContain('已生成 2 张卡片');
    expect(r.err).toContain('第 4 行，“序列号”列：序列号“HX001”与第 2 行重复');
    expect(readdirSync(out).sort()).toEqual(
      [
        'HX001-张三.docx',
        'HX001-张三.pdf',
        'HX002-李四_王五.docx',
        'HX002-李四_王五.pdf',
        '保修卡-11月发货.docx',
        '保修卡-11月发货.pdf',
      ].sort(),
    );
    expect(
      squash(textOfXml(docxParts(readFileSync(join(out, '保修卡-11月发货.docx')))['word/document.xml']!)),
    ).toContain('安装日期');
    expect(Number((await pdfinfo(join(out, '保修卡-11月发货.pdf'))).Pages)).toBe(2);
    const one = squash(await pdftotext(join(out, 'HX002-李四_王五.pdf')));
    expect(one).toContain('李四/王五');
    expect(one).toContain('2029年11月24日');
    expect(one).toContain('安装日期');
    expect(Number((await pdfinfo(join(out, 'HX002-李四_王五.pdf'))).Pages)).toBe(1);
  });

  it('bad input — an unknown format or layout, a bad name pattern, all rows invalid — writes nothing', async () => {
    const work = mkdtempSync(join(tmpdir(), 'bf-cards-bad-'));
    const data = join(work, 'data.csv');
    writeFileSync(data, '客户名称,序列号,购买日期\n张三,HX001,2026-11-24\n');
    const out = join(work, 'out');
    const odt = await cli('cards', data, '--out', out, '--format', 'odt');
    expect(odt).toMatchObject({ code: 2, err: expect.stringContaining('未知的格式“odt”') });
    expect((await cli('cards', data, '--out', out, '--layout', 'a6')).code).toBe(2);
    const pattern = await cli('cards', data, '--out', out, '--per-card', '--name-pattern', '{sn}');
    expect(pattern).toMatchObject({ code: 2, err: expect.stringContaining('{sn}') });
    const bad = join(work, 'bad.csv');
    writeFileSync(bad, '客户名称,序列号,购买日期\n,HX001,2026-11-24\n李四,HX002,2026-02-30\n');
    const none = await cli('cards', bad, '--out', out);
    expect(none.code).toBe(1);
    expect(none.err).toContain('第 2 行，“客户名称”列：缺少客户名称');
    expect(none.out).toContain('已生成 0 张卡片');
    expect(existsSync(out)).toBe(false);
  });
});
