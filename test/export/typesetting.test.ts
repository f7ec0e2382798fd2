// Typesetting profiles (bid default, GB/T 9704), real Word numbering, contents, cover extras, tables — in DOCX and PDF.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '@core/export/docx.js';
import { missingGlyphs } from '@core/export/glyphs.js';
import { exportPdf } from '@core/export/pdf.js';
import type { Block, Document } from '@core/model/document.js';
import { resolveTypesetting, sizeLabel, ZIHAO, type TypesettingChoice } from '@core/model/typesetting.js';
import { docxParts, paragraphs, textOfXml } from '../helpers/docx.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdfinfo, pdftotext } from '../helpers/tools.js';

const note = missingTools(['pdftotext', 'pdfinfo']);

const para = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });
const item = (number: string, depth: number, text: string): Block => ({
  kind: 'listItem',
  number,
  depth,
  runs: [{ text }],
});
const h1 = (number: string, text: string): Block => ({ kind: 'heading', level: 1, number, text });
const h2 = (number: string, text: string): Block => ({ kind: 'heading', level: 2, number, text });

/** A small plan: four chapters (so it gets a contents page), lists that restart, a fee table with a total, an annex. */
function plan(typesetting?: TypesettingChoice): Document {
  return {
    meta: {
      title: '某医院空调采购项目售后服务方案',
      projectName: '售后服务方案',
      projectNo: 'BJCG-1',
      bidder: '某某机电有限公司',
      date: '2026-11-24',
      docType: 'service-plan',
      draft: false,
      ...(typesetting ? { typesetting } : {}),
    },
    blocks: [
      h1('一、', '服务宗旨'),
      para('我们承诺全心服务。'),
      h1('二、', '服务承诺'),
      h2('（一）', '响应'),
      item('1.', 1, '电话响应：30分钟。'),
      item('（1）', 2, '工作日。'),
      item('（2）', 2, '节假日。'),
      item('①', 3, '春节。'),
      item('2.', 1, '到场：2小时。'),
      para('另一段落把两个列表隔开。'),
      item('1.', 1, '第二个列表从 1 开始。'),
      h1('三、', '收费标准'),
      {
        kind: 'table',
        header: ['序号', '服务项目', '单价', '说明'],
        align: ['center', 'left', 'left', 'left'],
        rows: [
          ['1', '上门服务费', '¥300.00', '市区范围内，含首小时人工费用，超出部分按实际工时另计'],
          ['2', '压缩机更换工时费', '¥1,800.00', '零部件费用另计'],
          ['合计', '', '¥2,100.00', ''],
        ],
      },
      h1('四、', '联系方式'),
      h2('（一）', '服务热线'),
      para('服务热线400-800-1234。'),
      {
        kind: 'signature',
        parties: [
          {
            role: '投标人',
            lines: ['投标人名称（盖章）：某某机电有限公司', '法定代表人或授权代表（签字）：', '日期：2026年11月24日'],
          },
        ],
      },
      { kind: 'heading', level: 1, number: '', text: '附件1 服务网点', annex: true },
      h2('（一）', '华东'),
    ],
  };
}

describe('排版方案', () => {
  it('投标文件通用格式：A4，页边距上26/下22/左25/右25毫米，章标题三号黑体，节标题小三黑体，正文小四宋体，表格五号，1.5倍行距，页码居中', () => {
    const t = resolveTypesetting();
    expect(t.margins).toEqual({ top: 26, bottom: 22, left: 25, right: 25 });
    expect([t.h1, t.h2, t.body, t.table]).toEqual([
      { face: '黑体', size: 16, bold: false },
      { face: '黑体', size: 15, bold: false },
      { face: '宋体', size: 12, bold: false },
      { face: '宋体', size: 10.5, bold: false },
    ]);
    expect(t.spacing).toEqual({ kind: 'multiple', multiple: 1.5 });
    expect(t.pageNumbers).toBe('centred');
  });

  it('GB/T 9704：页边距37/35/28/26毫米，标题二号小标宋，一、三号黑体，（一）三号楷体，正文三号仿宋，每页22行每行28字，页码“— 1 —”在外侧', () => {
    const t = resolveTypesetting({ profile: 'gbt9704' });
    expect(t.margins).toEqual({ top: 37, bottom: 35, left: 28, right: 26 });
    expect([t.title.face, t.title.size, t.h1.face, t.h1.size, t.h2.face, t.h2.size, t.body.face, t.body.size]).toEqual([
      '小标宋',
      22,
      '黑体',
      16,
      '楷体',
      16,
      '仿宋',
      16,
    ]);
    expect(t.spacing).toEqual({ kind: 'grid', linesPerPage: 22, charsPerLine: 28 });
    expect(t.pageNumbers).toBe('outside');
  });

  it('招标文件另有规定时可覆盖：正文改四号、行距改2倍、左边距改30毫米，其余不变', () => {
    const t = resolveTypesetting({
      profile: 'bid',
      overrides: { body: { size: 14 }, lineSpacing: 2, margins: { left: 30 } },
    });
    expect(t.body).toEqual({ face: '宋体', size: 14, bold: false });
    expect(t.spacing).toEqual({ kind: 'multiple', multiple: 2 });
    expect(t.margins).toEqual({ top: 26, bottom: 22, left: 30, right: 25 });
  });

  it('字号名称与磅值对照：小四 12 磅、三号 16 磅、二号 22 磅，界面显示“小四（12 磅）”', () => {
    const pt = Object.fromEntries(ZIHAO.map((z) => [z.name, z.pt]));
    expect([pt.小四, pt.三号, pt.小三, pt.五号, pt.二号]).toEqual([12, 16, 15, 10.5, 22]);
    expect(sizeLabel(12)).toBe('小四（12 磅）');
    expect(sizeLabel(13)).toBe('13 磅');
  });
});

