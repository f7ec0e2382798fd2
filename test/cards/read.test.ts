// Data files → card rows: encodings, XLSX with merged headers, column mapping, and every row error with its message.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mapColumns, parseMapping } from '@core/cards/fields.js';
import { readCardRows, type ReadCardsResult } from '@core/cards/read.js';
import { BidForgeError } from '@core/model/problem.js';
import { thrown } from './helpers.js';

const HEADER = '客户名称,联系电话,地址,产品名称,型号,序列号,购买日期,经销商';
const ROWS = [
  '张三,13800138000,上海市浦东新区碧波路690号,空气源热泵热水机,KRS-35II/A,HX001,2024-02-29,浦江制冷',
  '李四,13900139000,杭州市西湖区文三路8号,空气源热泵热水机,KRS-45II/A,HX002,2026/11/24,西湖暖通',
];
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Reads a CSV given as lines, UTF-8. */
const readCsv = (lines: string[], mapping = {}) => readCardRows(utf8(`${lines.join('\r\n')}\r\n`), 'data.csv', mapping);

const messages = (r: ReadCardsResult) => r.problems.map((p) => p.message);

describe('CSV encodings', () => {
  it('GBK (as Excel in China saves "CSV"): decoded as GB18030, Chinese intact', async () => {
    const bytes = iconv.encode(`${[HEADER, ...ROWS].join('\r\n')}\r\n`, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const r = await readCardRows(bytes, '发货登记.csv');
    expect(r.encoding).toBe('gb18030');
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      {
        row: 2,
        customer: '张三',
        phone: '13800138000',
        address: '上海市浦东新区碧波路690号',
        product: '空气源热泵热水机',
        model: 'KRS-35II/A',
        serial: 'HX001',
        date: '2024-02-29',
        dealer: '浦江制冷',
      },
      {
        row: 3,
        customer: '李四',
        phone: '13900139000',
        address: '杭州市西湖区文三路8号',
        product: '空气源热泵热水机',
        model: 'KRS-45II/A',
        serial: 'HX002',
        date: '2026-11-24',
        dealer: '西湖暖通',
      },
    ]);
  });

  it('GBK with characters outside GB2312 (GB18030 names such as 喆 and 堃)', async () => {
    const bytes = iconv.encode(`${HEADER}\n王喆,1,地址,产品,型号,SN1,2026-01-01,刘堃商行\n`, 'gb18030');
    const r = await readCardRows(bytes, 'x.csv');
    expect(r.rows[0]).toMatchObject({ customer: '王喆', dealer: '刘堃商行' });
  });

  it('UTF-8 with BOM: the BOM does not stick to the first header', async () => {
    const bytes = utf8(`\uFEFF${[HEADER, ...ROWS].join('\n')}`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const r = await readCardRows(bytes, 'data.csv');
    expect(r.encoding).toBe('utf-8');
    expect(r.columns.customer).toBe('客户名称');
    expect(r.rows.map((x) => x.customer)).toEqual(['张三', '李四']);
  });

  it('UTF-8 without BOM, semicolon-separated, LF line ends', async () => {
    const r = await readCardRows(utf8([HEADER, ...ROWS].map((l) => l.replaceAll(',', ';')).join('\n')), 'data.csv');
    expect(r.rows.map((x) => x.serial)).toEqual(['HX001', 'HX002']);
  });

  it('UTF-16 LE with BOM (Excel "Unicode text"), tab-separated', async () => {
    const text = [HEADER, ...ROWS].map((l) => l.replaceAll(',', '\t')).join('\r\n');
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const r = await readCardRows(bytes, 'data.txt');
    expect(r.encoding).toBe('utf-16le');
    expect(r.rows.map((x) => x.customer)).toEqual(['张三', '李四']);
  });
});

