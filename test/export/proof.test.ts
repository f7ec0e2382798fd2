// Proof with independent readers, for every sample project: LibreOffice converts our DOCX, poppler reads both PDFs.
// LibreOffice starts once for all samples (each start costs about 1.5 s on these machines).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '@core/export/docx.js';
import { exportPdf } from '@core/export/pdf.js';
import { documentLayout, type Document } from '@core/model/document.js';
import { templatesDir } from '../helpers/paths.js';
import { api } from '../helpers/sample.js';
import { expectInOrder } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdffonts, pdfinfo, pdftotext, type PdfFont } from '../helpers/tools.js';
import { bodyStart, bodyText, documentTexts } from './proofText.js';

const run = promisify(execFile);
const note = missingTools(['soffice', 'pdftotext', 'pdffonts', 'pdfinfo']);
/**
 * Every sample as it is, each further document of a bid package on its own (name#document), plus one in the
 * GB/T 9704 profile with a copy mark and the per-page seal box.
 */
const GBT = 'service-plan-sample@gbt9704';
const samples = [
  ...readdirSync(join(templatesDir, 'samples'))
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const name = f.replace(/\.json$/, '');
      const { blueprint, documents = [] } = JSON.parse(readFileSync(join(templatesDir, 'samples', f), 'utf8')) as {
        blueprint: string;
        documents?: string[];
      };
      return [name, ...documents.filter((d) => d !== blueprint).map((d) => `${name}#${d}`)];
    }),
  GBT,
];

type Route = { text: string; layout: string; pages: number };
type Proof = { document: Document; ours: Route; libreoffice: Route; fonts: PdfFont[] };
const proofs = new Map<string, Proof>();

async function route(file: string): Promise<Route> {
  const [text, layout, info] = await Promise.all([pdftotext(file, 'raw'), pdftotext(file, 'layout'), pdfinfo(file)]);
  return { text, layout, pages: Number(info.Pages) };
}