describe('DOCX：真正的 Word 多级编号', () => {
  let parts: Record<string, string>;
  beforeAll(async () => {
    parts = docxParts(await exportDocx(plan()));
  });
  const numPr = (xml: string) =>
    /<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(xml)?.slice(1).map(Number);

  it('编号定义：一、（中文计数）→（一）→ 1. →（1）→ ①（带圈数字）', () => {
    const n = parts['word/numbering.xml']!;
    expect(n).toMatch(
      /<w:numFmt w:val="chineseCounting"\/><w:pStyle w:val="Heading1"\/>[\s\S]*?<w:lvlText w:val="%1、"\/>/,
    );
    expect(n).toMatch(
      /<w:numFmt w:val="chineseCounting"\/><w:pStyle w:val="Heading2"\/>[\s\S]*?<w:lvlText w:val="（%2）"\/>/,
    );
    expect(n).toMatch(/<w:numFmt w:val="decimal"\/>[\s\S]*?<w:lvlText w:val="%1. "\/>/);
    expect(n).toMatch(/<w:numFmt w:val="decimal"\/>[\s\S]*?<w:lvlText w:val="（%2）"\/>/);
    expect(n).toMatch(/<w:numFmt w:val="decimalEnclosedCircle"\/>[\s\S]*?<w:lvlText w:val="%3"\/>/);
  });

  it('标题 1、标题 2 样式链接到编号（用户在 Word 里插入标题时自动重新编号），标题文字里没有打进去的编号', () => {
    const styles = parts['word/styles.xml']!;
    for (const id of ['Heading1', 'Heading2'])
      expect(new RegExp(`w:styleId="${id}"[\\s\\S]*?<w:numPr>[\\s\\S]*?</w:style>`).test(styles)).toBe(true);
    const heads = paragraphs(parts['word/document.xml']!).filter((p) => p.style === 'Heading1');
    expect(heads.map((p) => p.text)).toEqual(['服务宗旨', '服务承诺', '收费标准', '联系方式', '附件1 服务网点']);
  });

  it('列表项用编号列表；嵌套项在下一级；被段落隔开的第二个列表重新从 1 开始（另一个编号实例）', () => {
    const items = paragraphs(parts['word/document.xml']!).filter((p) => p.style === 'ListText');
    const levels = items.map((p) => numPr(p.xml));
    expect(items.map((p) => p.text)).toEqual([
      '电话响应：30分钟。',
      '工作日。',
      '节假日。',
      '春节。',
      '到场：2小时。',
      '第二个列表从 1 开始。',
    ]);
    expect(levels.map((l) => l?.[0])).toEqual([0, 1, 1, 2, 0, 0]);
    const first = levels[0]![1];
    expect(levels.slice(0, 5).every((l) => l![1] === first)).toBe(true);
    expect(levels[5]![1]).not.toBe(first);
  });

  it('附件标题不参与“一、二、”编号（numId 0），附件里的（一）重新从（一）开始（新的编号实例）', () => {
    const ps = paragraphs(parts['word/document.xml']!);
    const annex = ps.find((p) => p.text === '附件1 服务网点')!;
    expect(numPr(annex.xml)?.[1]).toBe(0);
    const sub = ps.find((p) => p.text === '华东')!;
    expect(numPr(sub.xml)?.[0]).toBe(1);
    expect(parts['word/numbering.xml']).toMatch(
      new RegExp(
        `<w:num w:numId="${numPr(sub.xml)![1]}">[\\s\\S]*?<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/>`,
      ),
    );
  });

  it('封面之后是“目录”和目录域（TOC，1–2级），Word 打开时更新域', () => {
    const xml = parts['word/document.xml']!;
    const ps = paragraphs(xml);
    const toc = ps.findIndex((p) => p.style === 'TOCHeading');
    expect(ps[toc]!.text).toBe('目　录');
    expect(ps.slice(0, toc).map((p) => p.style)).toEqual(expect.arrayContaining(['Title', 'CoverInfo']));
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(parts['word/settings.xml']).toContain('<w:updateFields/>');
  });

  it('表格：表头行跨页重复，金额列右对齐，合计行加粗并有底色，序号列比说明列窄', () => {
    const xml = parts['word/document.xml']!;
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    const rows = [...tbl.matchAll(/<w:tr(?:\s[^>]*)?>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[0]).toContain('<w:tblHeader/>');
    const cells = (row: string) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells(rows[1]!)[2]).toMatch(/<w:jc w:val="right"\/>/);
    const total = cells(rows[3]!);
    expect(textOfXml(total[0]!)).toBe('合计');
    expect(total[0]).toMatch(/<w:shd [^>]*w:fill="F2F2F2"/);
    expect(total[2]).toMatch(/<w:b\/>/);
    const widths = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeLessThan(widths[3]!);
  });

  it('投标文件通用格式的页边距（上26、下22、左25、右25毫米）和正文宋体小四', () => {
    const mar = /<w:pgMar [^>]*>/.exec(parts['word/document.xml']!)![0];
    expect(mar).toMatch(/w:top="1474"/);
    expect(mar).toMatch(/w:bottom="1247"/);
    expect(mar).toMatch(/w:left="1417"/);
    expect(parts['word/styles.xml']).toMatch(
      /w:styleId="BodyText"[\s\S]*?w:eastAsia="宋体"[\s\S]*?<w:sz w:val="24"\/>/,
    );
  });
});

