// Fonts by script and profile (#16 items 6 and 7): the PDF embeds Noto SC for 简体 and Noto TC for 繁體 (centred
// punctuation), LXGW WenKai for GB/T 9704's 楷体 headings; the DOCX names zh-CN / zh-TW and the fonts Word uses for
// each; and GB/T 9704's grid — 28 characters a line, 22 lines a page — measured on the PDF's text positions.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '@core/export/docx.js';
import { missingGlyphs } from '@core/export/glyphs.js';
import { exportPdf } from '@core/export/pdf.js';
import type { Block, Document } from '@core/model/document.js';
import type { TypesettingChoice } from '@core/model/typesetting.js';
import { docxParts } from '../helpers/docx.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdffonts, sofficeToPdf } from '../helpers/tools.js';

const note = missingTools(['pdffonts']);
const PDFJS = 'pdfjs-dist/legacy/build/pdf.mjs';

const para = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });
const heading = (level: 1 | 2, number: string, text: string): Block => ({ kind: 'heading', level, number, text });

/** A short plan with a 一、 and a （一） heading, then `paragraphs` body paragraphs. */
function doc(
  opts: { script?: 'hans' | 'hant'; typesetting?: TypesettingChoice; paragraphs?: string[] } = {},
): Document {
  const hant = opts.script === 'hant';
  return {
    meta: {
      title: hant ? '某醫院空調採購項目售後服務方案' : '某医院空调采购项目售后服务方案',
      projectName: hant ? '售後服務方案' : '售后服务方案',
      projectNo: 'BJCG-1',
      bidder: hant ? '某某機電有限公司' : '某某机电有限公司',
      date: '2026-11-24',
      docType: 'service-plan',
      draft: false,
      ...(opts.script ? { script: opts.script } : {}),
      ...(opts.typesetting ? { typesetting: opts.typesetting } : {}),
    },
    blocks: [
      heading(1, '一、', hant ? '服務承諾' : '服务承诺'),
      heading(2, '（一）', hant ? '響應時間' : '响应时间'),
      ...(
        opts.paragraphs ?? [
          hant
            ? '乙方接到報修後，30分鐘內響應，並為用戶提供備件；甲方進行複核，複核合格後簽署驗收單。'
            : '乙方接到报修后，30分钟内响应，并为用户提供备件；甲方进行复核，复核合格后签署验收单。',
        ]
      ).map(para),
    ],
  };
}

let dir: string;
beforeAll(() => {
  dir = tempDir('bidforge-fonts-');
});

async function fontsOf(d: Document, name: string): Promise<string[]> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await exportPdf(d));
  const fonts = await pdffonts(file);
  for (const f of fonts) expect(f, f.name).toMatchObject({ emb: true, sub: true });
  return fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
}

describe('PDF 字体随文字（简体 / 繁體）和排版方案而定（pdffonts）', () => {
  it('简体：嵌入 Noto Serif SC 与 Noto Sans SC，没有 TC 字体', async (ctx) => {
    ctx.skip(!!note, note);
    const names = await fontsOf(doc(), 'hans');
    expect(names.some((n) => /^NotoSerifSC/.test(n))).toBe(true);
    expect(names.some((n) => /^NotoSansSC/.test(n))).toBe(true);
    expect(names.filter((n) => /TC/.test(n))).toEqual([]);
  });

  it('繁體：嵌入 Noto Serif TC 与 Noto Sans TC（標點居中），沒有 SC 字體', async (ctx) => {
    ctx.skip(!!note, note);
    const names = await fontsOf(doc({ script: 'hant' }), 'hant');
    expect(names.some((n) => /^NotoSerifTC/.test(n))).toBe(true);
    expect(names.some((n) => /^NotoSansTC/.test(n))).toBe(true);
    expect(names.filter((n) => /SC/.test(n))).toEqual([]);
  });

  it('繁體之後再導出简体：仍用 SC 字体（字体设置不留在上一次导出里）', async (ctx) => {
    ctx.skip(!!note, note);
    await fontsOf(doc({ script: 'hant' }), 'hant-first');
    const names = await fontsOf(doc(), 'hans-after');
    expect(names.filter((n) => /TC/.test(n))).toEqual([]);
  });

  it('GB/T 9704：（一）级标题用楷体（嵌入 LXGW WenKai），一、级标题黑体（Noto Sans SC），正文仿宋的替代字体 Noto Serif SC', async (ctx) => {
    ctx.skip(!!note, note);
    const names = await fontsOf(doc({ typesetting: { profile: 'gbt9704' } }), 'gbt9704');
    expect(names.some((n) => /^LXGWWenKai/.test(n))).toBe(true);
    expect(names.some((n) => /^NotoSansSC/.test(n))).toBe(true);
    expect(names.some((n) => /^NotoSerifSC/.test(n))).toBe(true);
  });

  it('繁體文檔的字形檢查用 TC 字體：常用繁體字都有字形；TC 字體沒有的簡體字（区）報錯，而不是印成空白', () => {
    expect(missingGlyphs(doc({ script: 'hant' }))).toEqual([]);
    const odd = doc({ script: 'hant', paragraphs: ['聯繫地址：北京市海淀区'] });
    expect(missingGlyphs(odd).map((p) => p.params?.char)).toEqual(['区']);
    expect(missingGlyphs({ ...odd, meta: { ...odd.meta, script: 'hans' } })).toEqual([]);
  });
});

