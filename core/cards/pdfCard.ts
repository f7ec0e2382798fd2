// One warranty card as pdfmake content: header, fields, periods, stamp and QR, terms and (a4-grid) the repair grid.
// The batch, its pages and the PDF are core/cards/pdf.ts.
import type { PdfContent } from '../export/pdf.js';
import { fieldRows, REPAIR_GRID_ROWS, type CardLayout, type CardView } from './card.js';
import type { CardScript } from './script.js';
import type { CardTemplate } from './template.js';
import { textWidth, wrapText, type FontFace } from './wrap.js';

export const MM = 72 / 25.4;
export const A4 = { w: 595.28, h: 841.89 };
const A5 = { w: 419.53, h: 595.28 };
export const MARGIN = 10 * MM;
const BORDER = '#333333';
const LABEL_FILL = '#f0f0f0';

type Scale = { base: number; title: number; hotline: number; terms: number; pad: number; qr: number };
export const SMALL: Scale = { base: 8.5, title: 19, hotline: 14, terms: 6.9, pad: 2, qr: 54 };
const LARGE: Scale = { base: 10, title: 24, hotline: 17, terms: 7.5, pad: 3, qr: 66 };
const LINE = 0.6;
const FIELD_LINE_HEIGHT = 1.15;
/** Noto Serif SC's line height (ascender − descender) in em, as pdfkit measures a line. */
const NOTO_LINE_EM = 1.44;
const TERMS_GAP = 8;

/** A layout's type sizes and the widths its text is wrapped to (pdfmake gets fixed widths, so these are exact). */
type Geo = Scale & {
  script: CardScript;
  /** Width of the card's content area. */
  width: number;
  labelW: number;
  valueW: number;
  wideW: number;
  termsW: number;
};

function geometry(layout: CardLayout, script: CardScript): Geo {
  const s = layout === 'a4-grid' ? LARGE : SMALL;
  const width = layout === 'a5' ? A5.w - 2 * MARGIN : layout === 'a4x2' ? (A4.h - 4 * MARGIN) / 2 : A4.w - 30 * MM;
  const padH = 2 * (s.pad + 1);
  const labelW = s.base * 4 + 1;
  const valueW = (width - 2 * labelW - 4 * padH - 5 * LINE) / 2;
  return {
    ...s,
    script,
    width,
    labelW,
    valueW,
    wideW: 2 * valueW + labelW + 2 * padH + 2 * LINE,
    termsW: (width - TERMS_GAP) / 2,
  };
}

/** Width of a card's content area in a layout. */
export const cardWidth = (layout: CardLayout) => geometry(layout, 'hans').width;

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

/** Pre-wrapped lines as pdfmake nodes: one `noWrap` text each (`color`: a colour a line, for slots). */
const lines = (ls: string[], extra: Record<string, unknown> = {}, color?: (l: string) => string): PdfContent => {
  const line = (l: string) => (color ? { text: l, noWrap: true, color: color(l) } : { text: l, noWrap: true });
  return ls.length === 1 ? { ...line(ls[0]!), ...extra } : { stack: ls.map(line), ...extra };
};
/** Wrapped in slightly less than the box, so a rounding difference with pdfmake's own measure never overflows it. */
const wrap = (text: string, face: FontFace, size: number, width: number, g: Geo) =>
  wrapText(text, face, size, width - 0.5, g.script);

export type Align = 'left' | 'center' | 'right';
/**
 * A card's own text (its values, serial and end dates), where the stamp (pdfStamp.ts) draws it. With `Slots`, each
 * such text node is given a colour of its own (slotColor), so that the layout of a sample card shows where the node
 * went; the text's real colour, face and alignment are kept here. `shape` names everything else that moves the card's
 * layout: cards of one template and shape differ only in their slots' text.
 */
export class Slots {
  readonly items: { text: string; face: FontFace; color: string; align: Align }[] = [];
  shape = '';
  add(text: string, face: FontFace, color: string, align: Align): string {
    this.items.push({ text, face, color, align });
    return slotColor(this.items.length - 1);
  }
}
/** The marker colour of slot k (no card prints #fe….). */
export const slotColor = (k: number) => `#fe${k.toString(16).padStart(4, '0')}`;
/** A variable text's colour: its slot marker when the card is laid out as a sample, else its own. */
const slotted = (s: Slots | undefined, text: string, face: FontFace, color: string, align: Align) =>
  s ? s.add(text, face, color, align) : color;

