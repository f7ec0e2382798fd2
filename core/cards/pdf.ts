// Cards → one PDF with pdfmake (one document for the whole batch; fonts set up once in core/export/pdf.ts).
import { configure, type PdfContent, type PdfDefinition } from '../export/pdf.js';
import { cardView, fieldRows, REPAIR_GRID_HEADER, REPAIR_GRID_ROWS, type CardLayout, type CardRenderOptions, type CardView } from './card.js';
import type { CardRow } from './read.js';
import type { CardTemplate } from './template.js';

const MM = 72 / 25.4;
const A4 = { w: 595.28, h: 841.89 };
const MARGIN = 10 * MM;
const BORDER = '#333333';
const LABEL_FILL = '#f0f0f0';

type Scale = { base: number; title: number; hotline: number; terms: number; pad: number; qr: number };
const SMALL: Scale = { base: 8.5, title: 19, hotline: 14, terms: 6.9, pad: 2, qr: 54 };
const LARGE: Scale = { base: 10, title: 24, hotline: 17, terms: 7.5, pad: 3, qr: 66 };

/** Thin grey grid with cell padding. */
const gridLayout = (pad: number) => ({
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => BORDER,
  vLineColor: () => BORDER,
  paddingLeft: () => pad + 1,
  paddingRight: () => pad + 1,
  paddingTop: () => pad,
  paddingBottom: () => pad,
});

function header(v: CardView, s: Scale): PdfContent[] {
  return [
    {
      columns: [
        { text: v.company, font: 'NotoSansSC', fontSize: s.base, color: '#444444', width: '*' },
        { text: `No. ${v.serial}`, fontSize: s.base - 1, alignment: 'right', width: 'auto', color: '#444444' },
      ],
    },
    { text: v.title, font: 'NotoSansSC', fontSize: s.title, alignment: 'center', characterSpacing: s.title / 4, margin: [0, 2, 0, 4] },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                { text: [{ text: '服务热线  ', fontSize: s.base + 1 }, { text: v.hotline, fontSize: s.hotline }], font: 'NotoSansSC', alignment: 'center' },
                ...(v.serviceHours ? [{ text: `服务时间：${v.serviceHours}`, fontSize: s.base - 1, alignment: 'center', margin: [0, 1, 0, 0] }] : []),
              ],
              fillColor: '#e8e8e8',
            },
          ],
        ],
      },
      layout: { hLineWidth: () => 1.6, vLineWidth: () => 1.6, hLineColor: () => '#000000', vLineColor: () => '#000000', paddingTop: () => s.pad + 1, paddingBottom: () => s.pad + 1 },
      margin: [0, 0, 0, 6],
    },
  ];
}

function sectionTitle(text: string, s: Scale): PdfContent {
  return { text, font: 'NotoSansSC', fontSize: s.base + 0.5, margin: [0, 4, 0, 2] };
}

function fieldsTable(v: CardView, s: Scale): PdfContent {
  const labelW = s.base * 5;
  const label = (t: string) => ({ text: t, fillColor: LABEL_FILL, alignment: 'center', noWrap: true });
  const body = fieldRows(v.fields).map((r) =>
    r.length === 1
      ? [label(r[0]!.label), { text: r[0]!.value, colSpan: 3 }, {}, {}]
      : [label(r[0]!.label), { text: r[0]!.value }, label(r[1]!.label), { text: r[1]!.value }],
  );
  return { table: { widths: [labelW, '*', labelW, '*'], body }, layout: gridLayout(s.pad), fontSize: s.base, lineHeight: 1.15 };
}

function periodsTable(v: CardView, s: Scale): PdfContent {
  const head = ['保修部件', '保修期', '保修期至'].map((t) => ({ text: t, font: 'NotoSansSC', fillColor: LABEL_FILL, alignment: 'center' }));
  return {
    table: {
      headerRows: 1,
      widths: ['*', 'auto', 'auto'],
      body: [head, ...v.periods.map((p) => [{ text: p.name, alignment: 'center' }, { text: p.label, alignment: 'center', noWrap: true }, { text: p.end, alignment: 'center', bold: true, noWrap: true }])],
    },
    layout: gridLayout(s.pad),
    fontSize: s.base,
    lineHeight: 1.1,
  };
}

function termSection(sec: CardView['terms'][number], s: Scale): PdfContent {
  return {
    stack: [
      { text: `【${sec.title}】`, font: 'NotoSansSC', fontSize: s.terms + 0.4, margin: [0, 2, 0, 0.5] },
      ...sec.lines.map((l, i) => ({ columns: [{ text: `${i + 1}.`, width: s.terms * 1.4 }, { text: l, width: '*' }], columnGap: 0 })),
    ],
  };
}

/** The terms in small type, in two columns: coverage and exclusions left, claims and 三包 right. */
function terms(v: CardView, s: Scale): PdfContent {
  const half = Math.ceil(v.terms.length / 2);
  return {
    columns: [
      { width: '*', stack: v.terms.slice(0, half).map((t) => termSection(t, s)) },
      { width: '*', stack: v.terms.slice(half).map((t) => termSection(t, s)) },
    ],
    columnGap: 8,
    fontSize: s.terms,
    lineHeight: 1.08,
    alignment: 'justify',
    color: '#222222',
    margin: [0, 4, 0, 0],
  };
}

