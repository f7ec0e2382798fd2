// Each form in its own layout (#16 item 4), as readers see the files: our PDF through pdftotext, our DOCX through
// LibreOffice (converted to PDF, then pdftotext). The 承诺书 reads as a letter, the 偏离表 as a form, and a cover
// title breaks between words.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '@core/export/docx.js';
import { balancedTitle, titleWords } from '@core/export/labels.js';
import { exportPdf } from '@core/export/pdf.js';
import type { Document } from '@core/model/document.js';
import { api } from '../helpers/sample.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdftotext, sofficeToPdf } from '../helpers/tools.js';

const note = missingTools(['soffice', 'pdftotext']);
const LONG_TITLE = '滨江市第一人民医院净化空调机组采购项目';

type Read = { ours: string[]; libreoffice: string[]; doc: Document };
const reads = new Map<string, Read>();

/** A PDF's pages, each as its non-empty lines with the spaces taken out. */
const pagesOf = (text: string) =>
  text
    .split('\f')
    .filter((p) => p.trim())
    .map((p) => p.split('\n').map(squash).filter(Boolean));

beforeAll(async () => {
  if (note) return;
  const a = api();
  const dir = tempDir('bidforge-forms-');
  const plan = (await a.openSample({ name: 'service-plan-sample' })).project;
  const cases: [string, Document][] = [
    [
      'letter',
      (await a.preview({ project: (await a.openSample({ name: 'commitment-letter-sample' })).project })).document,
    ],
    // The bid package's 偏离表 answers with the hotline (400-800-1234) in a table cell.
    [
      'form',
      (
        await a.preview({
          project: (await a.openSample({ name: 'bid-package-sample' })).project,
          document: 'deviation-table',
        })
      ).document,
    ],
    ['cover', (await a.preview({ project: { ...plan, title: LONG_TITLE } })).document],
  ];
  await Promise.all(
    cases.map(async ([name, doc]) => {
      writeFileSync(join(dir, `${name}.pdf`), await exportPdf(doc));
      writeFileSync(join(dir, `${name}.docx`), await exportDocx(doc));
      const lo = await sofficeToPdf(join(dir, `${name}.docx`), join(dir, `lo-${name}`));
      reads.set(name, {
        doc,
        ours: [await pdftotext(join(dir, `${name}.pdf`), 'layout')],
        libreoffice: [await pdftotext(lo, 'layout')],
      });
    }),
  );
}, 180_000);

const routes = ['ours', 'libreoffice'] as const;
/** The lines of the body: running header (the project title) and footer (第 X 页 共 N 页) left out. */
const bodyLines = (page: string[], title: string) =>
  page.filter((l) => l !== squash(title) && !/^第\d+页共\d+页$/.test(l));

describe.each(routes)('承诺书（%s）', (route) => {
  const read = () => reads.get('letter')!;
  const pages = () => pagesOf(read()[route][0]!);

  it('没有封面：第 1 页就是正文（页脚“第 1 页”），标题“售后服务承诺书”在最上，下一行是“致：……”', (ctx) => {
    ctx.skip(!!note, note);
    const first = pages()[0]!;
    expect(first.some((l) => /^第1页共\d+页$/.test(l))).toBe(true);
    const body = bodyLines(first, read().doc.meta.title);
    expect(body[0]).toBe(read().doc.meta.projectName);
    expect(body[1]).toMatch(/^致[:：]/);
  });

  it('没有目录，也没有“一、”这样的章节标题', (ctx) => {
    ctx.skip(!!note, note);
    const all = pages().flat();
    expect(all.filter((l) => /^目录$|^目　录$/.test(l))).toEqual([]);
    expect(all.filter((l) => /^[一二三四五六七八九十]+、/.test(l))).toEqual([]);
  });

  it('以盖单位章、签字和日期结束：最后一页的最后一行是日期', (ctx) => {
    ctx.skip(!!note, note);
    const last = bodyLines(pages()[pages().length - 1]!, read().doc.meta.title);
    expect(last.join('')).toContain('（盖单位章）');
    expect(last[last.length - 1]).toMatch(/^日期：\d{4}年\d{1,2}月\d{1,2}日$/);
  });
});