/** The parts that are the same on every card of a template and layout, wrapped once. */
type Fixed = {
  serviceHours: string[];
  terms: { title: string; items: { first: string; rest: string[]; indent: number }[] }[];
};
const fixedCache = new WeakMap<CardTemplate, Map<string, Fixed>>();

function fixedParts(v: CardView, t: CardTemplate, layout: CardLayout, g: Geo): Fixed {
  let perLayout = fixedCache.get(t);
  if (!perLayout) fixedCache.set(t, (perLayout = new Map()));
  // Keyed by script too: a 繁體 card of the same template has other terms.
  const key = `${layout}:${v.script}`;
  let f = perLayout.get(key);
  if (!f) {
    f = {
      serviceHours: v.serviceHours
        ? wrap(`${v.labels.serviceHours}${v.serviceHours}`, 'serif', g.base - 1, g.width - 2 * (g.pad + 1) - 4, g)
        : [],
      terms: v.terms.map((sec) => ({
        title: sec.title,
        items: sec.lines.map((l, i) => {
          const number = `${i + 1}. `;
          const indent = textWidth(number, 'serif', g.terms, g.script);
          const [first = '', ...rest] = wrap(l, 'serif', g.terms, g.termsW - indent, g);
          return { first: number + first, rest, indent };
        }),
      })),
    };
    perLayout.set(key, f);
  }
  return f;
}

function header(v: CardView, g: Geo, f: Fixed, serialColor: string): PdfContent[] {
  return [
    {
      columns: [
        { text: v.company, font: 'NotoSansSC', fontSize: g.base, color: '#444444', width: '*', noWrap: true },
        {
          text: `No. ${v.serial}`,
          fontSize: g.base - 1,
          alignment: 'right',
          width: 'auto',
          color: serialColor,
          noWrap: true,
        },
      ],
    },
    {
      text: v.title,
      font: 'NotoSansSC',
      fontSize: g.title,
      alignment: 'center',
      characterSpacing: g.title / 4,
      margin: [0, 2, 0, 4],
      noWrap: true,
    },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: [
                {
                  text: [
                    { text: `${v.labels.hotline}  `, fontSize: g.base + 1 },
                    { text: v.hotline, fontSize: g.hotline },
                  ],
                  font: 'NotoSansSC',
                  alignment: 'center',
                  noWrap: true,
                },
                ...(f.serviceHours.length
                  ? [lines(f.serviceHours, { fontSize: g.base - 1, alignment: 'center', margin: [0, 1, 0, 0] })]
                  : []),
              ],
              fillColor: '#e8e8e8',
            },
          ],
        ],
      },
      layout: {
        hLineWidth: () => 1.6,
        vLineWidth: () => 1.6,
        hLineColor: () => '#000000',
        vLineColor: () => '#000000',
        paddingTop: () => g.pad + 1,
        paddingBottom: () => g.pad + 1,
      },
      margin: [0, 0, 0, 6],
    },
  ];
}

function sectionTitle(text: string, g: Geo): PdfContent {
  return { text, font: 'NotoSansSC', fontSize: g.base + 0.5, margin: [0, 4, 0, 2], noWrap: true };
}

/** The bordered fields table, and how many lines its values take beyond one a row (long values make it taller). */
function fieldsTable(v: CardView, g: Geo, s?: Slots): { node: PdfContent; extraLines: number; counts: number[] } {
  const label = (t: string) => ({ text: t, fillColor: LABEL_FILL, alignment: 'center', noWrap: true });
  let extraLines = 0;
  const counts: number[] = [];
  // A value's lines are slots of their own, one text node each.
  const value = (ls: string[]) => lines(ls, {}, s && ((l) => s.add(l, 'serif', '#000000', 'left')));
  const body = fieldRows(v.fields).map((r) => {
    const values = r.map((f) => wrap(f.value, 'serif', g.base, r.length === 1 ? g.wideW : g.valueW, g));
    extraLines += Math.max(...values.map((x) => x.length)) - 1;
    counts.push(...values.map((x) => x.length));
    return r.length === 1
      ? [label(r[0]!.label), { ...(value(values[0]!) as object), colSpan: 3 }, {}, {}]
      : [label(r[0]!.label), value(values[0]!), label(r[1]!.label), value(values[1]!)];
  });
  return {
    counts,
    node: {
      table: { widths: [g.labelW, g.valueW, g.labelW, g.valueW], body },
      layout: gridLayout(g.pad),
      fontSize: g.base,
      lineHeight: FIELD_LINE_HEIGHT,
    },
    extraLines,
  };
}

