// A small tender the tests write themselves, as DOCX (docx) and as PDF (pdfmake, our embedded CJK fonts), and the
// rows a reader must propose from it. Every sentence here was written for this test.
import { Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { configure } from '@core/export/pdf.js';
import type { TenderRow } from '@core/tender/model.js';

export type Part =
  | { h: 1 | 2; text: string }
  | { p: string }
  | { table: string[][]; widths?: (number | string)[] }
  | { pageBreak: true }
  | { spacer: number };

/** The sentence that the PDF lays out over a page break (a spacer pushes it to the bottom of its page). */
export const SPLIT =
  '接到用户报修通知后，中标人的服务工程师须在2小时内到达设备所在现场，并在到达现场后24小时内排除故障，恢复设备的正常运行，不得以任何理由拖延或推诿，否则采购人有权另行委托第三方维修，所需费用由中标人承担。';

export const TENDER: Part[] = [
  { h: 1, text: '第一章 招标公告' },
  { p: '本项目为某市人民医院中央空调设备采购项目，欢迎合格的供应商参加投标。' },
  { h: 1, text: '第二章 投标人须知' },
  { p: '投标有效期不少于90天。' },
  { p: '投标文件未按规定密封和标记的，作废标处理。' },
  { p: '投标人未按招标文件要求提供售后服务承诺书的，其投标无效。' },
  { pageBreak: true },
  { h: 1, text: '第三章 采购需求' },
  { h: 2, text: '一、售后服务要求' },
  { p: '★1. 质保期不少于三年，自验收合格之日起计算。' },
  { p: '2. 接到报修通知后30分钟内响应，4小时内到达现场。' },
  { p: '▲3. 中标人须提供7×24小时服务热线。' },
  { p: '4. 备件供应不少于8年。' },
  { p: '5. 同一故障维修3次仍不能排除的，中标人应免费更换整机。' },
  { p: '6. 中标人应建立用户设备档案，并定期进行电话回访。' },
  { spacer: 0 },
  { p: SPLIT },
  { h: 2, text: '二、培训要求' },
  { p: '培训不少于5天，受训人员不少于10人。' },
  { p: '验收合格后7天内开展现场培训。' },
  { p: '中标人应向使用科室提供完整的操作手册和维护手册。' },
  { h: 2, text: '三、技术支持' },
  {
    table: [
      ['序号', '服务项目', '要求'],
      ['1', '巡检', '每季度上门巡检一次'],
      ['2', '驻场服务', '派驻2名工程师'],
      ['3', '★备用设备', '超过24小时仍未修复的，提供同档次备用设备'],
      ['4', '技术资料', '须提供中文技术资料'],
    ],
    widths: [40, 90, '*'],
  },
  { pageBreak: true },
  { h: 1, text: '第四章 评标办法' },
  {
    table: [
      ['序号', '评分项', '分值', '评分标准'],
      ['1', '售后服务方案', '10', '方案完整、措施得当的得10分'],
      ['2', '到场时间', '5', '承诺2小时内到达现场的得5分'],
    ],
    widths: [40, 90, 40, '*'],
  },
  { p: '投标人提供本市售后服务网点证明的，加2分。' },
  { pageBreak: true },
  { h: 1, text: '第五章 投标文件格式' },
  { h: 2, text: '目录' },
  { p: '一、投标函' },
  { p: '二、开标一览表' },
  { p: '三、售后服务承诺书' },
  { p: '四、服务偏离表' },
  { h: 2, text: '附件1 售后服务承诺书' },
  { p: '致：某市人民医院' },
  { p: '我方承诺：接到报修通知后＿＿小时内到达现场，质保期为＿＿年。' },
  { h: 2, text: '附件2 服务偏离表' },
  { table: [['序号', '招标文件要求', '投标响应', '偏离情况', '说明']], widths: [40, 120, 120, 80, '*'] },
];

/** What the reader must propose, by the fixture text each row comes from (the part, or the table row's cells). */
export type Expected = Pick<TenderRow, 'kind'> &
  Partial<Pick<TenderRow, 'op' | 'value' | 'unit' | 'key' | 'schedule' | 'points' | 'item'>> & {
    from: string;
    row?: number;
  };
export const EXPECTED: Expected[] = [
  { from: '投标文件未按规定密封和标记的，作废标处理。', kind: 'disqualify' },
  { from: '投标人未按招标文件要求提供售后服务承诺书的，其投标无效。', kind: 'disqualify' },
  {
    from: '★1. 质保期不少于三年，自验收合格之日起计算。',
    kind: 'star',
    item: '1',
    op: '>=',
    value: 3,
    unit: '年',
    key: 'warranty_months',
  },
  {
    from: '2. 接到报修通知后30分钟内响应，4小时内到达现场。',
    kind: 'requirement',
    item: '2',
    op: '<=',
    value: 30,
    unit: '分钟',
    key: 'response_time',
  },
  {
    from: '2. 接到报修通知后30分钟内响应，4小时内到达现场。',
    kind: 'requirement',
    item: '2',
    op: '<=',
    value: 4,
    unit: '小时',
    key: 'onsite_arrival',
  },
  {
    from: '▲3. 中标人须提供7×24小时服务热线。',
    kind: 'triangle',
    item: '3',
    op: '=',
    schedule: '7×24',
    key: 'service_hours',
  },
  {
    from: '4. 备件供应不少于8年。',
    kind: 'requirement',
    item: '4',
    op: '>=',
    value: 8,
    unit: '年',
    key: 'parts_supply_years',
  },
  {
    from: '5. 同一故障维修3次仍不能排除的，中标人应免费更换整机。',
    kind: 'requirement',
    item: '5',
    op: '<=',
    value: 3,
    unit: '次',
    key: 'repair_limit',
  },
  { from: SPLIT, kind: 'requirement', op: '<=', value: 2, unit: '小时', key: 'onsite_arrival' },
  { from: SPLIT, kind: 'requirement', op: '<=', value: 24, unit: '小时', key: 'resolution_time' },
  {
    from: '培训不少于5天，受训人员不少于10人。',
    kind: 'requirement',
    op: '>=',
    value: 5,
    unit: '天',
    key: 'training_days',
  },
  { from: '培训不少于5天，受训人员不少于10人。', kind: 'requirement', op: '>=', value: 10, unit: '人' },
  {
    from: '验收合格后7天内开展现场培训。',
    kind: 'requirement',
    op: '<=',
    value: 7,
    unit: '天',
    key: 'training_start_within',
  },
  {
    from: '每季度上门巡检一次',
    row: 2,
    kind: 'requirement',
    item: '1',
    op: '>=',
    value: 4,
    unit: '次',
    key: 'inspection_per_year',
  },
  {
    from: '派驻2名工程师',
    row: 3,
    kind: 'requirement',
    item: '2',
    op: '>=',
    value: 2,
    unit: '人',
    key: 'dedicated_engineers',
  },
  {
    from: '超过24小时仍未修复的，提供同档次备用设备',
    row: 4,
    kind: 'star',
    item: '3',
    op: '<=',
    value: 24,
    unit: '小时',
    key: 'standby_after',
  },
  { from: '方案完整、措施得当的得10分', row: 2, kind: 'scoring', item: '1', points: 10 },
  {
    from: '承诺2小时内到达现场的得5分',
    row: 3,
    kind: 'scoring',
    item: '2',
    points: 5,
    op: '<=',
    value: 2,
    unit: '小时',
    key: 'onsite_arrival',
  },
  { from: '投标人提供本市售后服务网点证明的，加2分。', kind: 'scoring', points: 2 },
  { from: '一、投标函', kind: 'toc' },
  { from: '二、开标一览表', kind: 'toc' },
  { from: '三、售后服务承诺书', kind: 'toc' },
  { from: '四、服务偏离表', kind: 'toc' },
  { from: '附件1 售后服务承诺书', kind: 'format' },
  { from: '附件2 服务偏离表', kind: 'format' },
];
/** Requirement-like sentences of the service chapters no phrasing knows: listed for review. */
export const REVIEW = [
  '6. 中标人应建立用户设备档案，并定期进行电话回访。',
  '中标人应向使用科室提供完整的操作手册和维护手册。',
  '须提供中文技术资料',
];

/** Version 2: a 废标 clause added early (every later paragraph moves), 三年 → 五年, item 4 gone, item 5 made ★, item 7 new. */
export function clarified(): Part[] {
  const out: Part[] = [];
  for (const p of TENDER) {
    if ('p' in p && p.p === '4. 备件供应不少于8年。') continue;
    if ('p' in p && p.p.startsWith('★1. 质保期不少于三年'))
      out.push({ p: '★1. 质保期不少于五年，自验收合格之日起计算。' });
    else if ('p' in p && p.p.startsWith('5. 同一故障'))
      out.push({ p: '★5. 同一故障维修3次仍不能排除的，中标人应免费更换整机。' });
    else out.push(p);
    if ('p' in p && p.p.startsWith('投标有效期')) out.push({ p: '投标人被列入失信被执行人名单的，其投标无效。' });
    if ('p' in p && p.p.startsWith('6. 中标人应建立')) out.push({ p: '7. 每年免费保养2次。' });
  }
  return out;
}

const textOf = (p: Part) => ('h' in p ? p.text : 'p' in p ? p.p : undefined);
/** The part an expected row comes from. */
export const partOf = (from: string) =>
  TENDER.findIndex(
    (p) =>
      textOf(p) === from ||
      ('table' in p && p.table.some((r) => r.includes(from) || r.some((c) => c.replace('★', '') === from))),
  );

/** DOCX: the part's paragraph number (non-empty paragraphs and tables through the document) and page (1 + page breaks before). */
export function docxLoc(index: number): { page: number; paragraph: number } {
  const before = TENDER.slice(0, index);
  return {
    page: 1 + before.filter((p) => 'pageBreak' in p).length,
    paragraph: 1 + before.filter((p) => textOf(p) !== undefined || 'table' in p).length,
  };
}

/** PDF: the part's page (page breaks, and the split sentence carries what follows it onto the next page) and its number on that page. */
export function pdfLoc(index: number): { page: number; paragraph: number } {
  let page = 1;
  let n = 0;
  for (let i = 0; i <= index; i++) {
    const p = TENDER[i]!;
    if ('pageBreak' in p) {
      page++;
      n = 0;
    } else if (textOf(p) !== undefined || 'table' in p) n++;
    if (i < index && textOf(p) === SPLIT) {
      page++;
      n = 0;
    }
  }
  return { page, paragraph: n };
}

export async function tenderDocx(parts: Part[] = TENDER): Promise<Uint8Array> {
  const children = parts.flatMap((p): (Paragraph | Table)[] => {
    if ('pageBreak' in p) return [new Paragraph({ children: [new PageBreak()] })];
    if ('spacer' in p) return [];
    if ('h' in p)
      return [new Paragraph({ text: p.text, heading: p.h === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 })];
    if ('p' in p) return [new Paragraph({ text: p.p })];
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: p.table.map(
          (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
        ),
      }),
    ];
  });
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** The spacer's height that puts the split sentence's first two lines at the bottom of page 2. */
export const SPLIT_SPACER = 505;