/** The dealer stamp box (dashed) and, on request, the QR code: printed beside the period table. */
function stampAndQr(v: CardView, s: Scale, height: number): PdfContent {
  const stamp = {
    table: {
      widths: ['*'],
      heights: [height],
      body: [
        [
          {
            stack: [
              { text: v.stampLabel, fontSize: s.base - 0.5, color: '#444444' },
              { text: '日期：      年    月    日', fontSize: s.base - 1, color: '#444444', margin: [0, height - s.base * 3.3, 0, 0] },
            ],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0.8,
      vLineWidth: () => 0.8,
      hLineStyle: () => ({ dash: { length: 3, space: 2 } }),
      vLineStyle: () => ({ dash: { length: 3, space: 2 } }),
      hLineColor: () => BORDER,
      vLineColor: () => BORDER,
    },
    width: '*',
  };
  const cols: PdfContent[] = [stamp];
  if (v.qr) {
    cols.push({
      width: s.qr,
      stack: [
        { qr: v.qr, fit: s.qr, eccLevel: 'M', alignment: 'center' },
        { text: '扫码报修', fontSize: s.terms, alignment: 'center', margin: [0, 1, 0, 0] },
      ],
    });
  }
  return { columns: cols, columnGap: 5 };
}

function repairGrid(s: Scale): PdfContent {
  const head = REPAIR_GRID_HEADER.map((t) => ({ text: t, font: 'NotoSansSC', fillColor: LABEL_FILL, alignment: 'center' }));
  const empty = () => REPAIR_GRID_HEADER.map(() => ({ text: '' }));
  return {
    stack: [
      sectionTitle('维修记录', s),
      {
        table: { headerRows: 1, widths: [62, '*', '*', 58, 52], heights: (i: number) => (i === 0 ? 0 : 17), body: [head, ...Array.from({ length: REPAIR_GRID_ROWS }, empty)] },
        layout: gridLayout(s.pad),
        fontSize: s.base,
      },
    ],
  };
}

/** About the height of the period table, so the stamp box beside it matches. */
const periodsHeight = (v: CardView, s: Scale) => Math.max(s.qr + s.terms * 1.6, (v.periods.length + 1) * (s.base * 1.1 * 1.32 + 2 * s.pad + 0.6) - 2);

/** One card's content (without page placement). */
export function cardContent(v: CardView, layout: CardLayout): PdfContent[] {
  const s = layout === 'a4-grid' ? LARGE : SMALL;
  return [
    ...header(v, s),
    sectionTitle('用户及产品信息', s),
    fieldsTable(v, s),
    {
      columns: [
        { width: '55%', stack: [sectionTitle('保修期限', s), periodsTable(v, s)] },
        { width: '*', stack: [sectionTitle(' ', s), stampAndQr(v, s, periodsHeight(v, s))] },
      ],
      columnGap: 8,
    },
    terms(v, s),
    ...(layout === 'a4-grid' ? [repairGrid(s)] : []),
  ];
}

/** The pdfmake document for a batch: page size per layout, one card (a4x2: two cards) per page. */
export function cardsPdfDefinition(rows: CardRow[], template: CardTemplate, opts: CardRenderOptions = {}): PdfDefinition {
  const layout = opts.layout ?? 'a5';
  const views = rows.map((r) => cardView(r, template, opts));
  const content: PdfContent[] = [];
  if (layout === 'a4x2') {
    for (let i = 0; i < views.length; i += 2) {
      const pair = views.slice(i, i + 2).map((v) => ({ stack: cardContent(v, layout), width: '*' }));
      if (pair.length === 1) pair.push({ stack: [], width: '*' });
      content.push({ columns: pair, columnGap: 2 * MARGIN, ...(i > 0 ? { pageBreak: 'before' } : {}) });
    }
  } else {
    views.forEach((v, i) => content.push({ stack: cardContent(v, layout), ...(i > 0 ? { pageBreak: 'before' } : {}) }));
  }
  const page =
    layout === 'a5'
      ? { pageSize: 'A5', pageOrientation: 'portrait', pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN] }
      : layout === 'a4x2'
        ? { pageSize: 'A4', pageOrientation: 'landscape', pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN] }
        : { pageSize: 'A4', pageOrientation: 'portrait', pageMargins: [15 * MM, 14 * MM, 15 * MM, 12 * MM] };
  return {
    ...page,
    info: { title: `${template.title}（${rows.length} 张）`, author: template.company, subject: template.title, creator: 'BidForge' },
    ...(layout === 'a4x2' ? { background: cutLine } : {}),
    content,
    defaultStyle: { font: 'NotoSerifSC', fontSize: SMALL.base, lineHeight: 1.15 },
  };
}

/** The vertical dashed cut line between the two cards of an a4x2 page, with a small vertical note beside it. */
function cutLine(): PdfContent {
  const x = A4.h / 2;
  return [
    { canvas: [{ type: 'line', x1: x, y1: 8, x2: x, y2: A4.w - 8, lineWidth: 0.5, lineColor: '#888888', dash: { length: 4, space: 3 } }] },
    { text: '沿\n虚\n线\n剪\n开', fontSize: 6, lineHeight: 1, color: '#888888', absolutePosition: { x: x + 3, y: A4.w / 2 - 20 } },
  ];
}

/** Renders all rows into one PDF. */
export async function renderCardsPdf(rows: CardRow[], template: CardTemplate, opts: CardRenderOptions = {}): Promise<Uint8Array> {
  const buffer = await configure()
    .createPdf(cardsPdfDefinition(rows, template, opts))
    .getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