beforeAll(async () => {
  if (note) return;
  const dir = tempDir('bidforge-proof-');
  const a = api();
  const docs = new Map<string, Document>();
  for (const name of samples) {
    const [sample, profile] = name.split('@');
    const [file, part] = sample!.split('#');
    const { project } = await a.openSample({ name: file! });
    const { document } = await a.preview({
      project: profile
        ? { ...project, typesetting: { profile: 'gbt9704', copyMark: '正本', sealEveryPage: true } }
        : project,
      ...(part ? { document: part } : {}),
    });
    docs.set(name, document);
    writeFileSync(join(dir, `${name}.docx`), await exportDocx(document));
    writeFileSync(join(dir, `${name}.pdf`), await exportPdf(document));
  }
  const loDir = join(dir, 'lo');
  const profile = mkdtempSync(join(tmpdir(), 'bidforge-lo-profile-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        loDir,
        ...samples.map((n) => join(dir, `${n}.docx`)),
      ],
      { timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  await Promise.all(
    samples.map(async (name) => {
      const [ours, libreoffice, fonts] = await Promise.all([
        route(join(dir, `${name}.pdf`)),
        route(join(loDir, `${name}.pdf`)),
        pdffonts(join(dir, `${name}.pdf`)),
      ]);
      proofs.set(name, { document: docs.get(name)!, ours, libreoffice, fonts });
    }),
  );
}, 120_000);

describe.each(samples)('样例 %s', (name) => {
  const proof = () => proofs.get(name)!;

  it('LibreOffice 转换 DOCX 后的文字按顺序包含文档的每个标题、段落、列表项、表格单元格和签署行（页眉页脚、目录除外）', (ctx) => {
    ctx.skip(!!note, note);
    const { document, libreoffice } = proof();
    // LibreOffice hangs a line-final ，。 past the right margin, as Word does, but its PDF export then leaves it
    // out (it is not drawn either): that punctuation is compared on our PDF's route only.
    const hangable = (s: string) => s.replace(/[，。、；：！？]/g, '');
    expectInOrder(
      hangable(bodyText(libreoffice.text, document.meta.title)),
      documentTexts(document).map(hangable).filter(Boolean),
    );
  });

  it('我们的 PDF 文字按顺序包含文档的每个标题、段落、列表项、表格单元格和签署行（页眉页脚、目录除外）', (ctx) => {
    ctx.skip(!!note, note);
    const { document, ours } = proof();
    expectInOrder(bodyText(ours.text, document.meta.title), documentTexts(document));
  });

  it('PDF 的每个字体都嵌入且为子集', (ctx) => {
    ctx.skip(!!note, note);
    expect(proof().fonts.length).toBeGreaterThan(0);
    for (const f of proof().fonts) expect(f, f.name).toMatchObject({ emb: true, sub: true });
  });

  it('我们的 PDF 与 LibreOffice 由 DOCX 转出的 PDF 页数相差不超过 15%', (ctx) => {
    ctx.skip(!!note, note);
    const { ours, libreoffice } = proof();
    expect(
      Math.abs(ours.pages - libreoffice.pages) / Math.max(ours.pages, libreoffice.pages),
      `ours ${ours.pages}, LibreOffice ${libreoffice.pages}`,
    ).toBeLessThanOrEqual(0.15);
  });

  it('两条路线的正文页码都从第 1 页开始，逐页加一：报告在封面（和目录）之后，承诺书、偏离表、保修卡没有封面，从首页开始', (ctx) => {
    ctx.skip(!!note, note);
    const report = documentLayout(proof().document) === 'report';
    for (const r of [proof().ours, proof().libreoffice]) {
      const pages = r.layout.split('\f').filter((p) => p.trim());
      const start = bodyStart(pages);
      if (report) expect(start).toBeGreaterThanOrEqual(1);
      else expect(start).toBe(0);
      const numbers = pages
        .slice(start)
        .map((p) => Number(/第\s*(\d+)\s*页|—\s*(\d+)\s*—/.exec(p)?.slice(1).find(Boolean)));
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('PDF 目录的页码等于各标题所在正文页的页码', (ctx) => {
    ctx.skip(!!note, note);
    const { ours } = proof();
    const pages = ours.layout.split('\f');
    const start = bodyStart(pages);
    const tocEntries = pages
      .slice(0, start)
      .flatMap((p) => p.split('\n'))
      .map((l) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(l))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => ({ heading: m[1]!.replace(/\s+/g, ''), page: Number(m[2]) }));
    if (!tocEntries.length) return; // a short document has no contents
    let at = start;
    for (const e of tocEntries) {
      while (at < pages.length && !pages[at]!.replace(/\s+/g, '').includes(e.heading)) at++;
      expect(at - start + 1, e.heading).toBe(e.page);
    }
  });

  it('LibreOffice 打开 DOCX 不更新域：正文每页页脚“第 X 页 共 N 页”，N 等于它排出的正文页数', (ctx) => {
    ctx.skip(!!note, note);
    const pages = proof()
      .libreoffice.layout.split('\f')
      .filter((p) => p.trim());
    const body = pages.slice(bodyStart(pages));
    if (body.some((p) => /—\s*\d+\s*—/.test(p))) return; // GB/T 9704 numbers pages without a count
    const counts = body.map((p) => Number(/第\s*\d+\s*[页頁]\s*共\s*(\d*)\s*[页頁]/.exec(p)?.[1] || NaN));
    expect(counts).toEqual(body.map(() => body.length));
  });

  it('LibreOffice 打开 DOCX 不更新域：目录列出每个一级、二级标题，带我们排出的页码', (ctx) => {
    ctx.skip(!!note, note);
    const { document, libreoffice, ours } = proof();
    const listed = document.blocks.filter((b) => b.kind === 'heading' && b.level < 3).length;
    const entries = (layout: string) => {
      const pages = layout.split('\f');
      return pages
        .slice(0, bodyStart(pages))
        .flatMap((p) => p.split('\n'))
        .map((l) => /^\s*(\S.*?)[\s.…·]{2,}(\d+)\s*$/.exec(l))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => Number(m[2]));
    };
    if (!entries(ours.layout).length) return; // a short document has no contents
    expect(entries(libreoffice.layout)).toHaveLength(listed);
    expect(entries(libreoffice.layout)).toEqual(entries(ours.layout));
  });
});