describe('没有封面的文件也标正本/副本', () => {
  it('承诺书选了“正本”：第 1 页最上方是“正本”，然后才是标题', async (ctx) => {
    ctx.skip(!!note, note);
    const a = api();
    const { project } = await a.openSample({ name: 'commitment-letter-sample' });
    const { document } = await a.preview({
      project: { ...project, typesetting: { profile: 'bid', copyMark: '正本' } },
    });
    const file = join(tempDir('bidforge-copy-'), 'letter.pdf');
    writeFileSync(file, await exportPdf(document));
    const body = bodyLines(pagesOf(await pdftotext(file, 'layout'))[0]!, document.meta.title);
    expect(body.slice(0, 2)).toEqual(['正本', document.meta.projectName]);
  });
});

describe.each(routes)('偏离表（%s）', (route) => {
  const read = () => reads.get('form')!;
  const pages = () => pagesOf(read()[route][0]!);

  it('没有封面和目录：第 1 页先是标题，然后是说明和表头（序号 …），没有“一、”', (ctx) => {
    ctx.skip(!!note, note);
    const body = bodyLines(pages()[0]!, read().doc.meta.title);
    expect(body[0]).toBe(read().doc.meta.projectName);
    expect(body.some((l) => l.startsWith('序号'))).toBe(true);
    const all = pages().flat();
    expect(all.filter((l) => /^[一二三四五六七八九十]+、/.test(l) || /^目录$/.test(l))).toEqual([]);
  });

  it('表格里的电话、日期和数字不在中间断行（如 400-800-1234 不断成 400-800-123 / 4）', (ctx) => {
    ctx.skip(!!note, note);
    const lines = pages().flat();
    const figures = read()
      .doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : []))
      .flatMap((c) => c.match(/\d[\d,.:/×-]{4,}\d/g) ?? []);
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures)
      expect(
        lines.some((l) => l.includes(f)),
        f,
      ).toBe(true);
  });

  it('表后是签署栏：盖单位章，最后一行是日期', (ctx) => {
    ctx.skip(!!note, note);
    const last = bodyLines(pages()[pages().length - 1]!, read().doc.meta.title);
    expect(last.join('')).toContain('（盖单位章）');
    expect(last[last.length - 1]).toMatch(/^日期：/);
  });
});

describe('封面标题在词与词之间换行', () => {
  it('分词：“医院”“净化”“空调”各是一个词，括号跟着它的词', () => {
    expect(titleWords(LONG_TITLE)).toEqual(expect.arrayContaining(['医院', '净化', '空调', '采购', '项目']));
    expect(titleWords('某县办公楼维保项目（第二次）').at(-1)).toBe('（第二次）');
  });

  it('断行只落在词的边界上，行数最少，各行长短尽量相近', () => {
    for (const title of [
      LONG_TITLE,
      '滨江市第二中学学生宿舍空气能热水系统采购项目',
      '某某县人民政府办公楼中央空调维保服务项目（第二次）',
      '濱江市第一人民醫院淨化空調機組採購項目',
    ]) {
      const words = titleWords(title);
      const bounds = new Set(words.map((_, i) => words.slice(0, i).join('').length));
      const lines = balancedTitle(title, 14).split('\n');
      expect(lines.join('')).toBe(title);
      expect(lines.length).toBe(Math.ceil([...title].length / 14));
      let at = 0;
      for (const line of lines.slice(0, -1)) {
        at += line.length;
        expect(bounds.has(at), `${title}: break after ${line}`).toBe(true);
      }
      const lengths = lines.map((l) => [...l].length);
      expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(4);
    }
    expect(balancedTitle(LONG_TITLE, 14)).toBe('滨江市第一人民医院\n净化空调机组采购项目');
  });

  for (const route of routes)
    it(`${route}：封面上是“滨江市第一人民医院 / 净化空调机组采购项目”两行，不是“…医院净 / 化空调…”`, (ctx) => {
      ctx.skip(!!note, note);
      const cover = pagesOf(reads.get('cover')![route][0]!)[0]!;
      expect(cover).toContain('滨江市第一人民医院');
      expect(cover).toContain('净化空调机组采购项目');
    });
});