describe('row numbers are Excel rows (header = row 1)', () => {
  it('blank lines count as rows; a quoted field spanning two lines is one row', async () => {
    const r = await readCsv([
      HEADER,
      ROWS[0]!,
      '',
      ',,,,,,,',
      '王五,1,"上海市\n浦东新区",产品,型号,HX003,2026-13-01,经销商',
    ]);
    expect(r.rows.map((x) => x.row)).toEqual([2]);
    expect(messages(r)).toEqual([
      '第 5 行，“购买日期”列：无法识别的日期“2026-13-01”（请写作 2026-11-24、2026/11/24 或 2026年11月24日）',
    ]);
    expect(r.problems[0]).toMatchObject({
      severity: 'error',
      code: 'card_bad_date',
      row: 5,
      column: '购买日期',
      field: 'date',
      file: 'data.csv',
    });
  });

  it('a title line above the header is skipped and rows keep their real numbers', async () => {
    const r = await readCsv(['2026年11月发货保修登记表,,,,,,,', HEADER, ROWS[0]!, ROWS[1]!]);
    expect(r.headerRow).toBe(2);
    expect(r.rows.map((x) => x.row)).toEqual([3, 4]);
  });
});

describe('every row error, with row number and column in Chinese; the valid rows still come through', () => {
  it('missing customer', async () => {
    const r = await readCsv([HEADER, ROWS[0]!, ',13700000000,南京,热泵,K-1,HX010,2026-01-01,宁']);
    expect(messages(r)).toEqual(['第 3 行，“客户名称”列：缺少客户名称']);
    expect(r.problems[0]).toMatchObject({ code: 'card_missing_customer', row: 3, column: '客户名称' });
    expect(r.rows.map((x) => x.serial)).toEqual(['HX001']);
  });

  it('missing serial number', async () => {
    const r = await readCsv([HEADER, '赵六,1,地址,产品,型号,,2026-01-01,经销商', ROWS[1]!]);
    expect(messages(r)).toEqual(['第 2 行，“序列号”列：缺少序列号']);
    expect(r.problems[0]).toMatchObject({ code: 'card_missing_serial', row: 2, column: '序列号' });
    expect(r.rows.map((x) => x.row)).toEqual([3]);
  });

  it('duplicate serial number names both rows; the first one is kept', async () => {
    const r = await readCsv([HEADER, ROWS[0]!, ROWS[1]!, '王五,1,地址,产品,型号,HX001,2026-01-01,经销商']);
    expect(messages(r)).toEqual(['第 4 行，“序列号”列：序列号“HX001”与第 2 行重复']);
    expect(r.problems[0]).toMatchObject({ code: 'card_duplicate_serial', row: 4 });
    expect(r.rows.map((x) => x.row)).toEqual([2, 3]);
  });

  it('duplicates ignore case, full-width letters and spaces (hx 001 = ＨＸ001 = HX001)', async () => {
    const r = await readCsv([
      HEADER,
      ROWS[0]!,
      '王五,1,地址,产品,型号,hx 001,2026-01-01,经销商',
      '赵六,1,地址,产品,型号,ＨＸ００１,2026-01-01,经销商',
    ]);
    expect(messages(r)).toEqual([
      '第 3 行，“序列号”列：序列号“hx 001”与第 2 行重复',
      '第 4 行，“序列号”列：序列号“ＨＸ００１”与第 2 行重复',
    ]);
  });

  it('bad date', async () => {
    const r = await readCsv([HEADER, '王五,1,地址,产品,型号,HX005,2026-02-30,经销商']);
    expect(messages(r)).toEqual([
      '第 2 行，“购买日期”列：无法识别的日期“2026-02-30”（请写作 2026-11-24、2026/11/24 或 2026年11月24日）',
    ]);
    expect(r.rows).toEqual([]);
  });

  it('missing date', async () => {
    const r = await readCsv([HEADER, '王五,1,地址,产品,型号,HX005,,经销商']);
    expect(messages(r)).toEqual(['第 2 行，“购买日期”列：缺少日期，无法计算保修期']);
    expect(r.problems[0]!.code).toBe('card_missing_date');
  });

  it('several errors in one row are all reported, in column order', async () => {
    const r = await readCsv([HEADER, ',1,地址,产品,型号,,昨天,经销商']);
    expect(messages(r)).toEqual([
      '第 2 行，“客户名称”列：缺少客户名称',
      '第 2 行，“序列号”列：缺少序列号',
      '第 2 行，“购买日期”列：无法识别的日期“昨天”（请写作 2026-11-24、2026/11/24 或 2026年11月24日）',
    ]);
  });

  it('a long value is a warning and the card is still made', async () => {
    const address = '上海市浦东新区'.repeat(10);
    const r = await readCsv([HEADER, `王五,1,${address},产品,型号,HX005,2026-01-01,经销商`]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'card_long_value',
        row: 2,
        column: '地址',
        message: '第 2 行，“地址”列：内容较长（70 字），打印时可能超出卡片上的格子',
      }),
    ]);
    expect(r.rows).toHaveLength(1);
  });

  it('the column named is the file’s own header text', async () => {
    const r = await readCsv(['姓名,手机,SN,安装日期', '王五,1,X1,2026/2/30']);
    expect(messages(r)).toEqual([
      '第 2 行，“安装日期”列：无法识别的日期“2026/2/30”（请写作 2026-11-24、2026/11/24 或 2026年11月24日）',
    ]);
    expect(r.dateLabel).toBe('安装日期');
  });
});

