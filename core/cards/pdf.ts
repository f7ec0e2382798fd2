// Cards → one PDF with pdfmake (one document for the whole batch; fonts set up once in core/export/pdf.ts).
import { configure, type PdfContent, type PdfDefinition } from '../export/pdf.js';
import { cardView, fieldRows, REPAIR_GRID_HEADER, REPAIR_GRID_ROWS, type CardLayout, type CardRenderOptions, type CardView } from './card.js';
import type { CardRow } from './read.js';
import type { CardTemplate } from './template.js';
import { qrMatrix, qrRects } from './qr.js';
import { textWidth, wrapText, type FontFace } from './wrap.js';

const MM = 72 / 25.4;
const A4 = { w: 595.28, h: 841.89 };
const A5 = { w: 419.53, h: 595.28 };
const MARGIN = 10 * MM;
const BORDER = '#333333';
const LABEL_FILL = '#f0f0f0';

type Scale = { base: number; title: number; hotline: number; terms: number; pad: number; qr: number };
const SMALL: Scale = { base: 8.5, title: 19, hotline: 14, terms: 6.9, pad: 2, qr: 54 };
const LARGE: Scale = { base: 10, title: 24, hotline: 17, terms: 7.5, pad: 3, qr: 66 };
const LINE = 0.6;
const TERMS_GAP = 8;

/** A layout's type sizes and the widths its text is wrapped to (pdfmake gets fixed widths, so these are exact). */
type Geo = Scale & {
  /** Width of the card's content area. */
  width: number;
  labelW: number;
  valueW: number;
  wideW: number;
  termsW: number;
};

function geometry(layout: CardLayout): Geo {
  const s = layout === 'a4-grid' ? LARGE : SMALL;
  const width = layout === 'a5' ? A5.w - 2 * MARGIN : layout === 'a4x2' ? (A4.h - 4 * MARGIN) / 2 : A4.w - 30 * MM;
  const padH = 2 * (s.pad + 1);
  const labelW = s.base * 4 + 1;
  const valueW = (width - 2 * labelW - 4 * padH - 5 * LINE) / 2;
  return { ...s, width, labelW, valueW, wideW: 2 * valueW + labelW + 2 * padH + 2 * LINE, termsW: (width - TERMS_GAP) / 2 };
}

/** Thin grey grid with cell padding. */
const gridLayout = (pad: number) => ({
  hLineWidth: () => LINE,
  vLineWidth: () => LINE,
  hLineColor: () => BORDER,
  vLineColor: () => BORDER,
  paddingLeft: () => pad + 1,
  paddingRight: () => pad + 1,
  paddingTop: () => pad,
  paddingBottom: () => pad,
});

/** Pre-wrapped lines as pdfmake nodes: one `noWrap` text each. */
const lines = (ls: string[], extra: Record<string, unknown> = {}): PdfContent => (ls.length === 1 ? { text: ls[0], noWrap: true, ...extra } : { stack: ls.map((l) => ({ text: l, noWrap: true })), ...extra });
/** Wrapped in slightly less than the box, so a rounding difference with pdfmake's own measure never overflows it. */
const wrap = (text: string, face: FontFace, size: number, width: number) => wrapText(text, face, size, width - 0.5);

/** The parts that are the same on every card of a template and layout, wrapped once. */
type Fixed = { serviceHours: string[]; terms: { title: string; items: { first: string; rest: string[]; indent: number }[] }[] };
const fixedCache = new WeakMap<CardTemplate, Map<CardLayout, Fixed>>();

function fixedParts(v: CardView, t: CardTemplate, layout: CardLayout, g: Geo): Fixed {
  let perLayout = fixedCache.get(t);
  if (!perLayout) fixedCache.set(t, (perLayout = new Map()));
  let f = perLayout.get(layout);
  if (!f) {
    f = {
      serviceHours: v.serviceHours ? wrap(`服务时间：${v.serviceHours}`, 'serif', g.base - 1, g.width - 2 * (g.pad + 1) - 4) : [],
      terms: v.terms.map((sec) => ({
        title: sec.title,
        items: sec.lines.map((l, i) => {
          const number = `${i + 1}. `;
          const indent = textWidth(number, 'serif', g.terms);
          const [first = '', ...rest] = wrap(l, 'serif', g.terms, g.termsW - indent);
          return { first: number + first, rest, indent };
        }),
      })),
    };
    perLayout.set(layout, f);
  }
  return f;
}