describe('DOCX 语言与字体名（styles.xml）', () => {
  const stylesOf = async (d: Document) => docxParts(await exportDocx(d))['word/styles.xml']!;
  const style = (xml: string, id: string) =>
    new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(xml)?.[0] ?? '';
  const defaults = (xml: string) => /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(xml)?.[0] ?? '';

  it('简体：w:lang eastAsia="zh-CN"，正文宋体、标题黑体', async () => {
    const xml = await stylesOf(doc());
    expect(defaults(xml)).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(style(xml, 'BodyText')).toMatch(/w:eastAsia="宋体"/);
    expect(style(xml, 'Heading1')).toMatch(/w:eastAsia="黑体"/);
  });

  it('繁體：w:lang eastAsia="zh-TW"，正文新細明體、標題微軟正黑體，沒有簡體字體名', async () => {
    const xml = await stylesOf(doc({ script: 'hant' }));
    expect(defaults(xml)).toMatch(/<w:lang [^>]*w:eastAsia="zh-TW"/);
    expect(xml).not.toMatch(/zh-CN/);
    expect(style(xml, 'BodyText')).toMatch(/w:eastAsia="新細明體"/);
    expect(style(xml, 'Heading1')).toMatch(/w:eastAsia="微軟正黑體"/);
    expect(xml).not.toMatch(/w:eastAsia="(宋体|黑体)"/);
  });

  it('GB/T 9704：正文仿宋_GB2312、（一）楷体_GB2312、一、黑体', async () => {
    const xml = await stylesOf(doc({ typesetting: { profile: 'gbt9704' } }));
    expect(style(xml, 'BodyText')).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(style(xml, 'Heading2')).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(style(xml, 'Heading1')).toMatch(/w:eastAsia="黑体"/);
  });
});

type TextItem = { str: string; transform: number[] };
type PdfJsDoc = {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: TextItem[] }> }>;
};

/** A page's body lines, top to bottom: the characters of each (spaces left out), by the text's baseline. */
async function linesOf(pdf: Uint8Array, page: number, size: number): Promise<string[]> {
  const { getDocument } = (await import(PDFJS)) as {
    getDocument(src: Record<string, unknown>): { promise: Promise<PdfJsDoc> };
  };
  const d = await getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const { items } = await (await d.getPage(page)).getTextContent();
  const rows = new Map<number, { x: number; s: string }[]>();
  for (const it of items) {
    // Only body-size text: the running header, the footer's page number and the seal box are smaller or larger.
    if (!it.str.trim() || Math.abs(Math.hypot(it.transform[0]!, it.transform[1]!) - size) > 0.01) continue;
    const y = Math.round(it.transform[5]!);
    rows.set(y, [...(rows.get(y) ?? []), { x: it.transform[4]!, s: it.str }]);
  }
  return [...rows.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, r]) =>
      r
        .sort((a, b) => a.x - b.x)
        .map((p) => p.s)
        .join('')
        .replace(/\s/g, ''),
    );
}

/** Plain text without punctuation at line ends (no hanging or squeezing), more than a page of it. */
function gridDoc(): Document {
  const sentence = '乙方按照国家标准的公文格式排版正文使用三号仿宋字体每行二十八个字每页二十二行';
  const paragraphs = Array.from(
    { length: 12 },
    (_, i) => `第${'一二三四五六七八九十'[i % 10]}段${sentence.repeat(3)}。`,
  );
  return doc({ typesetting: { profile: 'gbt9704' }, paragraphs });
}

/** The first page of body text alone (no heading on it) holds 22 lines; its full lines hold 28 characters. */
function expectGrid(pages: string[][]): void {
  const full = pages.find((lines) => lines.length >= 20 && lines.every((l) => !/^[一二]、|^（一）/.test(l)));
  expect(full, JSON.stringify(pages.map((p) => p.length))).toBeDefined();
  expect(full!.length).toBe(22);
  // A paragraph's first line is indented two characters (26), its last line is shorter; every other line is full.
  const counts = full!.map((l) => [...l].length);
  const fullLines = counts.filter((n) => n > 26);
  expect(fullLines.length).toBeGreaterThan(10);
  for (const n of fullLines) expect(n).toBe(28);
}

describe('GB/T 9704 版心：每行28字、每页22行', () => {
  it('我们的 PDF（pdfjs-dist 读出的文字位置）：一整页正文22行，满行都是28个字', async () => {
    const pdf = await exportPdf(gridDoc());
    writeFileSync(join(dir, 'gbt9704-grid.pdf'), pdf);
    expectGrid(await Promise.all([1, 2, 3].map((p) => linesOf(pdf, p, 16))));
  });

  it('DOCX 在 LibreOffice 里（固定行距 28.95 磅、字距 −0.25 磅）：同样22行、每行28字', async (ctx) => {
    const lo = missingTools(['soffice']);
    ctx.skip(!!lo, lo);
    const file = join(dir, 'gbt9704-grid.docx');
    writeFileSync(file, await exportDocx(gridDoc()));
    const pdf = new Uint8Array(readFileSync(await sofficeToPdf(file, dir)));
    expectGrid(await Promise.all([1, 2, 3, 4].map((p) => linesOf(pdf, p, 16))));
  }, 180_000);
});
