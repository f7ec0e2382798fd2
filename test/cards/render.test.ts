// Cards read back by real readers: pdftotext/pdfinfo for the PDF, the DOCX package's XML, and files on disk.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_LAYOUTS, type CardLayout } from '@core/cards/card.js';
import { renderCardsDocx } from '@core/cards/docx.js';
import { CHUNK, cardsPdfDefinition, renderCardsPdf } from '@core/cards/pdf.js';
import { qrMatrix, qrPng, qrText } from '@core/cards/qr.js';
import type { CardRow } from '@core/cards/read.js';
import { withProfile } from '@core/cards/profile.js';
import { loadCardTemplate, withComponents, type CardTemplate } from '@core/cards/template.js';
import { wrapText } from '@core/cards/wrap.js';
import { docxParts, textOfXml } from '../helpers/docx.js';
import { squash } from '../helpers/text.js';
import { hasCommand, missingTools, pdfinfo, pdftotext } from '../helpers/tools.js';
import { tempDir } from '../helpers/tmp.js';
import { TEST_COMPANY, TEST_PERIODS } from './helpers.js';

const note = missingTools(['pdftotext', 'pdfinfo']);

// Three cards: a leap day, a month end and an ordinary date; end dates written out by hand from the template's
// 36 / 72 / 12 months (整机 / 压缩机 / 电气控制部件).
const ROWS: CardRow[] = [
  {
    row: 2,
    customer: '张三',
    phone: '13800138000',
    address: '上海市浦东新区张江高科技园区碧波路690号3号楼502室',
    product: '空气源热泵热水机',
    model: 'KRS-35II/A',
    serial: 'HX20240229',
    date: '2024-02-29',
    dealer: '上海浦江制冷设备销售有限公司',
  },
  {
    row: 3,
    customer: '李四',
    phone: '13900139000',
    address: '杭州市西湖区文三路8号',
    product: '空气源热泵热水机',
    model: 'KRS-45II/A',
    serial: 'HX20260131',
    date: '2026-01-31',
    dealer: '西湖暖通',
  },
  {
    row: 4,
    customer: '欧阳建国',
    phone: '',
    address: '',
    product: '热泵',
    model: 'K-1',
    serial: 'HX20261124',
    date: '2026-11-24',
    dealer: '',
  },
];
const EXPECTED: Record<string, { start: string; ends: string[] }> = {
  张三: { start: '2024年2月29日', ends: ['2027年2月28日', '2030年2月28日', '2025年2月28日'] },
  李四: { start: '2026年1月31日', ends: ['2029年1月31日', '2032年1月31日', '2027年1月31日'] },
  欧阳建国: { start: '2026年11月24日', ends: ['2029年11月24日', '2032年11月24日', '2027年11月24日'] },
};

let template: CardTemplate;
let dir: string;
const files: Partial<Record<CardLayout, string>> = {};

beforeAll(async () => {
  // The company as the handlers resolve it from 设置, the periods as typed (the template itself carries neither).
  template = withComponents(withProfile(await loadCardTemplate(), TEST_COMPANY), TEST_PERIODS.standard);
  dir = tempDir('bidforge-cards-');
  for (const layout of CARD_LAYOUTS) {
    files[layout] = join(dir, `${layout}.pdf`);
    writeFileSync(files[layout]!, await renderCardsPdf(ROWS, template, { layout, qr: true }));
  }
}, 60_000);

describe('PDF read back with pdftotext', () => {
  it('each card has its customer, serial, start date and every computed end date, in card order', async (ctx) => {
    ctx.skip(!!note, note);
    const pages = (await pdftotext(files.a5!)).split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(3);
    ROWS.forEach((r, i) => {
      const page = squash(pages[i]!);
      const want = EXPECTED[r.customer]!;
      for (const s of [
        r.customer,
        r.serial,
        want.start,
        ...want.ends,
        TEST_COMPANY.name,
        TEST_COMPANY.hotline,
        '产品保修卡',
        '保修期至',
      ])
        expect(page, `card ${i + 1} should show ${s}`).toContain(s);
    });
    expect(squash(pages[0]!)).toContain(squash(ROWS[0]!.address));
  });

  it.for(CARD_LAYOUTS)('%s: all three customers, serials and end dates are in the text', async (layout, ctx) => {
    ctx.skip(!!note, note);
    const text = squash(await pdftotext(files[layout]!));
    for (const r of ROWS)
      for (const s of [r.customer, r.serial, ...EXPECTED[r.customer]!.ends]) expect(text).toContain(s);
  });

  it('a4-grid has the repair-record grid heads; the others do not', async (ctx) => {
    ctx.skip(!!note, note);
    expect(squash(await pdftotext(files['a4-grid']!))).toContain('维修日期故障现象处理措施维修工程师');
    expect(squash(await pdftotext(files.a5!))).not.toContain('维修记录');
  });
});

