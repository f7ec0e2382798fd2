// Stamped cards (core/cards/pdfStamp.ts) read back: the same words at the same places as pdfmake lays the same cards
// out itself, one form per shape of card, cards too long for a page broken over pages as before, and 繁體 cards in
// Noto TC with what it lacks drawn from Noto SC.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_LAYOUTS, type CardLayout } from '@core/cards/card.js';
import { fontRuns, faceFont } from '@core/cards/cardFonts.js';
import { renderCardsDocx } from '@core/cards/docx.js';
import { cardsPdfDefinition, renderCardsPdf } from '@core/cards/pdf.js';
import type { CardRow } from '@core/cards/read.js';
import { withProfile } from '@core/cards/profile.js';
import { loadCardTemplates, withComponents, type CardTemplate } from '@core/cards/template.js';
import { configure } from '@core/export/pdf.js';
import { docxParts } from '../helpers/docx.js';
import { squash } from '../helpers/text.js';
import { missingTools, pdffonts, pdfinfo, pdftotext } from '../helpers/tools.js';
import { tempDir } from '../helpers/tmp.js';
import { TEST_COMPANY, TEST_PERIODS } from './helpers.js';

const note = missingTools(['pdftotext', 'pdfinfo', 'pdffonts', 'pdfimages', 'pdftoppm']);

const row = (i: number, over: Partial<CardRow> = {}): CardRow => ({
  row: i + 2,
  customer: ['张三', '欧阳建国', '乌鲁木齐某某某某某某大型国有企业集团有限公司'][i % 3]!,
  phone: i % 4 ? `1380013${String(8000 + i)}` : '',
  address: i % 5 === 2 ? '新疆维吾尔自治区乌鲁木齐市经济技术开发区'.repeat(3) : `杭州市西湖区文三路${i + 1}号`,
  product: '空气源热泵热水机',
  model: `KRS-${35 + (i % 3) * 10}II/A`,
  serial: i % 3 ? `HX2026${String(i).padStart(6, '0')}` : `S-${i}`, // right-aligned: serials of other widths
  date: ['2024-02-29', '2026-01-31', '2026-11-24', '2025-12-31'][i % 4]!,
  dealer: i % 2 ? '上海浦江制冷设备销售有限公司' : '',
  ...over,
});
// Two templates (a batch picks one per row), long values that wrap, end dates of different widths, and one card
// too long for a page.
const TOO_LONG = '新疆维吾尔自治区乌鲁木齐市经济技术开发区'.repeat(50);
const ROWS = Array.from({ length: 12 }, (_, i) => row(i, i === 7 ? { address: TOO_LONG } : {}));

type Word = { text: string; box: number[] };
function words(file: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)]
        .map((m) => ({ text: m[5]!, box: m.slice(1, 5).map(Number) }))
        // Content order differs (a form first, then the card's own texts): compare in reading order.
        .sort(
          (a, b) =>
            Math.round(a.box[1]!) - Math.round(b.box[1]!) || a.box[0]! - b.box[0]! || a.text.localeCompare(b.text),
        ),
    );
}

/** A page as 60-dpi greyscale pixels (pdftoppm's PGM, header dropped). */
function grey(file: string, page: number): Buffer {
  const pgm = execFileSync('pdftoppm', ['-r', '60', '-gray', '-f', `${page}`, '-l', `${page}`, file], {
    maxBuffer: 64 << 20,
  });
  let at = 0;
  for (let fields = 0; fields < 4; at++) if (pgm[at] === 0x0a || pgm[at] === 0x20) fields++;
  return pgm.subarray(at);
}

let dir: string;
let templates: CardTemplate[];
const pick = (r: CardRow) => templates[r.row % 2]!;
beforeAll(async () => {
  dir = tempDir('bidforge-card-stamps-');
  // 设置's company and typed periods, as the handlers print them (the built-in templates carry neither).
  templates = (await loadCardTemplates()).map((t) =>
    withComponents(withProfile(t, TEST_COMPANY), TEST_PERIODS[t.id as keyof typeof TEST_PERIODS]),
  );
  expect(templates.length).toBeGreaterThanOrEqual(2);
});

