// The DOCX's fields carry their results (no field update needed): the footer's page count and the 目录's entries
// with page numbers, both from the PDF's own pagination. LibreOffice's reading of them is in proof.test.ts.
import { describe, expect, it } from 'vitest';
import { exportDocx } from '@core/export/docx.js';
import { paginate } from '@core/export/pdf.js';
import { docxParts, decodeXml } from '../helpers/docx.js';
import { loadSample } from '../helpers/sample.js';

describe('DOCX 的域带着结果', () => {
  it('页脚“共 N 页”的 SECTIONPAGES 域存着正文页数（不含封面和目录），与 PDF 的正文页数相同', async () => {
    const { document } = await loadSample();
    const parts = docxParts(await exportDocx(document));
    const footer = Object.entries(parts).find(
      ([n, x]) => /^word\/footer\d+\.xml$/.test(n) && x.includes('SECTIONPAGES'),
    )![1];
    const result =
      /SECTIONPAGES<\/w:instrText><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/.exec(
        footer,
      )?.[1];
    const pages = await paginate(document);
    expect(pages.bodyPages).toBeGreaterThan(3);
    expect(Number(result)).toBe(pages.bodyPages);
  });

  it('目录域里有每个一级、二级标题的条目（带“一、”“（一）”编号）和页码，页码与 PDF 目录相同', async () => {
    const { document } = await loadSample();
    const xml = docxParts(await exportDocx(document))['word/document.xml']!;
    const toc = /<w:sdtContent>([\s\S]*?)<\/w:sdtContent>/.exec(xml)![1]!;
    const entries = [...toc.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?PAGEREF[\s\S]*?<\/w:p>/g)].map((m) => {
      const text = [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1]!)).join('');
      return { title: text.replace(/\d+$/, '').replace(/\s+/g, ''), page: Number(/(\d+)$/.exec(text)?.[1]) };
    });
    const headings = document.blocks.flatMap((b) => (b.kind === 'heading' && b.level < 3 ? [b.number + b.text] : []));
    expect(entries.map((e) => e.title)).toEqual(headings.map((h) => h.replace(/\s+/g, '')));
    expect(entries.map((e) => e.page)).toEqual((await paginate(document)).entries);
    expect(toc).toContain('TOC \\h \\o &quot;1-2&quot;');
  });
});