describe('file-level errors are thrown (bad input), with Chinese messages', () => {
  it('a required column missing', async () => {
    const e = await thrown(readCsv(['客户名称,电话,购买日期', '张三,1,2026-01-01']));
    expect(e.code).toBe('card_missing_column');
    expect(e.message).toBe('找不到“序列号”列（第 1 行表头：客户名称、电话、购买日期）；请修改表头或指定列映射');
    expect(e.problems).toHaveLength(1);
  });

  it('a mapping to a column the file does not have', async () => {
    const e = await thrown(readCsv([HEADER, ROWS[0]!], { serial: '机器码' }));
    expect(e.code).toBe('card_bad_mapping');
    expect(e.message).toContain('列映射：序列号（serial）映射到“机器码”，但文件中没有这一列');
  });

  it('an empty file', async () => {
    const e = await thrown(readCardRows(new Uint8Array(), 'empty.csv'));
    expect(e.message).toBe('empty.csv：文件是空的，没有表头和数据');
  });

  it('an old binary .xls', async () => {
    const e = await thrown(readCardRows(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls'));
    expect(e.message).toBe('old.xls：不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV');
  });

  it('a damaged .xlsx', async () => {
    const e = await thrown(readCardRows(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'bad.xlsx'));
    expect(e.code).toBe('card_bad_file');
    expect(e.message).toMatch(/^bad\.xlsx：不是有效的 XLSX 文件/);
  });

  it('a CSV with an unclosed quote', async () => {
    const e = await thrown(readCsv([HEADER, '张三,"13800138000,地址,产品,型号,HX1,2026-01-01,经销商']));
    expect(e.message).toMatch(/CSV 引号不配对/);
  });
});

describe('column mapping', () => {
  it('Chinese and English header names, with marks and notes around them', () => {
    expect(
      mapColumns(['*客户姓名', '手机号码', '安装地址', '品名', '规格型号', '机身编号', '安装日期（必填）', '销售商']),
    ).toEqual({ customer: 0, phone: 1, address: 2, product: 3, model: 4, serial: 5, date: 6, dealer: 7 });
    expect(
      mapColumns(['Customer Name', 'Tel', 'Address', 'Product', 'Model No.', 'S/N', 'Purchase Date', 'Dealer']),
    ).toEqual({ customer: 0, phone: 1, address: 2, product: 3, model: 4, serial: 5, date: 6, dealer: 7 });
    expect(mapColumns(['用户', '电话', 'SN', '日期'])).toEqual({ customer: 0, phone: 1, serial: 2, date: 3 });
  });

  it('longer headers by the word they contain: 产品型号 is the model, 客户联系电话 the phone, 序号 nothing', () => {
    expect(mapColumns(['序号', '客户联系电话', '产品型号', '产品序列号', '购机时间', '客户单位'])).toEqual({
      phone: 1,
      model: 2,
      serial: 3,
      customer: 5,
    });
  });

  it('a mapping typed on a command line', () => {
    expect(parseMapping('serial=机器码,date=开票日期')).toEqual({ serial: '机器码', date: '开票日期' });
    expect(parseMapping('序列号：机器码，客户名称=单位')).toEqual({ serial: '机器码', customer: '单位' });
    expect(() => parseMapping('sn=机器码')).toThrow('列映射“sn=机器码”无法识别：请写成 字段=表头');
    expect(() => parseMapping('serial')).toThrow(BidForgeError);
  });

  it('an explicit mapping wins and frees the automatic choice', async () => {
    const r = await readCsv(['客户名称,序列号,机器码,开票日期,销售日期', '张三,旧编号,M-01,2026-01-01,2026-02-01'], {
      serial: '机器码',
      date: '销售日期',
    });
    expect(r.columns).toMatchObject({ customer: '客户名称', serial: '机器码', date: '销售日期' });
    expect(r.rows[0]).toMatchObject({ serial: 'M-01', date: '2026-02-01' });
  });
});

describe('XLSX', () => {
  /** A sheet like a real delivery list: a merged title row, a two-row header with merged groups, merged dealer cells. */
  async function deliveryList(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').getCell('A1').value = '本工作簿第二页为保修登记';
    (wb.getWorksheet('说明') as ExcelJS.Worksheet).state = 'hidden';
    const ws = wb.addWorksheet('发货登记');
    ws.getCell('A1').value = '2026年11月发货保修登记表';
    ws.mergeCells('A1:I1');
    // Row 2: group heads; 序号, 序列号 and 购买日期 span rows 2–3 (merged vertically).
    ws.getCell('A2').value = '序号';
    ws.mergeCells('A2:A3');
    ws.getCell('B2').value = '客户信息';
    ws.mergeCells('B2:D2');
    ws.getCell('E2').value = '产品信息';
    ws.mergeCells('E2:F2');
    ws.getCell('G2').value = '序列号';
    ws.mergeCells('G2:G3');
    ws.getCell('H2').value = '购买日期';
    ws.mergeCells('H2:H3');
    ws.getCell('I2').value = '经销商';
    ws.mergeCells('I2:I3');
    ['姓名', '电话', '地址', '产品名称', '型号'].forEach((h, i) => (ws.getRow(3).getCell(2 + i).value = h));
    const data: [string, number | string, string, string, string, string | number, Date | number | string][] = [
      [
        '张三',
        13800138000,
        '上海市浦东新区碧波路690号',
        '空气源热泵热水机',
        'KRS-35II/A',
        'HX001',
        new Date(Date.UTC(2024, 1, 29)),
      ],
      ['李四', '021-5080 1234', '杭州市西湖区文三路8号', '空气源热泵热水机', 'KRS-45II/A', 20261124001, 46350], // number serial, serial-number date
      ['王五', 13700000000, '南京市鼓楼区', '空气源热泵热水机', 'KRS-35II/A', 'HX003', '2026年1月31日'],
      ['', 13700000001, '南京市玄武区', '空气源热泵热水机', 'KRS-35II/A', 'HX004', '2026-13-01'],
    ];
    data.forEach((d, i) => {
      const row = ws.getRow(4 + i);
      row.getCell(1).value = i + 1;
      d.forEach((v, j) => (row.getCell(2 + j).value = v));
    });
    ws.getCell('H4').numFmt = 'yyyy-mm-dd';
    ws.getCell('I4').value = '浦江制冷';
    ws.mergeCells('I4:I6'); // one dealer for three rows
    ws.getCell('I7').value = '西湖暖通';
    ws.getRow(9).getCell(1).value = '合计：4 台'; // a remark below the data, in no card column
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('merged title and two-row header with merged cells: the header row is found, merged cells take their merged value', async () => {
    const r = await readCardRows(await deliveryList(), '发货登记.xlsx');
    expect(r.encoding).toBe('xlsx');
    expect(r.sheet).toBe('发货登记');
    expect(r.headerRow).toBe(3);
    expect(r.columns).toEqual({
      customer: '姓名',
      phone: '电话',
      address: '地址',
      product: '产品名称',
      model: '型号',
      serial: '序列号',
      date: '购买日期',
      dealer: '经销商',
    });
    expect(r.rows).toEqual([
      {
        row: 4,
        customer: '张三',
        phone: '13800138000',
        address: '上海市浦东新区碧波路690号',
        product: '空气源热泵热水机',
        model: 'KRS-35II/A',
        serial: 'HX001',
        date: '2024-02-29',
        dealer: '浦江制冷',
      },
      {
        row: 5,
        customer: '李四',
        phone: '021-5080 1234',
        address: '杭州市西湖区文三路8号',
        product: '空气源热泵热水机',
        model: 'KRS-45II/A',
        serial: '20261124001',
        date: '2026-11-24',
        dealer: '浦江制冷',
      },
      {
        row: 6,
        customer: '王五',
        phone: '13700000000',
        address: '南京市鼓楼区',
        product: '空气源热泵热水机',
        model: 'KRS-35II/A',
        serial: 'HX003',
        date: '2026-01-31',
        dealer: '浦江制冷',
      },
    ]);
    expect(messages(r)).toEqual([
      '第 7 行，“姓名”列：缺少客户名称',
      '第 7 行，“购买日期”列：无法识别的日期“2026-13-01”（请写作 2026-11-24、2026/11/24 或 2026年11月24日）',
    ]);
    expect(r.dataRows).toBe(4);
  });

  it('a plain one-row header in row 1', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(HEADER.split(','));
    ws.addRow(['张三', '1', '地址', '产品', '型号', 'SN-1', new Date(Date.UTC(2026, 10, 24)), '经销商']);
    const r = await readCardRows(new Uint8Array(await wb.xlsx.writeBuffer()), 'a.xlsx');
    expect(r.rows).toEqual([expect.objectContaining({ row: 2, serial: 'SN-1', date: '2026-11-24' })]);
  });
});

describe('1,000-row input (parse and validate only)', () => {
  it('reads 1,000 GBK rows, flags the planted errors by row, keeps the rest', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 1000; i++)
      lines.push(
        `客户${i},138${String(i).padStart(8, '0')},上海市某区某路${i}号,热泵,KRS-35,SN${String(i).padStart(5, '0')},2026/${(i % 12) + 1}/${(i % 28) + 1},经销商${i % 7}`,
      );
    lines[101] = lines[101]!.replace('SN00100', 'SN00007'); // row 102 repeats row 9's serial
    lines[500] = lines[500]!.replace(/2026\/\d+\/\d+/, '2026/2/30'); // row 501
    lines[999] = lines[999]!.replace(/^客户998/, ''); // row 1000
    const t0 = performance.now();
    const r = await readCardRows(iconv.encode(lines.join('\r\n'), 'gbk'), 'big.csv');
    const ms = performance.now() - t0;
    expect(r.dataRows).toBe(1000);
    expect(r.rows).toHaveLength(997);
    expect(messages(r)).toEqual([
      '第 102 行，“序列号”列：序列号“SN00007”与第 9 行重复',
      '第 501 行，“购买日期”列：无法识别的日期“2026/2/30”（请写作 2026-11-24、2026/11/24 或 2026年11月24日）',
      '第 1000 行，“客户名称”列：缺少客户名称',
    ]);
    expect(r.rows.at(-1)).toMatchObject({ row: 1001, customer: '客户999', serial: 'SN00999' });
    expect(ms).toBeLessThan(30_000); // bounded, not a speed goal (that is the bench's)
  });
});
