// Tables sized from their content, and the two-party signature block, in the PDF and the DOCX.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '@core/export/docx.js';
import { exportPdf } from '@core/export/pdf.js';
import { columnWeights } from '@core/export/tableLayout.js';
import type { Block, Document } from '@core/model/document.js';
import { docxParts, tables } from '../helpers/docx.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdftotext } from '../helpers/tools.js';

const note = missingTools(['pdftotext']);
const dir = tempDir('bidforge-tables-');
type Table = Extract<Block, { kind: 'table' }>;

/** The stand-alone 偏离表 as the bid-package sample assembles it. */
const deviation: Table = {
  kind: 'table',
  header: ['序号', '招标文件条目号', '招标文件要求', '投标文件应答', '偏离', '说明'],
  align: [],
  rows: [
    ['1', '3.1', '接到报修后1小时内响应', '接到报修后30分钟内响应', '正偏离', '我方承诺的时限短于招标文件要求'],
    ['4', '3.4', '★质保期不少于3年，自验收合格之日起计算', '质保期不少于36个月，自验收合格之日起计算', '无偏离', ''],
    [
      '7',
      '3.7',
      '备品备件供应期不少于12年',
      '备品备件供应期不少于10年',
      '负偏离',
      '负偏离原因：制造商对该型号机组的停产后备件保障期为10年，我方另行承诺停产后提供同等性能的替代部件',
    ],
    ['8', '3.8', '提供7×24小时服务热线', '开通7×24小时服务热线400-800-1234，全年无休', '无偏离', ''],
  ],
};

const docOf = (blocks: Block[]): Document => ({
  meta: {
    title: '表格样例',
    projectName: '',
    projectNo: '',
    bidder: '',
    date: '2026-01-01',
    docType: 'service-plan',
    draft: false,
  },
  blocks,
});

async function pdfLines(doc: Document, name: string): Promise<string[]> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await exportPdf(doc));
  return (await pdftotext(file, 'layout')).split(/\n|\f/);
}

describe('表格列宽按内容', () => {
  it('偏离表：序号列最窄，说明和投标文件应答列比条目号列宽', () => {
    const w = columnWeights(deviation, 36);
    expect(w.reduce((a, x) => a + x, 0)).toBeCloseTo(36);
    expect(Math.min(...w)).toBe(w[0]);
    expect(w[5]).toBeGreaterThan(w[1]!);
    expect(w[3]).toBeGreaterThan(w[1]!);
    // 序号 needs its header's two characters and padding, no more.
    expect(w[0]).toBeLessThan(4);
  });

  it('PDF 偏离表里热线 400-800-1234 不被拆开，“正偏离”“无偏离”不折行', async (ctx) => {
    ctx.skip(!!note, note);
    const lines = await pdfLines(docOf([deviation]), 'deviation');
    expect(lines.some((l) => l.includes('400-800-1234'))).toBe(true);
    for (const v of ['正偏离', '无偏离', '负偏离'])
      expect(
        lines.some((l) => l.includes(v)),
        v,
      ).toBe(true);
  });

  it('窄列里的金额、日期、电话和编号整体换行，从不在中间断开', async (ctx) => {
    ctx.skip(!!note, note);
    const text = '含全部巡检、保养、应急抢修和备件更换的人工费用，按年度结算，结算时提供明细清单';
    const table = (header: string[], values: string[]): Table => ({
      kind: 'table',
      header: ['项目', '说明', ...header],
      align: [],
      rows: [['年度服务', text, ...values]],
    });
    const values = ['¥1,280,000.00', '2026年11月24日', '0571-88886666', 'BJCG-2026-0412', '13800138000'];
    const lines = await pdfLines(
      docOf([table(['金额', '日期', '电话'], values.slice(0, 3)), table(['编号', '手机'], values.slice(3))]),
      'values',
    );
    expect(lines.some((l) => l.includes('明细清单'))).toBe(true);
    for (const v of values)
      expect(
        lines.some((l) => l.includes(v)),
        v,
      ).toBe(true);
  });

  it('DOCX 表格里电话、日期和编号的连字符是不断行连字符（Word、WPS 不在其中换行），文字不变', async () => {
    const xml = docxParts(await exportDocx(docOf([deviation])))['word/document.xml']!;
    expect(xml).toMatch(/400<\/w:t><w:noBreakHyphen\/><w:t[^>]*>800<\/w:t><w:noBreakHyphen\/><w:t[^>]*>1234/);
    expect(tables(xml)[0]!.at(-1)![3]).toBe('开通7×24小时服务热线400-800-1234，全年无休');
  });

  it('DOCX 表格的列宽与 PDF 同源：偏离表序号列最窄', async () => {
    const xml = docxParts(await exportDocx(docOf([deviation])))['word/document.xml']!;
    const grid = /<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(xml)![1]!;
    const cols = [...grid.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(6);
    expect(Math.min(...cols)).toBe(cols[0]);
    expect(cols[5]).toBeGreaterThan(cols[1]!);
  });
});

describe('两方签署栏', () => {
  const signature: Block = {
    kind: 'signature',
    parties: [
      { role: '甲方', lines: ['甲方（盖章）：星联智行科技有限公司', '负责人（签字）：', '日期：'] },
      {
        role: '乙方',
        lines: ['乙方（盖章）：滨江捷安汽车电子服务有限责任公司第二分公司', '负责人（签字）：', '日期：'],
      },
    ],
  };

  it('PDF：乙方名称折行后，“负责人（签字）”“日期”仍与甲方的同一行对齐', async (ctx) => {
    ctx.skip(!!note, note);
    const lines = await pdfLines(
      docOf([{ kind: 'paragraph', runs: [{ text: '本协议自双方签字盖章之日起生效。' }] }, signature]),
      'signature',
    );
    const both = (s: string) => lines.some((l) => l.split(s).length === 3);
    expect(both('负责人（签字）：')).toBe(true);
    expect(both('日期：')).toBe(true);
  });

  it('PDF：乙方名称折行时，续行与名称本身对齐，不退到“乙方（盖章）”之下', async (ctx) => {
    ctx.skip(!!note, note);
    const lines = await pdfLines(docOf([signature]), 'hanging');
    const at = lines.findIndex((l) => l.includes('乙方（盖章）'));
    const name = lines[at]!.indexOf('滨江');
    const rest = lines.slice(at + 1).find((l) => l.trim() && !l.includes('负责人'))!;
    expect(rest).toMatch(/公司/);
    expect(rest.search(/\S/)).toBeGreaterThanOrEqual(name - 1);
  });

  it('DOCX：有名称的签署行悬挂缩进（折行与名称对齐），待填的行不缩进', async () => {
    const xml = docxParts(await exportDocx(docOf([signature])))['word/document.xml']!;
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    const para = (text: string) =>
      [...tbl.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes(text))!;
    expect(para('滨江捷安')).toMatch(/<w:ind w:left="(\d+)" w:hanging="\1"\/>/);
    expect(para('负责人')).not.toMatch(/w:hanging="[1-9]/);
  });

  it('DOCX：签署栏是无边框的两列表格，每行放两方的同一行', async () => {
    const xml = docxParts(await exportDocx(docOf([signature])))['word/document.xml']!;
    const [rows] = tables(xml);
    expect(rows).toEqual([
      ['甲方（盖章）：星联智行科技有限公司', '乙方（盖章）：滨江捷安汽车电子服务有限责任公司第二分公司'],
      ['负责人（签字）：', '负责人（签字）：'],
      ['日期：', '日期：'],
    ]);
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    expect(tbl).not.toMatch(/w:val="single"/);
  });
});
