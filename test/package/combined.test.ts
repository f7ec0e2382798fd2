// One bid package, one file (#16 item 5): every document of the sample package behind one cover and one 目录, in the
// order the package lists them, page numbers continuous or per part, a PDF bookmark per part. Read by pdftotext
// (our PDF), pdfjs-dist (its outline) and LibreOffice (our DOCX, converted without updating its fields).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '@core/export/docx.js';
import { exportPdf } from '@core/export/pdf.js';
import type { Document, PageNumbering } from '@core/model/document.js';
import { combineDocuments, PACKAGE_TITLE } from '@core/package/combine.js';
import { api } from '../helpers/sample.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdftotext, sofficeToPdf } from '../helpers/tools.js';

const note = missingTools(['soffice', 'pdftotext']);

type OutlineItem = { title: string; dest: unknown; items: OutlineItem[] };
type PdfJsDoc = {
  numPages: number;
  getOutline(): Promise<OutlineItem[] | null>;
  getDestination(name: string): Promise<unknown[] | null>;
  getPageIndex(ref: unknown): Promise<number>;
};
const PDFJS = 'pdfjs-dist/legacy/build/pdf.mjs';

const parts: Document[] = [];
const texts = new Map<string, { ours: string; libreoffice: string; pdf: Uint8Array }>();

beforeAll(async () => {
  const a = api();
  const { project } = await a.openSample({ name: 'bid-package-sample' });
  for (const id of project.documents ?? []) parts.push((await a.preview({ project, document: id })).document);
  if (note) return;
  const dir = tempDir('bidforge-combined-');
  for (const mode of ['continuous', 'per-part'] as PageNumbering[]) {
    const pkg = combineDocuments(parts, mode);
    const pdf = await exportPdf(pkg);
    writeFileSync(join(dir, `${mode}.pdf`), pdf);
    writeFileSync(join(dir, `${mode}.docx`), await exportDocx(pkg));
    const lo = await sofficeToPdf(join(dir, `${mode}.docx`), join(dir, `lo-${mode}`));
    texts.set(mode, {
      pdf,
      ours: await pdftotext(join(dir, `${mode}.pdf`), 'layout'),
      libreoffice: await pdftotext(lo, 'layout'),
    });
  }
}, 240_000);

/** Pages as their non-empty lines, spaces removed. */
const pagesOf = (text: string) =>
  text
    .split('\f')
    .filter((p) => p.trim())
    .map((p) => p.split('\n').map(squash).filter(Boolean));
const footerOf = (page: string[]) => page.map((l) => /^第(\d+)页共(\d+)页$/.exec(l)).find(Boolean);
/** The 目录's entries: a title, a run of dots or spaces, a page number. */
const contentsOf = (pages: string[][]) =>
  pages
    .flat()
    .map((l) => /^(.+?)[.·…]*(\d+)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ title: m[1]!, page: Number(m[2]) }));
const titles = () => parts.map((p) => p.meta.projectName);

describe.each(['ours', 'libreoffice'] as const)('合订本（%s）', (route) => {
  const pages = (mode: PageNumbering) => pagesOf(texts.get(mode)![route]);
  /** Where the body starts: the first page with a footer. */
  const start = (mode: PageNumbering) => pages(mode).findIndex((p) => footerOf(p));

  it('只有一个封面（项目名称、“投标文件”），各部分不再各有封面和目录', (ctx) => {
    ctx.skip(!!note, note);
    const all = pages('continuous');
    expect(all[0]).toContain(PACKAGE_TITLE.hans);
    expect(all[0]!.join('')).toContain(squash(parts[0]!.meta.title));
    const coverLike = all.filter((p) => p.includes(PACKAGE_TITLE.hans));
    expect(coverLike).toHaveLength(1);
    expect(all.flat().filter((l) => l === '目录')).toHaveLength(1);
  });

  it('一个目录按投标文件包的顺序列出每一部分，页码是该部分标题所在的正文页', (ctx) => {
    ctx.skip(!!note, note);
    const all = pages('continuous');
    const s = start('continuous');
    const entries = contentsOf(all.slice(1, s));
    const partEntries = entries.filter((e) => titles().includes(e.title));
    expect(partEntries.map((e) => e.title)).toEqual(titles());
    for (const e of partEntries) {
      const page = all[s + e.page - 1]!;
      expect(page, e.title).toContain(e.title);
      expect(Number(footerOf(page)![1])).toBe(e.page);
    }
  });

  it('连续页码：正文每页页脚“第 X 页 共 N 页”，X 从 1 逐页加一，N 是正文总页数', (ctx) => {
    ctx.skip(!!note, note);
    const body = pages('continuous').slice(start('continuous'));
    const footers = body.map((p) => footerOf(p));
    expect(footers.map((f) => Number(f?.[1]))).toEqual(body.map((_, i) => i + 1));
    expect(new Set(footers.map((f) => Number(f?.[2])))).toEqual(new Set([body.length]));
  });

  it('分部分页码：每部分从第 1 页起，“共 N 页”是该部分的页数', (ctx) => {
    ctx.skip(!!note, note);
    const body = pages('per-part').slice(start('per-part'));
    const firsts = body.flatMap((p, i) => (Number(footerOf(p)?.[1]) === 1 ? [i] : []));
    expect(firsts).toHaveLength(parts.length);
    firsts.forEach((first, k) => {
      expect(body[first], titles()[k]).toContain(titles()[k]);
      const end = firsts[k + 1] ?? body.length;
      for (let i = first; i < end; i++) {
        expect(Number(footerOf(body[i]!)?.[1])).toBe(i - first + 1);
        expect(Number(footerOf(body[i]!)?.[2])).toBe(end - first);
      }
    });
  });
});

describe('PDF 书签（pdfjs-dist 读取）', () => {
  it('每一部分一个顶层书签，按顺序，指向该部分标题所在页；方案的章节在它下面', async (ctx) => {
    ctx.skip(!!note, note);
    const { getDocument } = (await import(PDFJS)) as {
      getDocument(src: Record<string, unknown>): { promise: Promise<PdfJsDoc> };
    };
    const doc = await getDocument({ data: texts.get('continuous')!.pdf.slice(), isEvalSupported: false, verbosity: 0 })
      .promise;
    const outline = (await doc.getOutline()) ?? [];
    expect(outline.map((o) => o.title)).toEqual(titles());
    expect(outline[0]!.items.map((o) => o.title).slice(0, 2)).toEqual(
      parts[0]!.blocks
        .flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [`${b.number}${b.text}`] : []))
        .slice(0, 2),
    );
    const pages = pagesOf(texts.get('continuous')!.ours);
    for (const item of outline) {
      const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : (item.dest as unknown[]);
      const index = await doc.getPageIndex(dest![0]);
      expect(pages[index], item.title).toContain(item.title);
    }
  });
});
