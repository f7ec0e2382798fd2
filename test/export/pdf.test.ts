import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPdf } from '@core/export/pdf.js';
import type { Document } from '@core/model/document.js';
import { headingsOf, loadSample, sampleJson, SECTION_HEADINGS, type Sample } from '../helpers/sample.js';
import { expectContains, expectInOrder, squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdffonts, pdfinfo, pdftotext, withoutRunningHeads, type PdfFont } from '../helpers/tools.js';

// The poppler tools read the PDF the way a reader's viewer does; without them there is nothing to check.
const note = missingTools(['pdftotext', 'pdffonts', 'pdfinfo']);

let sample: Sample;
let dir: string;
let pdfFile: string;
let layout = '';
let raw = '';
let pages: string[] = [];
let info: Record<string, string> = {};
let fonts: PdfFont[] = [];

beforeAll(async () => {
  sample = await loadSample();
  dir = tempDir('bidforge-pdf-');
  pdfFile = join(dir, `${sample.project.name}.pdf`);
  writeFileSync(pdfFile, await exportPdf(sample.document));
  if (note) return;
  const title = sample.project.title;
  const layoutText = await pdftotext(pdfFile, 'layout');
  pages = layoutText.split('\f').filter((p) => p.trim());
  layout = squash(withoutRunningHeads(layoutText, title));
  raw = squash(withoutRunningHeads(await pdftotext(pdfFile, 'raw'), title));
  [info, fonts] = await Promise.all([pdfinfo(pdfFile), pdffonts(pdfFile)]);
}, 60_000);

describe('PDF 文字（去掉所有空白后比较）', () => {
  it('现场到达承诺：需要上门处理的故障，自接到报修通知起2小时内到达现场。', (ctx) => {
    ctx.skip(!!note, note);
    expectContains(layout, '需要上门处理的故障，自接到报修通知起2小时内到达现场。');
  });

  it('服务热线：设立服务热线400-800-1234，受理本项目的报修和咨询', (ctx) => {
    ctx.skip(!!note, note);
    expectContains(layout, '设立服务热线400-800-1234，受理本项目的报修和咨询。');
  });

  it('年度维保费用：年度维保服务费为¥28,000.00/年', (ctx) => {
    ctx.skip(!!note, note);
    expectContains(layout, '年度维保服务费为¥28,000.00/年');
  });

  it('整机保修：所供货物整机保修36个月，自验收合格之日起计算', (ctx) => {
    ctx.skip(!!note, note);
    expectContains(layout, '所供货物整机保修36个月，自验收合格之日起计算；');
  });

  it('收费表每一行的单元格按顺序出现（如 压缩机更换工时费 ¥1,800.00 元/台次 零部件费用另计）', (ctx) => {
    ctx.skip(!!note, note);
    expectContains(raw, '压缩机更换工时费¥1,800.00元/台次零部件费用另计');
    for (const f of sampleJson().values.fee_items) expectContains(raw, `${f.item}¥`);
    expectInOrder(
      raw,
      sampleJson().values.fee_items.flatMap((f) => [f.item, f.unit, f.note]),
    );
  });

  it('培训日程表每一行的单元格按顺序、完整出现：一行不在单元格中间跨页断开（跨页重复的表头不计）', (ctx) => {
    ctx.skip(!!note, note);
    // The header row repeats on each page a table spans; take the repeats out, then every cell must read whole.
    const header = '场次日期学时培训对象培训内容地点授课人';
    const first = raw.indexOf(header) + header.length;
    const text = raw.slice(0, first) + raw.slice(first).replaceAll(header, '');
    const rows = sampleJson().values.training_schedule;
    for (const r of rows) expectContains(text, r.content);
    expectInOrder(
      text,
      rows.flatMap((r) => [r.session, r.trainees, r.content, r.place, r.trainer]),
    );
  });

  it('每个标题（一、服务宗旨 … 十、联系方式，及（一）（二）小标题）按顺序出现', (ctx) => {
    ctx.skip(!!note, note);
    expectInOrder(layout, [...SECTION_HEADINGS]);
    expectInOrder(layout, headingsOf(sample.document));
  });

  it('签署栏：投标人名称（盖单位章，投标文件通用格式的写法）和日期', (ctx) => {
    ctx.skip(!!note, note);
    expectInOrder(layout, [
      '投标人名称（盖单位章）：华瑞康泰机电设备有限公司',
      '法定代表人或授权代表（签字）：',
      '日期：2026年11月24日',
    ]);
  });

  it('封面：项目标题、项目编号、投标人、日期都在第一页', (ctx) => {
    ctx.skip(!!note, note);
    const cover = squash(pages[0] ?? '');
    for (const s of [
      '滨江市第一人民医院净化空调机组采购项目售后服务方案',
      '项目编号：BJCG-2026-0412',
      '投标人：华瑞康泰机电设备有限公司',
      '2026年11月24日',
    ])
      expectContains(cover, s);
    expect(cover).not.toMatch(/第\d+页/);
  });
});