function periodsTable(v: CardView, g: Geo, width: number, s?: Slots): { node: PdfContent; endW: number } {
  const head = [v.labels.component, v.labels.period, v.labels.until].map((t) => ({
    text: t,
    font: 'NotoSansSC',
    fillColor: LABEL_FILL,
    alignment: 'center',
    noWrap: true,
  }));
  const padH = 2 * (g.pad + 1);
  const labelW =
    Math.max(
      textWidth(v.labels.period, 'sans', g.base, g.script),
      ...v.periods.map((p) => textWidth(p.label, 'serif', g.base, g.script)),
    ) + 0.5;
  const endW =
    Math.max(
      textWidth(v.labels.until, 'sans', g.base, g.script),
      ...v.periods.map((p) => textWidth(p.end, 'sans', g.base, g.script)),
    ) + 0.5;
  const nameW = Math.max(g.base * 2, width - labelW - endW - 3 * padH - 4 * LINE);
  const node = {
    table: {
      headerRows: 1,
      widths: [nameW, labelW, endW],
      body: [
        head,
        ...v.periods.map((p) => [
          lines(wrap(p.name, 'serif', g.base, nameW, g), { alignment: 'center' }),
          { text: p.label, alignment: 'center', noWrap: true },
          {
            text: p.end,
            alignment: 'center',
            font: 'NotoSansSC',
            noWrap: true,
            color: slotted(s, p.end, 'sans', '#000000', 'center'),
          },
        ]),
      ],
    },
    layout: gridLayout(g.pad),
    fontSize: g.base,
    lineHeight: 1.1,
  };
  return { node, endW };
}

