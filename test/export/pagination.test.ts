// Pagination rules of the PDF: no orphan headings, no one-line widows or orphans, an introducing sentence with its
// table, the closing words with the signature, and a contents page with leaders and no lone entry.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPdf, pdfDefinition } from '@core/export/pdf.js';
import { contentsPages } from '@core/export/pdfContents.js';
import { planBreaks } from '@core/export/pdfKeep.js';
import type { Block, Document } from '@core/model/document.js';
import { api } from '../helpers/sample.js';
import { templatesDir } from '../helpers/paths.js';
import { squash } from '../helpers/text.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdftotext } from '../helpers/tools.js';
import { bodyLines, paginationFaults } from './pagination.js';

const note = missingTools(['pdftotext']);
const dir = tempDir('bidforge-pagination-');

async function layoutOf(doc: Document, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await exportPdf(doc));
  return pdftotext(file, 'layout');
}

/** Every document of every sample (each document of a bid package on its own), assembled as the app does. */
async function sampleDocuments(): Promise<{ name: string; doc: Document }[]> {
  const a = api();
  const out: { name: string; doc: Document }[] = [];
  for (const file of readdirSync(join(templatesDir, 'samples')).filter((f) => f.endsWith('.json'))) {
    const name = file.replace(/\.json$/, '');
    const { project } = await a.openSample({ name });
    for (const d of project.documents?.length ? project.documents : [undefined]) {
      const { document } = await a.preview({ project, ...(d ? { document: d } : {}) });
      out.push({ name: d ? `${name}/${d}` : name, doc: document });
    }
  }
  // The GB/T 9704 profile sets other sizes and a line grid: the rules must hold there too.
  const { project } = await a.openSample({ name: 'service-plan-full-sample' });
  const { document } = await a.preview({
    project: { ...project, typesetting: { profile: 'gbt9704', copyMark: '正本', sealEveryPage: true } },
  });
  out.push({ name: 'service-plan-full-sample@gbt9704', doc: document });
  return out;
}

describe('PDF 分页扫描（pdftotext -layout 逐页读）', () => {
  it('每个样例的每份文件：页尾不是标题，页首不是上一页段落的单独末行，页尾不是下一页段落的单独首行', async (ctx) => {
    ctx.skip(!!note, note);
    const docs = await sampleDocuments();
    expect(docs.length).toBeGreaterThanOrEqual(6);
    const faults: string[] = [];
    for (const { name, doc } of docs)
      faults.push(...paginationFaults(await layoutOf(doc, name.replace(/[/@]/g, '-')), doc).map((f) => `${name} ${f}`));
    expect(faults).toEqual([]);
  }, 120_000);

  it('扫描认得出页尾的孤立标题、页首的单行寡行和页尾的单行孤行', () => {
    const doc: Document = {
      meta: {
        title: '某方案',
        projectName: '',
        projectNo: '',
        bidder: '',
        date: '2026-01-01',
        docType: 'service-plan',
        draft: false,
      },
      blocks: [
        { kind: 'paragraph', runs: [{ text: '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。' }] },
        { kind: 'heading', level: 1, number: '七、', text: '甲方的权利和义务' },
        { kind: 'paragraph', runs: [{ text: '第一行的文字第二行的文字末行。' }] },
      ],
    };
    const page = (n: number, lines: string[]) => ['某方案', ...lines, `第 ${n} 页 共 3 页`].join('\n');
    const text = [
      page(1, ['甲乙丙丁戊己庚辛壬癸子丑', '寅卯辰巳午未申酉戌亥。', '七、甲方的权利和义务']),
      page(2, ['第一行的文字']),
      page(3, ['第二行的文字末行。']),
    ].join('\f');
    expect(paginationFaults(text, doc)).toEqual([
      'page 1: ends with the heading 「七、甲方的权利和义务」',
      'page 3: opens with the lone last line 「第二行的文字末行。」',
      'page 2: ends with the lone first line 「第一行的文字」',
    ]);
    const widow = [
      page(1, ['甲乙丙丁戊己庚辛壬癸', '子丑寅卯辰巳午未申酉']),
      page(2, ['戌亥。', '七、甲方的权利和义务', '第一行的文字第二行的文字末行。']),
    ].join('\f');
    expect(paginationFaults(widow, doc)).toEqual(['page 2: opens with the lone last line 「戌亥。」']);
  });
});

describe('分行分页的决定', () => {
  const rule = { minFirst: 2, minLast: 2, tail: 0 };
  it('段落只剩一行会落到下一页时，上一页少放一行，下一页两行', () => {
    expect(planBreaks([10, 10, 10, 10, 10], 40, 500, rule, false)).toEqual([3]);
  });
  it('页尾只放得下段落的第一行时，整段移到下一页', () => {
    expect(planBreaks([10, 10, 10], 15, 500, rule, false)).toEqual([0]);
  });
  it('三行的段落不拆成两行加一行：整段移到下一页', () => {
    expect(planBreaks([10, 10, 10], 25, 500, rule, false)).toEqual([0]);
  });
  it('标题之后放不下后文的头两行时，标题移到下一页', () => {
    expect(planBreaks([20], 40, 500, { minFirst: 1, minLast: 1, tail: 25 }, false)).toEqual([0]);
    expect(planBreaks([20], 50, 500, { minFirst: 1, minLast: 1, tail: 25 }, false)).toEqual([]);
  });
  it('签署栏之前的段落：末两行随签署栏到下一页，其余留在本页', () => {
    expect(planBreaks([10, 10, 10, 10, 10, 10], 65, 500, { ...rule, tail: 30 }, false)).toEqual([4]);
  });
});

