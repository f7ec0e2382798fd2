// A data file the 保修卡 screen cannot read, or reads without its required columns, is worded in the UI's language:
// Chinese as core wrote it, English from its problems' params (core/cards/cardsText.ts), across the API boundary.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { errorText } from '@core/i18n/errorText.js';
import { storedZip } from '../helpers/cardFileProblems.js';
import { tempDir } from '../helpers/tmp.js';

const api = createLocalClient(
  createHandlers({ templatesDir: 'templates', dataDir: tempDir('bf-card-file-errors-'), program: 'test' }),
);
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const parse = (fileName: string, data: string | Uint8Array) =>
  api.parseCards({ fileName, data: b64(data), previewCount: 0, qr: false });
/** What the call was refused with, as the screen words it in each language. */
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => expect.unreachable('not refused'),
    (err: unknown) => err,
  );
  expect((e as { code?: string }).code).toBe('card_bad_file');
  return { zh: errorText(e, 'zh-CN'), en: errorText(e, 'en') };
};

describe('a data file that cannot be read', () => {
  it('an .xlsx that is not a zip', async () => {
    expect(await refusal(parse('客户.xlsx', '客户名称,序列号\n'))).toEqual({
      zh: '客户.xlsx：不是有效的 XLSX 文件（找不到 ZIP 目录）',
      en: '客户.xlsx: not a valid XLSX file (it is not a zip archive: no zip directory was found)',
    });
  });

  it('a zip exceljs refuses: its own English reason in English, a Chinese summary in Chinese', async () => {
    const r = await refusal(parse('客户.xlsx', storedZip([{ name: 'xl/workbook.xml', data: '<workbook><' }])));
    expect(r.zh).toBe('客户.xlsx：不是有效的 XLSX 文件（其中的工作簿内容已损坏，无法读取）');
    expect(r.en).toMatch(/^客户\.xlsx: not a valid XLSX file \(.*[a-z]{4}.*\)$/);
    expect(r.en.replace('客户.xlsx', '')).not.toMatch(/\p{Script=Han}/u);
  });

  it('a workbook without a worksheet, an old .xls, unpaired CSV quotes, an empty file', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const cases = [
      await refusal(parse('a.xlsx', storedZip([{ name: 'a.txt', data: 'hello' }]))),
      await refusal(parse('a.xls', xls)),
      await refusal(parse('a.csv', '客户名称,序列号,购买日期\n"甲,SN1,2026-01-05\n')),
      await refusal(parse('a.csv', '\n\n')),
    ];
    expect(cases).toEqual([
      { zh: 'a.xlsx：工作簿中没有工作表', en: 'a.xlsx: the workbook has no worksheet' },
      {
        zh: 'a.xls：不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV',
        en: 'a.xls: old Excel files (.xls) are not supported; save it as .xlsx or CSV',
      },
      {
        zh: 'a.csv：第 2 行：CSV 引号不配对，无法读取',
        en: 'a.csv: row 2: a quote mark in the CSV is not closed, so the file cannot be read',
      },
      { zh: 'a.csv：文件是空的，没有表头和数据', en: 'a.csv: the file is empty, it has no header and no data' },
    ]);
  });
});

describe('a workbook that would unpack to too much', () => {
  it('reads with its file name and advice in Chinese, as in English', async () => {
    const bomb = storedZip([{ name: 'a', data: 'x' }]);
    // The one entry's directory record (after its 32-byte local copy) declares 300 MB.
    new DataView(bomb.buffer).setUint32(32 + 24, 300 * 1024 * 1024, true);
    const e = await parse('客户.xlsx', bomb).then(
      () => expect.unreachable('not refused'),
      (err: unknown) => err,
    );
    expect(errorText(e, 'zh-CN')).toBe(
      '客户.xlsx：解压后有 300 MB（上限 48 MB），已拒绝读取（可能是“压缩炸弹”文件）；请在 Excel 中删去多余的工作表或另存为 CSV',
    );
    expect(errorText(e, 'en')).toMatch(/^客户\.xlsx: the workbook is refused/);
  });
});

describe('a file without its required columns (the batch’s fatal problem)', () => {
  const data = '名字,编号,购买日期\n张三,A1,2026-01-01\n';

  it('parseCards returns it with its problems, so the screen words it in English', async () => {
    const r = await parse('x.csv', data);
    expect(r.fatal?.code).toBe('card_missing_column');
    expect(errorText(r.fatal, 'zh-CN')).toContain('找不到“客户名称”列（第 1 行表头：名字、编号、购买日期）');
    expect(errorText(r.fatal, 'en')).toBe(
      [
        'No “客户名称” column (header in row 1: 名字, 编号, 购买日期); change the header or map the column',
        'No “序列号” column (header in row 1: 名字, 编号, 购买日期); change the header or map the column',
      ].join('; '),
    );
  });

  it('exportCards refuses it with the same problems', async () => {
    const e = await api
      .exportCards({ fileName: 'x.csv', data: b64(data), format: 'pdf', layout: 'a5', qr: false })
      .then(
        () => expect.unreachable('not refused'),
        (err: unknown) => err,
      );
    expect(errorText(e, 'en')).toMatch(/^No “客户名称” column \(header in row 1: 名字, 编号, 购买日期\)/);
  });
});