/** The terms in small type, in two columns: coverage and exclusions left, claims and 三包 right. */
function terms(f: Fixed, g: Geo): PdfContent {
  const section = (sec: Fixed['terms'][number]): PdfContent => ({
    stack: [
      { text: `【${sec.title}】`, font: 'NotoSansSC', fontSize: g.terms + 0.4, margin: [0, 2, 0, 0.5], noWrap: true },
      ...sec.items.flatMap((it) => [
        { text: it.first, noWrap: true },
        ...it.rest.map((l) => ({ text: l, noWrap: true, margin: [it.indent, 0, 0, 0] })),
      ]),
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

/**
 * The QR code is a PNG image (4 px a module, quiet zone included; PDF images print without interpolation) named in the
 * document's `images`. pdfmake's own `qr` node draws every dark module as a vector square: ~400 objects a card kept
 * until the batch is laid out (+120 KB a card), and it rounds the module size down to whole points.
 */
const qrImage = (key: string, size: number, s?: Slots): PdfContent =>
  s
    ? { canvas: [{ type: 'rect', x: 0, y: 0, w: size, h: size, color: QR_MARK }] } // a sample: where the QR goes
    : { image: key, width: size, height: size };
/** The colour of the square a sample card has where its QR code goes (pdfStamp.ts draws the code there). */
export const QR_MARK = '#fd0000';

/** The dealer stamp box (dashed) and, on request, the QR code: printed beside the period table. */
function stampAndQr(v: CardView, g: Geo, height: number, width: number, qrKey?: string, s?: Slots): PdfContent {
  const stampW = qrKey ? width - g.qr - 5 : width;
  const stamp = {
    table: {
      widths: [stampW - 2 * (g.pad + 1) - 1.6],
      heights: [height],
      body: [
        [
          {
            stack: [
              lines(wrap(v.stampLabel, 'serif', g.base - 0.5, stampW - 8, g), {
                fontSize: g.base - 0.5,
                color: '#444444',
              }),
              {
                text: v.labels.stampDate,
                fontSize: g.base - 1,
                color: '#444444',
                margin: [0, height - g.base * 3.3, 0, 0],
                noWrap: true,
              },
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
  if (qrKey) {
    cols.push({
      width: g.qr,
      stack: [
        qrImage(qrKey, g.qr, s),
        { text: v.labels.scan, fontSize: g.terms, alignment: 'center', margin: [0, 1, 0, 0], noWrap: true },
      ],
    });
  }
  return { columns: cols, columnGap: 5 };
}

/**
 * The repair-record grid: a one-row table for the column heads, then the empty rows drawn as one canvas of lines
 * (a table of 8 × 5 empty cells costs pdfmake ~130 objects a card; the canvas costs 15).
 */
function repairGrid(v: CardView, g: Geo, extraLines: number): PdfContent {
  const head = v.labels.repairGrid.map((t) => ({
    text: t,
    font: 'NotoSansSC',
    fillColor: LABEL_FILL,
    alignment: 'center',
    noWrap: true,
  }));
  const padH = 2 * (g.pad + 1);
  const fixed = [62, 58, 52];
  const wide = (g.width - fixed.reduce((a, b) => a + b, 0) - 5 * padH - 6 * LINE) / 2;
  const widths = [fixed[0]!, wide, wide, fixed[1]!, fixed[2]!];
  // Column rules sit where the table draws its own vertical lines: after each column's padding and content.
  const xs: number[] = [LINE / 2];
  for (const w of widths) xs.push(xs[xs.length - 1]! + w + padH + LINE);
  // Rows are 24 pt for handwriting; when long values made the fields table taller, they give up to 6 pt each so the
  // card stays on one page (the standard template leaves ~16 pt spare on the A4 page).
  const lineH = g.base * FIELD_LINE_HEIGHT * NOTO_LINE_EM;
  const rowH = Math.max(18, Math.min(24, 24 - Math.ceil((extraLines * lineH - 16) / REPAIR_GRID_ROWS)));
  const h = REPAIR_GRID_ROWS * rowH;
  const line = (x1: number, y1: number, x2: number, y2: number) => ({
    type: 'line',
    x1,
    y1,
    x2,
    y2,
    lineWidth: LINE,
    lineColor: BORDER,
  });
  return {
    stack: [
      sectionTitle(v.labels.repairs, g),
      { table: { headerRows: 1, widths, body: [head] }, layout: gridLayout(g.pad), fontSize: g.base },
      {
        canvas: [
          ...xs.map((x) => line(x, 0, x, h)),
          ...Array.from({ length: REPAIR_GRID_ROWS }, (_, i) =>
            line(0, (i + 1) * rowH, xs[xs.length - 1]! + LINE / 2, (i + 1) * rowH),
          ),
        ],
      },
    ],
  };
}

/** About the height of the period table, so the stamp box beside it matches. */
const periodsHeight = (v: CardView, g: Geo) =>
  Math.max(g.qr + g.terms * 1.6, (v.periods.length + 1) * (g.base * 1.1 * 1.32 + 2 * g.pad + LINE) - 2);

/**
 * One card: with `slots`, its own texts marked as slots and its shape named (see Slots) at once; its pdfmake content
 * (without page placement) when asked for. A card of a shape already stamped needs none.
 */
export function cardParts(
  v: CardView,
  template: CardTemplate,
  layout: CardLayout,
  slots?: Slots,
): { content(qrKey?: string): PdfContent[] } {
  const g = geometry(layout, v.script);
  const f = fixedParts(v, template, layout, g);
  const gap = 8;
  const periodsW = Math.round(g.width * 0.55);
  const stampW = g.width - periodsW - gap;
  const fields = fieldsTable(v, g, slots);
  const periods = periodsTable(v, g, periodsW, slots);
  const serialColor = slotted(slots, `No. ${v.serial}`, 'serif', '#444444', 'right');
  // The lines of each value and the end-date column's width: what else moves the rest of the card.
  if (slots) slots.shape = `${fields.counts.join(',')}|${periods.endW}`;
  return {
    content: (qrKey?: string) => [
      ...header(v, g, f, serialColor),
      sectionTitle(v.labels.info, g),
      fields.node,
      {
        columns: [
          { width: periodsW, stack: [sectionTitle(v.labels.periods, g), periods.node] },
          {
            width: stampW,
            stack: [sectionTitle(' ', g), stampAndQr(v, g, periodsHeight(v, g), stampW, qrKey, slots)],
          },
        ],
        columnGap: gap,
      },
      terms(f, g),
      ...(layout === 'a4-grid' ? [repairGrid(v, g, fields.extraLines)] : []),
    ],
  };
}

/** One card's content (without page placement); with `slots`, its own text marked as slots (see Slots). */
export const cardContent = (v: CardView, template: CardTemplate, layout: CardLayout, qrKey?: string, slots?: Slots) =>
  cardParts(v, template, layout, slots).content(qrKey);