describe.skipIf(note)('stamped cards against pdfmake', () => {
  it.for(CARD_LAYOUTS)('%s: every word at the place pdfmake lays it out itself', async (layout: CardLayout) => {
    const stamped = join(dir, `stamped-${layout}.pdf`);
    writeFileSync(stamped, await renderCardsPdf(ROWS, pick, { layout, qr: true }));
    // The same cards as one pdfmake document, laid out and drawn by pdfmake alone.
    const pdfmake = configure() as unknown as {
      createPdf(def: object): { getBuffer(): Promise<Buffer> };
    };
    const plain = join(dir, `pdfmake-${layout}.pdf`);
    writeFileSync(plain, await pdfmake.createPdf(cardsPdfDefinition(ROWS, pick, { layout, qr: true })).getBuffer());
    const [a, b] = [words(plain), words(stamped)];
    expect(b.length).toBe(a.length);
    expect(a.flat().length).toBeGreaterThan(ROWS.length * 50);
    a.forEach((page, p) => {
      expect(b[p]!.map((w) => w.text)).toEqual(page.map((w) => w.text));
      const moved = b[p]!.filter((w, i) => w.box.some((v, k) => Math.abs(v - page[i]!.box[k]!) > 0.01));
      expect(
        moved.map((w) => w.text),
        `page ${p + 1}`,
      ).toEqual([]);
    });
    // The QR images too: one a card.
    const images = (f: string) => execFileSync('pdfimages', ['-list', f], { encoding: 'utf8' }).trim().split('\n');
    expect(images(stamped).length - 2).toBe(ROWS.length);
    // And what they look like, lines, fills and QR codes included: the same pixels (a few of a glyph's edge may
    // differ by a shade: the right card of an a4x2 page is the left one's form moved over).
    for (let page = 1; page <= a.length; page++) {
      const [x, y] = [grey(plain, page), grey(stamped, page)];
      expect(y.length).toBe(x.length);
      let differ = 0;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) differ++;
      expect(differ / x.length, `page ${page}`).toBeLessThan(1e-4);
    }
  });

  it('one form per template and shape of card, not one per card', () => {
    const many = Array.from({ length: 60 }, (_, i) => row(i % 4 === 1 ? 2 : 0, { serial: `SN${i}`, row: 2 }));
    return renderCardsPdf(many, templates[0]!, { layout: 'a5' }).then((bytes) => {
      const forms =
        Buffer.from(bytes)
          .toString('latin1')
          .match(/\/Subtype \/Form/g) ?? [];
      // Two shapes (one with a name and an address of one line, one with longer ones): two forms for 60 cards.
      expect(forms).toHaveLength(2);
    });
  });

  it('a card too long for its page is broken over pages; the cards after it start a page of their own', async () => {
    const rows = [row(0), row(1, { address: TOO_LONG }), row(2)];
    for (const layout of CARD_LAYOUTS) {
      const file = join(dir, `long-${layout}.pdf`);
      writeFileSync(file, await renderCardsPdf(rows, templates[1]!, { layout, qr: true }));
      const pages = (await pdftotext(file, 'raw')).split('\f').filter((p) => p.trim());
      expect(Number((await pdfinfo(file)).Pages), layout).toBeGreaterThan(layout === 'a4x2' ? 2 : 3);
      const last = squash(pages[pages.length - 1]!);
      expect(last, layout).toContain(`No.${rows[2]!.serial}`);
      expect(last, layout).not.toContain(`No.${rows[1]!.serial}`);
      // (a4x2: each page's cut-line note comes first in its text)
      expect(squash(pages.join('')).replaceAll('沿虚线剪开', ''), layout).toContain(TOO_LONG);
    }
  });
});

describe.skipIf(note)('繁體 cards: Noto TC, and Noto SC for what it lacks (DOCX: the Traditional fonts)', () => {
  // 们 and 张 are Simplified only: Noto TC has no glyph for them.
  const name = '李们张';
  it('the fonts cover every character of the name, 们 and 张 from the SC font', () => {
    expect(faceFont('hant', 'serif').hasGlyphForCodePoint('们'.codePointAt(0)!)).toBe(false);
    const runs = fontRuns(name, 'serif', 'hant');
    expect(runs).toEqual([
      { text: '李', fallback: false },
      { text: '们张', fallback: true },
    ]);
    for (const r of runs)
      for (const ch of r.text)
        expect(faceFont(r.fallback ? 'hans' : 'hant', 'serif').hasGlyphForCodePoint(ch.codePointAt(0)!)).toBe(true);
  });

  it.for(CARD_LAYOUTS)('%s: the PDF embeds Noto TC and Noto SC and shows the whole name', async (layout) => {
    const file = join(dir, `hant-${layout}.pdf`);
    const rows = [row(0, { customer: name }), row(1)];
    writeFileSync(file, await renderCardsPdf(rows, templates[0]!, { layout, script: 'hant', qr: true }));
    const fonts = (await pdffonts(file)).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts).toEqual(expect.arrayContaining(['NotoSerifTC-Regular', 'NotoSansTC-Bold', 'NotoSerifSC-Regular']));
    expect(fonts.every((f) => f.startsWith('Noto'))).toBe(true);
    const text = squash(await pdftotext(file));
    expect(text).toContain(name);
    expect(text).toContain('服務熱線'); // the card's words in Traditional characters
  });

  it('a 繁體 DOCX names the Traditional Windows fonts and zh-TW; a 简体 one 宋体 and zh-CN', async () => {
    const xml = async (script: 'hans' | 'hant') => {
      const parts = docxParts(await renderCardsDocx([row(0)], templates[0]!, { layout: 'a5', script }));
      return `${parts['word/styles.xml']}${parts['word/document.xml']}`;
    };
    const hant = await xml('hant');
    expect(hant).toContain('w:eastAsia="新細明體"');
    expect(hant).toContain('w:eastAsia="微軟正黑體"');
    expect(hant).toContain('w:eastAsia="zh-TW"');
    expect(hant).not.toContain('宋体');
    const hans = await xml('hans');
    expect(hans).toContain('w:eastAsia="宋体"');
    expect(hans).toContain('w:eastAsia="黑体"');
    expect(hans).toContain('w:eastAsia="zh-CN"');
  });

  it('a 简体 card is set in Noto SC only', async () => {
    const file = join(dir, 'hans.pdf');
    writeFileSync(file, await renderCardsPdf([row(0, { customer: name })], templates[0]!, { layout: 'a5' }));
    const fonts = (await pdffonts(file)).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts.sort()).toEqual(['NotoSansSC-Bold', 'NotoSerifSC-Regular']);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