function header(v: CardView, g: Geo, f: Fixed): PdfContent[] {
  return [
    {
      columns: [
        { text: v.company, font: 'NotoSansSC', fontSize: g.base, color: '#444444', width: '*', noWrap: true },
        { text: `No. ${v.serial}`, fontSize: g.base - 1, alignment: 'right', width: 'auto', color: '#444444', noWrap: true },
      ],
    },
    { text: v.title, font: 'NotoSansSC', fontSize: g.title, alignment: 'center', characterSpacing: g.title / 4, margin: [0, 2, 0, 4], noWrap: true },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                { text: [{ text: '服务热线  ', fontSize: g.base + 1 }, { text: v.hotline, fontSize: g.hotline }], font: 'NotoSansSC', alignment: 'center', noWrap: true },
                ...(f.serviceHours.length ? [lines(f.serviceHours, { fontSize: g.base - 1, alignment: 'center', margin: [0, 1, 0, 0] })] : []),
              ],
              fillColor: '#e8e8e8',
            },
          ],
        ],
      },
      layout: { hLineWidth: () => 1.6, vLineWidth: () => 1.6, hLineColor: () => '#000000', vLineColor: () => '#000000', paddingTop: () => g.pad + 1, paddingBottom: () => g.pad + 1 },
      margin: [0, 0, 0, 6],
    },
  ];
}

function sectionTitle(text: string, g: Geo): PdfContent {
  return { text, font: 'NotoSansSC', fontSize: g.base + 0.5, margin: [0, 4, 0, 2], noWrap: true };
}

function fieldsTable(v: CardView, g: Geo): PdfContent {
  const label = (t: string) => ({ text: t, fillColor: LABEL_FILL, alignment: 'center', noWrap: true });
  const value = (t: string, w: number) => lines(wrap(t, 'serif', g.base, w));
  const body = fieldRows(v.fields).map((r) =>
    r.length === 1
      ? [label(r[0]!.label), { ...(value(r[0]!.value, g.wideW) as object), colSpan: 3 }, {}, {}]
      : [label(r[0]!.label), value(r[0]!.value, g.valueW), label(r[1]!.label), value(r[1]!.value, g.valueW)],
  );
  return { table: { widths: [g.labelW, g.valueW, g.labelW, g.valueW], body }, layout: gridLayout(g.pad), fontSize: g.base, lineHeight: 1.15 };
}

function periodsTable(v: CardView, g: Geo, width: number): PdfContent {
  const head = ['保修部件', '保修期', '保修期至'].map((t) => ({ text: t, font: 'NotoSansSC', fillColor: LABEL_FILL, alignment: 'center', noWrap: true }));
  const padH = 2 * (g.pad + 1);
  const labelW = Math.max(textWidth('保修期', 'sans', g.base), ...v.periods.map((p) => textWidth(p.label, 'serif', g.base))) + 0.5;
  const endW = Math.max(textWidth('保修期至', 'sans', g.base), ...v.periods.map((p) => textWidth(p.end, 'serifBold', g.base))) + 0.5;
  const nameW = Math.max(g.base * 2, width - labelW - endW - 3 * padH - 4 * LINE);
  return {
    table: {
      headerRows: 1,
      widths: [nameW, labelW, endW],
      body: [
        head,
        ...v.periods.map((p) => [lines(wrap(p.name, 'serif', g.base, nameW), { alignment: 'center' }), { text: p.label, alignment: 'center', noWrap: true }, { text: p.end, alignment: 'center', bold: true, noWrap: true }]),
      ],
    },
    layout: gridLayout(g.pad),
    fontSize: g.base,
    lineHeight: 1.1,
  };
}

/** The terms in small type, in two columns: coverage and exclusions left, claims and 三包 right. */
function terms(f: Fixed, g: Geo): PdfContent {
  const section = (sec: Fixed['terms'][number]): PdfContent => ({
    stack: [
      { text: `【${sec.title}】`, font: 'NotoSansSC', fontSize: g.terms + 0.4, margin: [0, 2, 0, 0.5], noWrap: true },
      ...sec.items.flatMap((it) => [{ text: it.first, noWrap: true }, ...it.rest.map((l) => ({ text: l, noWrap: true, margin: [it.indent, 0, 0, 0] }))]),
    ],
  });
  const half = Math.ceil(f.terms.length / 2);
  return {
    columns: [
      { width: g.termsW, stack: f.terms.slice(0, half).map(section) },
      { width: g.termsW, stack: f.terms.slice(half).map(section) },
    ],
    columnGap: TERMS_GAP,
    fontSize: g.terms,
    lineHeight: 1.08,
    color: '#222222',
    margin: [0, 4, 0, 0],
  };
}

