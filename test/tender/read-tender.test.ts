// Reading a tender the test writes itself, as DOCX and as PDF: every expected row, with its kind, figure and place.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TenderReading, TenderRow } from '@core/tender/model.js';
import { readTender } from '@core/tender/read.js';
import {
  EXPECTED,
  REVIEW,
  SPLIT,
  TENDER,
  docxLoc,
  partOf,
  pdfLoc,
  tenderDocx,
  tenderPdf,
  type Expected,
} from './fixture.js';

/** The rows a reading proposed for one expected row: same source, same kind, same figure. */
function matching(reading: TenderReading, e: Expected): TenderRow[] {
  return reading.rows.filter(
    (r) =>
      r.kind === e.kind &&
      (r.text === e.from ||
        r.text.replace(/[★▲]/g, '').includes(e.from.replace(/[★▲]/g, '')) ||
        r.form?.title === e.from) &&
      r.op === e.op &&
      r.value === e.value &&
      r.unit === e.unit &&
      r.key === e.key &&
      r.schedule === e.schedule &&
      r.points === e.points &&
      r.item === e.item,
  );
}

function expectEveryRow(reading: TenderReading, locOf: (part: number) => { page: number; paragraph: number }) {
  for (const e of EXPECTED) {
    const found = matching(reading, e);
    expect(found, `${e.kind} ${e.from} ${e.op ?? ''}${e.value ?? ''}${e.unit ?? ''}`).toHaveLength(1);
    const part = partOf(e.from);
    expect(part, e.from).toBeGreaterThanOrEqual(0);
    const { page, paragraph } = locOf(part);
    expect({ page: found[0]!.loc.page, paragraph: found[0]!.loc.paragraph }, e.from).toEqual({ page, paragraph });
    if (e.row) expect(found[0]!.loc).toMatchObject({ row: e.row });
  }
  // Nothing beyond what a reader of this tender would list.
  expect(reading.rows).toHaveLength(EXPECTED.length);
}

describe('读取DOCX招标文件', () => {
  let reading: TenderReading;
  beforeAll(async () => {
    reading = await readTender(await tenderDocx(), '某医院空调采购招标文件.docx');
  });

  it('提出每一行要求：★/▲项、废标条款、要求表、评分表、格式和目录，各带段落号和分页符计的页码', () => {
    expect(reading).toMatchObject({ format: 'docx', pages: 4, pageBasis: 'breaks', paragraphBasis: 'document' });
    expectEveryRow(reading, docxLoc);
  });

  it('服务章节中无法识别的要求句列入待复核清单，不会悄悄丢掉', () => {
    expect(reading.review.map((r) => r.text.replace(/^技术资料：/, ''))).toEqual(REVIEW);
  });

  it('指定的承诺书格式保留其固定措辞，偏离表格式保留其列', () => {
    const letter = reading.rows.find((r) => r.kind === 'format' && r.form?.title === '附件1 售后服务承诺书');
    expect(letter?.form?.text).toBe('致：某市人民医院\n我方承诺：接到报修通知后＿＿小时内到达现场，质保期为＿＿年。');
    const table = reading.rows.find((r) => r.kind === 'format' && r.form?.title === '附件2 服务偏离表');
    expect(table?.form?.columns).toEqual(['序号', '招标文件要求', '投标响应', '偏离情况', '说明']);
  });

  it('投标须知中的投标有效期不是售后要求，不被提出', () => {
    expect(reading.rows.some((r) => r.text.includes('投标有效期'))).toBe(false);
  });
});

describe('读取PDF招标文件', () => {
  let reading: TenderReading;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await tenderPdf();
    reading = await readTender(bytes, '某医院空调采购招标文件.pdf');
  }, 30_000);

  it('提出每一行要求，各带页码和该页的段落号；页眉页脚不算段落', () => {
    expect(reading).toMatchObject({ format: 'pdf', pages: 5, pageBasis: 'layout', paragraphBasis: 'page' });
    expectEveryRow(reading, pdfLoc);
  });

  it('跨页的要求句仍被完整找到：24小时内排除故障跨第2、3页', () => {
    // The fixture really splits it there, as an independent reader (pdftotext) sees the pages.
    const dir = mkdtempSync(join(tmpdir(), 'bf-tender-'));
    writeFileSync(join(dir, 't.pdf'), bytes);
    const page = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), join(dir, 't.pdf'), '-'], { encoding: 'utf8' });
    expect(page(2)).toMatch(/24小时内排除\s*第2页共5页/);
    expect(page(3)).toMatch(/^\s*\S+招标文件\s+故障，恢复/);
    const fix = reading.rows.find((r) => r.key === 'resolution_time');
    expect(fix).toMatchObject({
      text: SPLIT,
      op: '<=',
      value: 24,
      unit: '小时',
      loc: { page: 2, pageEnd: 3, paragraph: pdfLoc(TENDER.findIndex((p) => 'p' in p && p.p === SPLIT)).paragraph },
    });
  });

  it('服务章节中无法识别的要求句列入待复核清单', () => {
    expect(reading.review.map((r) => r.text.replace(/^技术资料：/, ''))).toEqual(REVIEW);
    expect(reading.review[0]!.loc).toMatchObject(pdfLoc(partOf(REVIEW[0]!)));
  });
});

describe('招标文件自己的目录', () => {
  it('目录中的章节行（带点线和页码）不被当作章节标题，各行建议和待复核句不变', async () => {
    // Read as a heading, 第四章 售后服务要求 would make the front matter's sentence below a service requirement.
    const contents = [
      { h: 1 as const, text: '目  录' },
      { p: '第一章 招标公告……………………1' },
      { p: '第四章 售后服务要求………………4' },
      { p: '投标人应仔细阅读本招标文件的全部内容。' },
      { pageBreak: true as const },
    ];
    const plain = await readTender(await tenderDocx(), 't.docx');
    const withContents = await readTender(await tenderDocx([...contents, ...TENDER]), 't.docx');
    const shape = (r: TenderReading) =>
      r.rows.map((x) => [x.kind, x.text, x.op, x.value, x.loc.page - 1, x.loc.paragraph - 4]);
    const plainShape = plain.rows.map((x) => [x.kind, x.text, x.op, x.value, x.loc.page, x.loc.paragraph]);
    expect(shape(withContents)).toEqual(plainShape);
    expect(withContents.review.map((r) => r.text)).toEqual(plain.review.map((r) => r.text));
  });
});