export async function tenderPdf(parts: Part[] = TENDER, spacer = SPLIT_SPACER): Promise<Uint8Array> {
  const content = parts.map((p, i): Record<string, unknown> => {
    const breakBefore = i > 0 && 'pageBreak' in parts[i - 1]! ? { pageBreak: 'before' } : {};
    if ('pageBreak' in p) return { text: '' };
    if ('spacer' in p) return { text: '', margin: [0, spacer, 0, 0] };
    if ('h' in p)
      return { text: p.text, font: 'NotoSansSC', fontSize: p.h === 1 ? 16 : 14, margin: [0, 6, 0, 6], ...breakBefore };
    if ('p' in p) return { text: p.p, margin: [0, 0, 0, 4], ...breakBefore };
    return {
      table: { headerRows: 1, widths: p.widths ?? p.table[0]!.map(() => '*'), body: p.table.map((r) => [...r]) },
      margin: [0, 4, 0, 8],
      ...breakBefore,
    };
  });
  return pdfBytes({
    pageSize: 'A4',
    pageMargins: [50, 60, 50, 60],
    defaultStyle: { font: 'NotoSerifSC', fontSize: 10.5 },
    header: {
      text: '某市人民医院中央空调设备采购项目招标文件',
      alignment: 'center',
      fontSize: 9,
      margin: [0, 25, 0, 0],
    },
    footer: (page: number, pages: number) => ({
      text: `第 ${page} 页 共 ${pages} 页`,
      alignment: 'center',
      fontSize: 9,
    }),
    content,
  });
}

export async function pdfBytes(def: Record<string, unknown>): Promise<Uint8Array> {
  const stream = await configure()
    .createPdf(def as never)
    .getStream();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  await new Promise((resolve) => {
    stream.on('end', resolve);
    stream.end();
  });
  return new Uint8Array(Buffer.concat(chunks));
}