/** The QR code as vector rectangles (pdfmake's own `qr` node draws every module and rounds the module size down). */
function qrCanvas(text: string, size: number): PdfContent {
  const m = qrMatrix(text);
  const k = size / m.length;
  return { canvas: qrRects(m).map((r) => ({ type: 'rect', x: r.x * k, y: r.y * k, w: r.w * k, h: r.h * k, color: '#000000', lineWidth: 0 })), width: size, height: size };
}

/** The dealer stamp box (dashed) and, on request, the QR code: printed beside the period table. */
function stampAndQr(v: CardView, g: Geo, height: number, width: number): PdfContent {
  const stampW = v.qr ? width - g.qr - 5 : width;
  const stamp = {
    table: {
      widths: [stampW - 2 * (g.pad + 1) - 1.6],
      heights: [height],
      body: [
        [
          {
            stack: [
              lines(wrap(v.stampLabel, 'serif', g.base - 0.5, stampW - 8), { fontSize: g.base - 0.5, color: '#444444' }),
              { text: '日期：      年    月    日', fontSize: g.base - 1, color: '#444444', margin: [0, height - g.base * 3.3, 0, 0], noWrap: true },
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
      paddingLeft: () => g.pad + 1,
      paddingRight: () => g.pad + 1,
    },
    width: stampW,
  };
  const cols: PdfContent[] = [stamp];
  if (v.qr) {
    cols.push({
      width: g.qr,
      stack: [
        qrCanvas(v.qr, g.qr),
        { text: '扫码报修', fontSize: g.terms, alignment: 'center', margin: [0, 1, 0, 0], noWrap: true },
      ],
    });
  }
  return { columns: cols, columnGap: 5 };
}

function repairGrid(g: Geo): PdfContent {
  const head = REPAIR_GRID_HEADER.map((t) => ({ text: t, font: 'NotoSansSC', fillColor: LABEL_FILL, alignment: 'center', noWrap: true }));
  const empty = () => REPAIR_GRID_HEADER.map(() => ({ text: '' }));
  const padH = 2 * (g.pad + 1);
  const fixed = [62, 58, 52];
  const wide = (g.width - fixed.reduce((a, b) => a + b, 0) - 5 * padH - 6 * LINE) / 2;
  return {
    stack: [
      sectionTitle('维修记录', g),
      {
        table: { headerRows: 1, widths: [fixed[0], wide, wide, fixed[1], fixed[2]], heights: (i: number) => (i === 0 ? 0 : 17), body: [head, ...Array.from({ length: REPAIR_GRID_ROWS }, empty)] },
        layout: gridLayout(g.pad),
        fontSize: g.base,
      },
    ],
  };
}

/** About the height of the period table, so the stamp box beside it matches. */
const periodsHeight = (v: CardView, g: Geo) => Math.max(g.qr + g.terms * 1.6, (v.periods.length + 1) * (g.base * 1.1 * 1.32 + 2 * g.pad + LINE) - 2);

/** One card's content (without page placement). */
export function cardContent(v: CardView, template: CardTemplate, layout: CardLayout): PdfContent[] {
  const g = geometry(layout);
  const f = fixedParts(v, template, layout, g);
  const gap = 8;
  const periodsW = Math.round(g.width * 0.55);
  const stampW = g.width - periodsW - gap;
  return [
    ...header(v, g, f),
    sectionTitle('用户及产品信息', g),
    fieldsTable(v, g),
    {
      columns: [
        { width: periodsW, stack: [sectionTitle('保修期限', g), periodsTable(v, g, periodsW)] },
        { width: stampW, stack: [sectionTitle(' ', g), stampAndQr(v, g, periodsHeight(v, g), stampW)] },
      ],
      columnGap: gap,
    },
    terms(f, g),
    ...(layout === 'a4-grid' ? [repairGrid(g)] : []),
  ];
}

/** The pdfmake document for a batch: page size per layout, one card (a4x2: two cards) per page. */
export function cardsPdfDefinition(rows: CardRow[], template: CardTemplate, opts: CardRenderOptions = {}): PdfDefinition {
  const layout = opts.layout ?? 'a5';
  const views = rows.map((r) => cardView(r, template, opts));
  const content: PdfContent[] = [];
  if (layout === 'a4x2') {
    for (let i = 0; i < views.length; i += 2) {
      const pair = views.slice(i, i + 2).map((v) => ({ stack: cardContent(v, template, layout), width: '*' }));
      if (pair.length === 1) pair.push({ stack: [], width: '*' });
      content.push({ columns: pair, columnGap: 2 * MARGIN, ...(i > 0 ? { pageBreak: 'before' } : {}) });
    }
  } else {
    views.forEach((v, i) => content.push({ stack: cardContent(v, template, layout), ...(i > 0 ? { pageBreak: 'before' } : {}) }));
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