describe('PDF 版面', () => {
  // The cover and the contents pages carry no page number; the body counts from 1.
  const bodyStart = () => pages.findIndex((p) => /第\s*1\s*页\s*共/.test(p));

  it('正文每页页脚“第 X 页 共 Y 页”从 1 开始，Y 等于正文页数（封面、目录不计）', (ctx) => {
    ctx.skip(!!note, note);
    const total = Number(info.Pages);
    expect(pages).toHaveLength(total);
    expect(bodyStart()).toBeGreaterThanOrEqual(2);
    const body = total - bodyStart();
    for (const p of pages.slice(0, bodyStart())) expect(p).not.toMatch(/第\s*\d+\s*页\s*共/);
    const footers = pages
      .slice(bodyStart())
      .map((p) => /第\s*(\d+)\s*页\s*共\s*(\d+)\s*页/.exec(p)?.slice(1).map(Number));
    expect(footers).toEqual(Array.from({ length: body }, (_, i) => [i + 1, body]));
  });

  it('正文每页页眉是项目标题', (ctx) => {
    ctx.skip(!!note, note);
    for (const p of pages.slice(bodyStart()))
      expect(p.split('\n').map((l) => l.trim())).toContain(sample.project.title);
  });
});

describe('PDF 文档信息和字体', () => {
  it('文档信息的标题（Title）等于项目标题，作者是投标人', (ctx) => {
    ctx.skip(!!note, note);
    expect(info.Title).toBe('滨江市第一人民医院净化空调机组采购项目售后服务方案');
    expect(info.Author).toBe('华瑞康泰机电设备有限公司');
  });

  it('每个字体都嵌入（emb=yes）且为子集（sub=yes）', (ctx) => {
    ctx.skip(!!note, note);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f.name).toMatchObject({ emb: true, sub: true });
  });

  it('正文用 Noto Serif SC，标题用 Noto Sans SC', (ctx) => {
    ctx.skip(!!note, note);
    expect(fonts.some((f) => /NotoSerifSC/.test(f.name))).toBe(true);
    expect(fonts.some((f) => /NotoSansSC/.test(f.name))).toBe(true);
  });

  it('PDF 体积保持在子集化的大小（不把 10 MB 以上的整套字体嵌进去）', () => {
    // Each full font file is 10–15 MB; subsets of a few hundred characters are far smaller.
    expect(statSync(pdfFile).size).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('草稿水印', () => {
  const tiny = (draft: boolean): Document => ({
    meta: {
      title: '小文档',
      projectName: '售后服务方案',
      projectNo: '',
      bidder: '',
      date: '2026-01-01',
      docType: 'service-plan',
      draft,
    },
    blocks: [{ kind: 'paragraph', runs: [{ text: '正文。' }] }],
  });

  it('含未审批条款的文档每页带“草稿”水印，正式文档不带', async (ctx) => {
    ctx.skip(!!note, note);
    const draftFile = join(dir, 'draft.pdf');
    const finalFile = join(dir, 'final.pdf');
    writeFileSync(draftFile, await exportPdf(tiny(true)));
    writeFileSync(finalFile, await exportPdf(tiny(false)));
    const draftPages = (await pdftotext(draftFile)).split('\f').filter((p) => p.trim());
    expect(draftPages.length).toBeGreaterThan(1);
    for (const p of draftPages) expect(squash(p)).toContain('草稿');
    expect(squash(await pdftotext(finalFile))).not.toContain('草稿');
  });
});