describe('PDF pages per layout (pdfinfo)', () => {
  it.for([
    ['a5', 3, '419.53 x 595.28 pts'],
    ['a4x2', 2, '841.89 x 595.28 pts (A4)'],
    ['a4-grid', 3, '595.28 x 841.89 pts (A4)'],
  ] as const)('%s: %i pages of %s for 3 cards', async ([layout, pages, size], ctx) => {
    ctx.skip(!!note, note);
    const info = await pdfinfo(files[layout]!);
    expect(Number(info.Pages)).toBe(pages);
    expect(info['Page size']).toBe(size);
  });

  it('long values (a 60-character address, a 40-character dealer) still fit one card per page', async (ctx) => {
    ctx.skip(!!note, note);
    const long = ROWS.map((r) => ({
      ...r,
      address: '新疆维吾尔自治区乌鲁木齐市经济技术开发区'.repeat(3),
      dealer: '内蒙古自治区呼和浩特市赛罕区某某制冷设备销售有限责任公司'.repeat(2).slice(0, 40),
      customer: '乌鲁木齐某某某某某某大型国有企业集团有限公司',
    }));
    for (const layout of CARD_LAYOUTS) {
      const file = join(dir, `long-${layout}.pdf`);
      writeFileSync(file, await renderCardsPdf(long, template, { layout, qr: true }));
      expect(Number((await pdfinfo(file)).Pages), layout).toBe(layout === 'a4x2' ? 2 : 3);
    }
  });

  it('the QR code is an image on each card when asked for, and absent otherwise', async (ctx) => {
    ctx.skip(!!note || !hasCommand('pdfimages'), note ?? 'pdfimages not installed: skipping');
    const list = (file: string) =>
      execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(list(files.a5!)).toHaveLength(3);
    const plain = join(dir, 'plain.pdf');
    writeFileSync(plain, await renderCardsPdf(ROWS, template, { layout: 'a5' }));
    expect(list(plain)).toHaveLength(0);
  });
});

describe('batches larger than one layout chunk', () => {
  // renderCardsPdf lays out CHUNK cards at a time into one pdfkit document: cards after the first chunk must keep
  // their own text, their own QR code (image names must not collide across chunks) and one page each.
  const n = 2 * CHUNK + 3;
  const many: CardRow[] = Array.from({ length: n }, (_, i) => ({
    ...ROWS[i % 3]!,
    row: i + 2,
    customer: `客户${i + 1}号`,
    serial: `SN${String(i + 1).padStart(4, '0')}`,
  }));

  const manyFile = (layout: CardLayout) => join(dir, `many-${layout}.pdf`);
  beforeAll(async () => {
    for (const layout of ['a5', 'a4x2'] as const)
      writeFileSync(manyFile(layout), await renderCardsPdf(many, template, { layout, qr: true }));
  }, 60_000);

  it.for(['a5', 'a4x2'] as const)(
    '%s: every card on its page with its own customer and serial',
    async (layout, ctx) => {
      ctx.skip(!!note, note);
      const file = manyFile(layout);
      const perPage = layout === 'a5' ? 1 : 2;
      expect(Number((await pdfinfo(file)).Pages)).toBe(Math.ceil(n / perPage));
      const pages = (await pdftotext(file))
        .split('\f')
        .filter((p) => p.trim())
        .map(squash);
      many.forEach((r, i) => {
        const page = pages[Math.floor(i / perPage)]!;
        expect(page, `card ${i + 1}`).toContain(r.customer);
        expect(page, `card ${i + 1}`).toContain(`No.${r.serial}`);
      });
    },
  );

  it('each card has its own QR image, also after the first chunk', async (ctx) => {
    ctx.skip(!!note || !hasCommand('pdfimages'), note ?? 'pdfimages not installed: skipping');
    const file = manyFile('a5');
    const out = tempDir();
    execFileSync('pdfimages', ['-png', file, join(out, 'qr')]);
    const images = readdirSync(out).sort();
    expect(images).toHaveLength(n);
    const distinct = new Set(images.map((f) => readFileSync(join(out, f)).toString('base64')));
    expect(distinct.size).toBe(n);
  });
});

describe('PDF structure', () => {
  it('one pdfmake document for the batch: a page break before every card but the first (a4x2: every pair)', () => {
    const breaks = (layout: CardLayout) =>
      (cardsPdfDefinition(ROWS, template, { layout }).content as { pageBreak?: string }[]).map(
        (c) => c.pageBreak ?? '',
      );
    expect(breaks('a5')).toEqual(['', 'before', 'before']);
    expect(breaks('a4x2')).toEqual(['', 'before']);
  });

  it('no rows is an error, not an empty PDF', async () => {
    await expect(renderCardsPdf([], template)).rejects.toThrow('没有可导出的保修卡');
  });
});