/**
 * A document whose closing `blocks` start `filler` lines down: one-line paragraphs before them, so that a run of
 * fillers moves them through every line of a page's foot.
 */
function padded(filler: number, blocks: Block[]): Document {
  return {
    meta: {
      title: '分页样例',
      projectName: '',
      projectNo: '',
      bidder: '',
      date: '2026-01-01',
      docType: 'service-plan',
      draft: false,
    },
    blocks: [
      ...Array.from(
        { length: filler },
        (_, i): Block => ({ kind: 'paragraph', runs: [{ text: `第${i + 1}行：把后面的内容推到页面的不同位置。` }] }),
      ),
      ...blocks,
    ],
  };
}

/** The body page (0-based) holding the first line that contains `text` (squashed). */
const pageOf = (pages: string[][], text: string) => pages.findIndex((p) => p.some((l) => l.includes(squash(text))));

describe('保持在同一页', () => {
  const closing =
    '本协议自双方负责人或授权代表签字并加盖单位公章之日起生效，一式两份，甲乙双方各执一份，每份具有同等法律效力，双方应共同遵守。';
  const signature: Block = {
    kind: 'signature',
    parties: [
      { role: '甲方', lines: ['甲方（盖章）：星联智行科技有限公司', '负责人（签字）：', '日期：'] },
      { role: '乙方', lines: ['乙方（盖章）：滨江捷安汽车电子服务有限公司', '负责人（签字）：', '日期：'] },
    ],
  };
  it('签署栏不单独落在一页：它所在的页上有它前面那段话的末行', async (ctx) => {
    ctx.skip(!!note, note);
    for (let filler = 18; filler <= 28; filler++) {
      const doc = padded(filler, [{ kind: 'paragraph', runs: [{ text: closing }] }, signature]);
      const pages = bodyLines(await layoutOf(doc, `sig-${filler}`), doc.meta.title);
      const sig = pageOf(pages, '负责人（签字）');
      expect(sig, `filler ${filler}`).toBeGreaterThanOrEqual(0);
      expect(pageOf(pages, '每份具有同等法律效力，双方应共同遵守。'.slice(-8)), `filler ${filler}`).toBe(sig);
    }
  }, 60_000);

  it('引出表格的那句话（“如下：”）与表头和第一行在同一页', async (ctx) => {
    ctx.skip(!!note, note);
    const table: Block = {
      kind: 'table',
      header: ['区域', '数量', '单价', '金额'],
      align: [],
      rows: [
        ['滨江', '120', '¥300.00', '¥36,000.00'],
        ['临川', '80', '¥300.00', '¥24,000.00'],
      ],
    };
    for (let filler = 20; filler <= 28; filler++) {
      const doc = padded(filler, [
        { kind: 'paragraph', runs: [{ text: '各区域的预计数量及安装费测算如下：' }] },
        table,
      ]);
      const pages = bodyLines(await layoutOf(doc, `table-${filler}`), doc.meta.title);
      expect(pageOf(pages, '滨江120'), `filler ${filler}`).toBe(pageOf(pages, '测算如下：'));
    }
  }, 60_000);
});

describe('PDF 目录', () => {
  // A4 with the bid profile's margins: 697 pt of page, a 46 pt title, entries in 小四 (12 pt).
  const measures = { size: 12, width: 450, pageHeight: 697, titleHeight: 46, indent: 24 };
  it('目录比一页多出一两条时，条目略排紧，全部放在一页', () => {
    const roomy = contentsPages(25, measures);
    expect(roomy.pages).toEqual([25]);
    const tight = contentsPages(30, measures);
    expect(tight.pages).toEqual([30]);
    expect(tight.gap).toBeLessThan(roomy.gap);
  });
  it('目录需要两页以上时，最后一页至少三条，不留单独一条', () => {
    for (let n = 26; n <= 90; n++) {
      const { pages } = contentsPages(n, measures);
      expect(pages.reduce((a, b) => a + b, 0)).toBe(n);
      if (pages.length > 1) expect(pages.at(-1), `${n} entries: ${pages.join('+')}`).toBeGreaterThanOrEqual(3);
    }
  });
  it('每条目录从标题末尾到页码画一行点线（引导线）', () => {
    const doc = padded(
      0,
      ['一、', '二、', '三、', '四、'].flatMap((n): Block[] => [
        { kind: 'heading', level: 1, number: n, text: '服务承诺' },
        { kind: 'paragraph', runs: [{ text: '正文。' }] },
      ]),
    );
    const tables = pdfDefinition(doc).content.filter(
      (n): n is { table: { body: unknown[][] } } =>
        typeof n === 'object' &&
        !Array.isArray(n) &&
        'table' in n &&
        Array.isArray((n.table as { body?: unknown }).body) &&
        JSON.stringify(n).includes('pageReference'),
    );
    const rows = tables.flatMap((t) => t.table.body);
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      const line = (r[1] as { canvas: { dash?: unknown; x1: number; x2: number }[] }).canvas[0]!;
      expect(line.dash).toBeTruthy();
      expect(line.x2 - line.x1).toBeGreaterThan(100);
    }
  });
});
