// bidforge cards: valid rows exported, row errors named with row and column, exit codes.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inChinese, runCli } from '../helpers/cli.js';
import { settingsSchema } from '@core/settings/schema.js';
import { docxParts, textOfXml } from '../helpers/docx.js';
import { squash } from '../helpers/text.js';
import { pdfinfo, pdftotext } from '../helpers/tools.js';

const cli = (...args: string[]) => runCli(inChinese(args));
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

  it('prints the company from 设置 in the --data folder, as the app does, not the template’s sample company', async () => {
    const data = join(dir, 'settings-data');
    mkdirSync(data, { recursive: true });
    const settings = settingsSchema.parse({ company: { name: '滨江暖通工程有限公司', hotline: '400-111-2222' } });
    writeFileSync(join(data, 'settings.json'), JSON.stringify(settings));
    const file = join(dir, 'company.csv');
    writeFileSync(file, HEADER + row('张三', 'SN9', '2026-01-31'));
    const r = await cli('cards', file, '--out', join(dir, 'company'), '--data', data);
    expect(r.code).toBe(0);
    const text = await pdftotext(join(dir, 'company', '保修卡-company.pdf'));
    expect(text).toContain('滨江暖通工程有限公司');
    expect(text).toContain('400-111-2222');
    expect(text).not.toContain('华信制冷设备有限公司');
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
    const r = await cli('cards', file, '--out', join(dir, 'mixed'), '--by', 'model', '--data', join(dir, 'mixed-data'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/第 4 行.*BCD-200.*不对应任何保修卡模板/);
    expect(r.out).toContain('已生成 2 张卡片');
    expect(r.out).toContain('1 行未导出（第 4 行），原因见上');
    const pages = (await pdftotext(join(dir, 'mixed', '保修卡-mixed.pdf'))).split('\f');
    expect(pages[0]).toContain('产品保修卡');
    expect(pages[1]).toContain('空气能热水器保修卡');
    expect(pages[1]).toContain('水箱内胆');
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
    const r = await cli(
      'cards',
      data,
      '--out',
      out,
      '--format',
      'both',
      '--per-card',
      '--qr',
      '--data',
      join(work, 'data'),
    );
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
    const none = await cli('cards', bad, '--out', out, '--data', join(work, 'data'));
    expect(none.code).toBe(1);
    expect(none.err).toContain('第 2 行，“客户名称”列：缺少客户名称');
    expect(none.out).toContain('已生成 0 张卡片');
    expect(existsSync(out)).toBe(false);
  });
});