describe('line wrapping for cards', () => {
  it('wraps to the width, keeps Latin words and numbers whole, and never starts a line with closing punctuation', () => {
    const lines = wrapText(
      '保修期内，在正常使用条件下因产品质量问题出现的故障，免费维修。服务时间9:00—18:00。',
      'serif',
      10,
      100,
    );
    expect(lines.join('')).toBe('保修期内，在正常使用条件下因产品质量问题出现的故障，免费维修。服务时间9:00—18:00。');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l).not.toMatch(/^[，。、；：）]/);
    expect(lines.some((l) => l.includes('9:00'))).toBe(true);
    expect(wrapText('', 'serif', 10, 100)).toEqual(['']);
    expect(wrapText('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 'serif', 10, 50).join('')).toBe(
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    );
  });
});

describe('QR code', () => {
  it('encodes the serial number and hotline; the PNG is a square greyscale image with a quiet zone', () => {
    expect(qrText('HX001', '400-820-6688')).toBe('SN:HX001\nTEL:400-820-6688');
    const m = qrMatrix(qrText('HX001', '400-820-6688'));
    expect(m.length).toBeGreaterThanOrEqual(21);
    expect(m.length % 4).toBe(1); // QR sizes are 17 + 4·version
    // The three finder patterns: 7×7 dark squares' corners.
    for (const [y, x] of [
      [0, 0],
      [0, m.length - 7],
      [m.length - 7, 0],
    ] as const)
      expect([m[y]![x], m[y + 6]![x + 6], m[y + 1]![x + 1], m[y + 3]![x + 3]]).toEqual([true, true, false, true]);
    const png = Buffer.from(qrPng(m, 4));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const size = (m.length + 8) * 4;
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([size, size, 1, 0]); // 1-bit grey
    // Every pixel: dark exactly where its module is (4 × 4 pixels a module), white in the 4-module quiet zone.
    const raw = inflateSync(png.subarray(41, 41 + png.readUInt32BE(33)));
    const stride = 1 + Math.ceil(size / 8);
    expect(raw.length).toBe(stride * size);
    for (let y = 0; y < size; y++) {
      expect(raw[y * stride]).toBe(0); // filter: none
      for (let x = 0; x < size; x++) {
        const dark = ((raw[y * stride + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1) === 0;
        expect(dark, `pixel ${x},${y}`).toBe(m[Math.floor(y / 4) - 4]?.[Math.floor(x / 4) - 4] === true);
      }
    }
  });
});

describe('DOCX', () => {
  it('one document with every card: customers, serials, end dates, terms; A5 pages', async () => {
    const parts = docxParts(await renderCardsDocx(ROWS, template, { layout: 'a5', qr: true }));
    const xml = parts['word/document.xml']!;
    const text = squash(textOfXml(xml));
    for (const r of ROWS)
      for (const s of [r.customer, r.serial, ...EXPECTED[r.customer]!.ends]) expect(text).toContain(s);
    expect(text.match(/产品保修卡/g)).toHaveLength(3);
    expect(text.match(/【三包规定】/g)).toHaveLength(3);
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:pgSz w:w="8391" w:h="11906"/); // 148 × 210 mm
    expect(Object.keys(parts).filter((n) => n.startsWith('word/media/'))).toHaveLength(0); // media are binary: not in docxParts
    expect(xml.match(/<w:drawing>/g)).toHaveLength(3); // one QR image per card
  });

  it('a4x2: landscape A4, two columns with a separator line (the cut line), a column break between cards', async () => {
    const xml = docxParts(await renderCardsDocx(ROWS, template, { layout: 'a4x2' }))['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(xml).toMatch(/<w:cols [^>]*w:num="2"[^>]*w:sep="true"|<w:cols [^>]*w:sep="true"[^>]*w:num="2"/);
    expect(xml.match(/<w:br w:type="column"\/>/g)).toHaveLength(2);
    expect(xml).not.toContain('<w:drawing>');
  });

  it('a4-grid: the repair-record grid with 8 empty rows per card', async () => {
    const xml = docxParts(await renderCardsDocx(ROWS.slice(0, 1), template, { layout: 'a4-grid' }))[
      'word/document.xml'
    ]!;
    expect(squash(textOfXml(xml))).toContain('维修记录维修日期故障现象处理措施维修工程师用户签字');
    expect(xml.match(/w:hRule="exact"/g)).toHaveLength(8);
  });
});
