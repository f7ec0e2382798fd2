import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '@core/export/docx.js';
import type { Document } from '@core/model/document.js';
import { docxParts, paragraphs, tables, textOfXml, type DocxParagraph } from '../helpers/docx.js';
import { headingsOf, loadSample, SECTION_HEADINGS, tablesOf, type Sample } from '../helpers/sample.js';
import { expectInOrder } from '../helpers/text.js';

let sample: Sample;
let parts: Record<string, string>;
let paras: DocxParagraph[];

beforeAll(async () => {
  sample = await loadSample();
  const bytes = await exportDocx(sample.document);
  parts = docxParts(bytes);
  paras = paragraphs(parts['word/document.xml'] ?? '');
});

const tiny = (blocks: Document['blocks']): Document => ({
  meta: {
    title: '小文档',
    projectName: '售后服务方案',
    projectNo: '',
    bidder: '',
    date: '2026-01-01',
    docType: 'service-plan',
    draft: false,
  },
  blocks,
});

describe('DOCX 内容', () => {
  it('是一个含 word/document.xml 和 word/styles.xml 的 Word 包', () => {
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(['word/document.xml', 'word/styles.xml', '[Content_Types].xml']),
    );
  });

  // The numbers 一、（一） come from Word's heading list (numbering.xml), not from typed text: see docx-numbering.test.ts.
  const unnumbered = (h: string) => h.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/, '');

  it('十个章节标题按顺序出现，且都用“标题 1”（Heading1）样式，编号不是打进去的文字', () => {
    expect(paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(SECTION_HEADINGS.map(unnumbered));
  });

  it('每个标题（含（一）（二）小标题）按文档顺序出现，小标题用 Heading2 样式', () => {
    const all = paras.filter((p) => /^Heading\d$/.test(p.style)).map((p) => p.text);
    expect(all).toEqual(headingsOf(sample.document).map(unnumbered));
    expect(paras.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(
      sample.document.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : [])),
    );
  });

  it('每个表格的每个单元格文字按顺序出现（表头 + 数据行）', () => {
    expect(tables(parts['word/document.xml']!)).toEqual(tablesOf(sample.document));
  });

  it('收费表第一行是样例的上门服务费：上门服务费 / ¥300.00 / 元/次 / 市区范围内，含首小时人工', () => {
    const fee = tables(parts['word/document.xml']!).find((t) => t[0]?.[0] === '服务项目');
    expect(fee?.[1]).toEqual(['上门服务费', '¥300.00', '元/次', '市区范围内，含首小时人工']);
    expect(fee).toHaveLength(1 + 6);
  });

  it('正文段落和列表项的文字都在，且按顺序（列表编号由 Word 列表生成）', () => {
    const expected = sample.document.blocks.flatMap((b) =>
      b.kind === 'paragraph' || b.kind === 'listItem' ? [b.runs.map((r) => r.text).join('')] : [],
    );
    const body = paras
      .filter((p) => !p.inTable && (p.style === 'BodyText' || p.style === 'ListText'))
      .map((p) => p.text);
    expectInOrder(body.join('\n'), expected);
    expect(body.join('\n')).toContain('需要上门处理的故障，自接到报修通知起2小时内到达现场');
  });

  it('粗体文字段在 DOCX 中是粗体', () => {
    const item = paras.find((p) => p.text.startsWith('到达现场'));
    expect(item?.xml).toMatch(/<w:r><w:rPr><w:b\/>(?:<w:bCs\/>)?<\/w:rPr><w:t[^>]*>到达现场<\/w:t>/);
  });

  it('封面有项目标题、蓝本名称、项目编号、投标人和日期', () => {
    const cover = paras
      .filter((p) => ['Title', 'Subtitle', 'CoverInfo'].includes(p.style))
      .map((p) => p.text.replaceAll('\n', ''));
    expect(cover).toEqual([
      '滨江市第一人民医院净化空调机组采购项目售后服务方案',
      '售后服务方案',
      '项目编号：BJCG-2026-0412',
      '投标人：华瑞康泰机电设备有限公司',
      '2026年11月24日',
    ]);
  });

  it('签署栏：投标人名称（盖单位章，投标文件通用格式的写法）和日期', () => {
    const sig = paras.filter((p) => p.style === 'Signature' && p.text).map((p) => p.text);
    expect(sig).toEqual([
      '投标人名称（盖单位章）：华瑞康泰机电设备有限公司',
      '法定代表人或授权代表（签字）：',
      '日期：2026年11月24日',
    ]);
  });

  it('文档属性的标题是项目标题', () => {
    expect(parts['docProps/core.xml']).toContain(
      '<dc:title>滨江市第一人民医院净化空调机组采购项目售后服务方案</dc:title>',
    );
  });

  it('页眉是项目标题，页脚是“第 X 页 共 Y 页”页码域', () => {
    const header = Object.entries(parts).find(([n]) => /^word\/header\d*\.xml$/.test(n))?.[1] ?? '';
    const footer = Object.entries(parts).find(([n]) => /^word\/footer\d*\.xml$/.test(n))?.[1] ?? '';
    expect(textOfXml(header).trim()).toBe('滨江市第一人民医院净化空调机组采购项目售后服务方案');
    expect(footer).toMatch(
      /第 [\s\S]*<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>[\s\S]* 页 共 [\s\S]*<w:instrText[^>]*>[^<]*PAGES[^<]*<\/w:instrText>[\s\S]* 页/,
    );
  });
});