describe('DOCX：GB/T 9704、正本/副本、每页盖章处', () => {
  let parts: Record<string, string>;
  beforeAll(async () => {
    parts = docxParts(await exportDocx(plan({ profile: 'gbt9704', copyMark: '副本', sealEveryPage: true })));
  });
  const style = (id: string) =>
    new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(parts['word/styles.xml']!)?.[0] ?? '';

  it('页边距37/35/28/26毫米，每页22行（固定行距 = 版心高 ÷ 22）每行28字（字距），正文三号仿宋，（一）三号楷体，标题方正小标宋简体', () => {
    const mar = /<w:pgMar [^>]*>/.exec(parts['word/document.xml']!)![0];
    expect(mar).toMatch(/w:top="2098"/);
    expect(mar).toMatch(/w:left="1587"/);
    expect(parts['word/document.xml']).toMatch(/<w:docGrid [^>]*w:linePitch="579"/);
    expect(style('BodyText')).toMatch(/<w:spacing w:val="-5"\/>/);
    expect(style('BodyText')).toMatch(
      /<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"|<w:spacing [^>]*w:lineRule="exact"[^>]*w:line="579"/,
    );
    expect(style('BodyText')).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:sz w:val="32"\/>/);
    expect(style('Heading2')).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(style('Heading1')).toMatch(/w:eastAsia="黑体"/);
    expect(style('Title')).toMatch(/w:eastAsia="方正小标宋简体"/);
  });

  it('页码“— X —”：单页在右、双页在左（奇偶页不同）', () => {
    expect(parts['word/settings.xml']).toMatch(/<w:evenAndOddHeaders(?: w:val="true")?\/>/);
    const footers = Object.entries(parts)
      .filter(([n]) => /^word\/footer\d*\.xml$/.test(n))
      .map(([, x]) => x);
    expect(footers.some((f) => /<w:jc w:val="right"\/>[\s\S]*— [\s\S]*PAGE[\s\S]* —/.test(f))).toBe(true);
    expect(footers.some((f) => /<w:jc w:val="left"\/>[\s\S]*— [\s\S]*PAGE[\s\S]* —/.test(f))).toBe(true);
  });

  it('封面右上角有“副本”标记，每页页眉有“（盖章处）”', () => {
    const cover = paragraphs(parts['word/document.xml']!)
      .slice(0, 3)
      .map((p) => p.text);
    expect(cover).toContain('副本');
    const headers = Object.entries(parts)
      .filter(([n]) => /^word\/header\d*\.xml$/.test(n))
      .map(([, x]) => textOfXml(x));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const h of headers) expect(h).toContain('（盖章处）');
  });
});

describe('封面标志', () => {
  // A 2 × 1 PNG: the cover scales it to fit, keeping its proportions.
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAADklEQVR4nGP4z8AAQv8BD/kD/YURmXYAAAAASUVORK5CYII=';
  const withLogo = (): Document => ({ ...plan(), meta: { ...plan().meta, logo: { type: 'png', base64: PNG } } });

  it('项目带标志图片时，DOCX 封面有这张图（按比例缩放），PDF 照常导出', async () => {
    const parts = docxParts(await exportDocx(withLogo()));
    const xml = parts['word/document.xml']!;
    const first = xml.indexOf('<w:drawing>');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(xml.indexOf('TOCHeading'));
    const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml)!.slice(1).map(Number);
    expect(cx! / cy!).toBeCloseTo(2, 1);
    expect((await exportPdf(withLogo())).length).toBeGreaterThan(1000);
  });
});

describe('PDF：排版方案、封面标记、文档属性和符号', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('bidforge-typesetting-');
  });
  const pdfText = async (doc: Document, name: string, mode: 'layout' | 'raw' = 'layout') => {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, await exportPdf(doc));
    return { pages: (await pdftotext(file, mode)).split('\f').filter((p) => p.trim()), info: await pdfinfo(file) };
  };

  it('GB/T 9704 的 PDF：正文页码“— 1 —”“— 2 —”，封面有“正本”，每页有“（盖章处）”', async (ctx) => {
    ctx.skip(!!note, note);
    const doc = plan({ profile: 'gbt9704', copyMark: '正本', sealEveryPage: true });
    doc.blocks.splice(
      2,
      0,
      ...Array.from({ length: 30 }, (_, i) =>
        para(`第${i + 1}段：按照国家标准的公文格式排版，每页二十二行，每行二十八个字，正文使用三号仿宋字体。`),
      ),
    );
    const { pages } = await pdfText(doc, 'gbt');
    expect(squash(pages[0]!)).toContain('正本');
    for (const p of pages) expect(p).toContain('（盖章处）');
    const text = pages.join('\f');
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(/—\s*2\s*—/);
    expect(text).not.toMatch(/第\s*1\s*页/);
  });

  it('繁體項目：目錄、第 1 頁 共 N 頁、項目編號、投標人 都用繁體字', async (ctx) => {
    ctx.skip(!!note, note);
    const doc = plan();
    const { pages } = await pdfText({ ...doc, meta: { ...doc.meta, script: 'hant' } }, 'hant');
    const text = squash(pages.join(''));
    for (const s of ['目錄', '第1頁共', '項目編號：BJCG-1', '投標人：']) expect(text).toContain(s);
    expect(text).not.toMatch(/目录|页|项目编号/);
  });

  it('PDF 书签按标题层级嵌套：（一）在所属的“二、”之下', async () => {
    const bytes = Buffer.from(await exportPdf(plan())).toString('latin1');
    // The outline root has a /First child; a chapter with （一） entries under it has one too.
    const firsts = bytes.match(/\/First \d+ 0 R/g) ?? [];
    expect(firsts.length).toBeGreaterThanOrEqual(2);
    expect(bytes).toContain('/PageMode /UseOutlines');
  });

  it('文档属性：标题、作者（投标人）、主题（文档名称）', async (ctx) => {
    ctx.skip(!!note, note);
    const { info } = await pdfText(plan(), 'info');
    expect([info.Title, info.Author, info.Subject]).toEqual([
      '某医院空调采购项目售后服务方案',
      '某某机电有限公司',
      '售后服务方案',
    ]);
  });

  const SYMBOLS = [...'①②③④⑤⑥⑦⑧⑨⑩', '≥', '≤', '×', '℃', '¥', '※', ...'，。、；：？！“”‘’（）《》【】…—～'];

  it('符号 ①–⑩ ≥ ≤ × ℃ ¥ ※ 和全角标点都能从 PDF 中提取出来（字体有这些字形，不是空白方框）', async (ctx) => {
    ctx.skip(!!note, note);
    const doc = plan();
    doc.blocks.push(para(`符号：${SYMBOLS.join(' ')}`));
    expect(missingGlyphs(doc)).toEqual([]);
    const { pages } = await pdfText(doc, 'symbols', 'raw');
    const text = pages.join('');
    for (const s of SYMBOLS) expect(text, s).toContain(s);
  });
});