describe('DOCX 页脚', () => {
  it('页脚“共 Y 页”只数正文这一节（SECTIONPAGES），不把封面算进去——与“第 X 页”从 1 开始、与 PDF 的“共 Y 页”一致', () => {
    const footer = Object.entries(parts).find(([n]) => /^word\/footer\d*\.xml$/.test(n))?.[1] ?? '';
    const fields = [...footer.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map(
      (m) => m[1]!.trim().split(/\s+/)[0],
    );
    expect(fields).toEqual(['PAGE', 'SECTIONPAGES']);
  });
});

describe('DOCX 样式', () => {
  const style = (id: string) =>
    new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(parts['word/styles.xml']!)?.[0] ?? '';

  it('styles.xml 定义了 Heading1，且标题用中文黑体（eastAsia）', () => {
    expect(style('Heading1')).toMatch(/<w:name w:val="Heading 1"\/>/);
    expect(style('Heading1')).toMatch(/w:eastAsia="黑体"/);
  });

  it('正文样式用中文宋体（eastAsia），默认字体也设了 eastAsia', () => {
    expect(style('BodyText')).toMatch(/w:eastAsia="宋体"/);
    expect(parts['word/styles.xml']).toMatch(/<w:docDefaults>[\s\S]*w:eastAsia="宋体"[\s\S]*<\/w:docDefaults>/);
  });

  it('标题样式有大纲级别，便于 Word 导航窗格和目录', () => {
    expect(style('Heading1')).toMatch(/<w:outlineLvl w:val="0"\/>/);
    expect(style('Heading2')).toMatch(/<w:outlineLvl w:val="1"\/>/);
  });
});

describe('DOCX 中的用户文字', () => {
  it('<script>、& 等字符作为文字写入（XML 正确转义），不产生额外元素', async () => {
    const value = '<script>alert(1)</script> &amp; "引号" \'单引号\'';
    const p = paragraphs(
      docxParts(await exportDocx(tiny([{ kind: 'paragraph', runs: [{ text: value }] }])))['word/document.xml']!,
    ).filter((x) => x.style === 'BodyText');
    expect(p.map((x) => x.text)).toEqual([value]);
    expect(p[0]!.xml).not.toContain('<script');
  });

  /** The XML between two texts of one paragraph. */
  const between = (xml: string, a: string, b: string) => xml.slice(xml.indexOf(a) + a.length, xml.indexOf(b));

  it('多行文字的换行在 DOCX 中是真正的换行（<w:br/>），而不是被 Word 当作空格的 \\n', async () => {
    const xml = docxParts(await exportDocx(tiny([{ kind: 'paragraph', runs: [{ text: '第一行\n第二行' }] }])))[
      'word/document.xml'
    ]!;
    const p = paragraphs(xml).find((x) => x.style === 'BodyText')!;
    expect(between(p.xml, '第一行', '第二行')).toMatch(/<w:br\/>/);
    expect(p.xml).not.toMatch(/<w:t[^>]*>[^<]*\n[^<]*<\/w:t>/);
  });

  it('表格单元格里的多行文字在 DOCX 中也换行（<w:br/>）', async () => {
    const xml = docxParts(
      await exportDocx(tiny([{ kind: 'table', header: ['说明'], align: ['left'], rows: [['第一行\n第二行']] }])),
    )['word/document.xml']!;
    const cell = tables(xml)[0]?.[1]?.[0];
    expect(cell).toBe('第一行\n第二行');
    expect(xml).not.toMatch(/<w:t[^>]*>[^<]*\n[^<]*<\/w:t>/);
    expect(between(xml, '第一行', '第二行')).toMatch(/<w:br\/>/);
  });
});

// LibreOffice's reading of the DOCX (text, page numbers, page count) is checked for every sample in proof.test.ts.
