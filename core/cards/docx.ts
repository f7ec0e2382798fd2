// Cards → one DOCX with the `docx` library: the same card as the PDF, in Word tables (editable before printing).
// Formatting lives in named paragraph styles and table-level borders and margins, not on every run and cell: a card
// is then ~15 KB of XML instead of ~42 KB, and 1,000 cards take a third of the memory.
import {
  AlignmentType,
  BorderStyle,
  ColumnBreak,
  Document as DocxDocument,
  HeightRule,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphStyleOptions,
  type ISectionOptions,
} from 'docx';
import { docxEastAsiaFont, docxLanguage } from '../export/fontFamilies.js';
import { BidForgeError } from '../model/problem.js';
import {
  cardView,
  fieldRows,
  REPAIR_GRID_ROWS,
  templatePicker,
  type CardRenderOptions,
  type CardView,
  type TemplateOf,
} from './card.js';
import { qrMatrix, qrPng } from './qr.js';
import type { CardRow } from './read.js';
import type { CardScript } from './script.js';
import type { CardTemplate } from './template.js';

// East Asian font names by the card's script, as the documents' DOCX name them (core/export/fontFamilies.ts): 宋体
// and 黑体 for 简体, 新細明體 and 微軟正黑體 for 繁體.
const SONG = (script: CardScript = 'hans') => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: docxEastAsiaFont('宋体', { script }),
  cs: 'Times New Roman',
});
const HEI = (script: CardScript = 'hans') => ({
  ascii: 'Arial',
  hAnsi: 'Arial',
  eastAsia: docxEastAsiaFont('黑体', { script }),
  cs: 'Arial',
});
const MM = 1440 / 25.4; // twips per millimetre
const mm = (n: number) => Math.round(n * MM);
const PT = 20; // twips per point

type Sizes = { base: number; title: number; hotline: number; terms: number; qr: number };
// Half-points, except qr (points).
const SMALL: Sizes = { base: 17, title: 38, hotline: 28, terms: 13, qr: 54 };
const LARGE: Sizes = { base: 20, title: 48, hotline: 34, terms: 15, qr: 66 };

type Style =
  | 'CardText'
  | 'CardSmall'
  | 'CardCenter'
  | 'CardHead'
  | 'CardHeadCenter'
  | 'CardTitle'
  | 'CardTerm'
  | 'CardTermHead';

function styles(s: Sizes, script: CardScript): IParagraphStyleOptions[] {
  const [song, hei] = [SONG(script), HEI(script)];
  const tight = { before: 0, after: 0, line: 260 };
  const st = (
    id: Style,
    run: IParagraphStyleOptions['run'],
    paragraph: IParagraphStyleOptions['paragraph'] = {},
  ): IParagraphStyleOptions => ({
    id,
    name: id,
    basedOn: 'Normal',
    run,
    paragraph: { spacing: tight, ...paragraph },
  });
  return [
    st('CardText', { font: song, size: s.base }),
    st('CardSmall', { font: song, size: s.base - 2 }),
    st('CardCenter', { font: song, size: s.base }, { alignment: AlignmentType.CENTER }),
    st('CardHead', { font: hei, size: s.base + 1 }, { spacing: { before: 100, after: 40 } }),
    st('CardHeadCenter', { font: hei, size: s.base }, { alignment: AlignmentType.CENTER }),
    st(
      'CardTitle',
      { font: hei, size: s.title },
      { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 80 } },
    ),
    st(
      'CardTerm',
      { font: song, size: s.terms },
      {
        alignment: AlignmentType.JUSTIFIED,
        indent: { left: 200, hanging: 200 },
        spacing: { before: 0, after: 0, line: 240 },
      },
    ),
    st('CardTermHead', { font: hei, size: s.terms + 1 }, { spacing: { before: 40, after: 0 } }),
  ];
}

const line = (
  size: number,
  style: (typeof BorderStyle)[keyof typeof BorderStyle] = BorderStyle.SINGLE,
  color = '333333',
) => ({ style, size, color });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const box = (b: ReturnType<typeof line>) => ({ top: b, bottom: b, left: b, right: b });
const GRID = { ...box(line(4)), insideHorizontal: line(4), insideVertical: line(4) };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const NO_CELL_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const CELL_MARGINS = { top: 30, bottom: 30, left: 70, right: 70 };
const fill = (hex: string) => ({ type: ShadingType.CLEAR, color: 'auto', fill: hex });

const p = (text: string, style: Style, extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ style, text, ...extra });

function cell(
  children: (Paragraph | Table)[],
  width: number,
  extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {},
): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...extra,
  });
}

function table(
  rows: TableRow[],
  widths: number[],
  borders: Record<string, unknown> = GRID,
  margins: Record<string, number> = CELL_MARGINS,
): Table {
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders,
    margins,
  });
}

/** The terms block is the same on every card: built once per batch. */
function termsTable(v: CardView, width: number): Table {
  const half = Math.ceil(v.terms.length / 2);
  const tw = Math.floor(width / 2);
  const termCell = (secs: CardView['terms'], w: number) =>
    new TableCell({
      width: { size: w, type: WidthType.DXA },
      margins: { left: 0, right: 80, top: 0, bottom: 0 },
      children: secs.flatMap((sec) => [
        p(`【${sec.title}】`, 'CardTermHead'),
        ...sec.lines.map((l, i) => p(`${i + 1}. ${l}`, 'CardTerm')),
      ]),
    });
  return table(
    [new TableRow({ children: [termCell(v.terms.slice(0, half), tw), termCell(v.terms.slice(half), width - tw)] })],
    [tw, width - tw],
    NO_BORDERS,
  );
}

function repairGrid(v: CardView, width: number): Table {
  const fixed = [Math.round(width * 0.14), Math.round(width * 0.13), Math.round(width * 0.12)];
  const wide = Math.floor((width - fixed[0]! - fixed[1]! - fixed[2]!) / 2);
  const widths = [fixed[0]!, wide, wide, fixed[1]!, fixed[2]!];
  return table(
    [
      new TableRow({
        tableHeader: true,
        children: v.labels.repairGrid.map((h, i) =>
          cell([p(h, 'CardHeadCenter')], widths[i]!, { shading: fill('F0F0F0') }),
        ),
      }),
      ...Array.from(
        { length: REPAIR_GRID_ROWS },
        () =>
          new TableRow({
            height: { value: 24 * PT, rule: HeightRule.EXACT },
            children: widths.map((w) => cell([p('', 'CardText')], w)),
          }),
      ),
    ],
    widths,
  );
}

type Shared = { terms: Table; grid?: Table };
/** The terms (and grid) of each template in the batch, built once: a batch may mix product types. */
type SharedOf = (v: CardView, template: CardTemplate) => Shared;

/** One card as Word paragraphs and tables, `width` twips wide. */
function cardBlocks(
  v: CardView,
  s: Sizes,
  width: number,
  breakBefore: boolean,
  shared: Shared,
  qrPngBytes?: Uint8Array,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  out.push(
    new Paragraph({
      style: 'CardSmall',
      ...(breakBefore ? { pageBreakBefore: true } : {}),
      tabStops: [{ type: TabStopType.RIGHT, position: width }],
      children: [new TextRun({ text: v.company, font: HEI(v.script) }), new TextRun(`\tNo. ${v.serial}`)],
    }),
  );
  out.push(p(v.title, 'CardTitle'));
  const hotline = new Paragraph({
    style: 'CardCenter',
    children: [
      new TextRun({ text: `${v.labels.hotline}  `, font: HEI(v.script), size: s.base + 2 }),
      new TextRun({ text: v.hotline, size: s.hotline, font: HEI(v.script), bold: true }),
    ],
  });
  const hours = v.serviceHours
    ? [p(`${v.labels.serviceHours}${v.serviceHours}`, 'CardSmall', { alignment: AlignmentType.CENTER })]
    : [];
  out.push(
    table([new TableRow({ children: [cell([hotline, ...hours], width, { shading: fill('E8E8E8') })] })], [width], {
      ...box(line(16, BorderStyle.SINGLE, '000000')),
    }),
  );

  out.push(p(v.labels.info, 'CardHead'));
  const labelW = Math.round((2 * s.base + 10) * PT); // four characters (s.base is in half-points) and the cell margins
  const valueW = Math.floor((width - 2 * labelW) / 2);
  const label = (t: string) => cell([p(t, 'CardCenter')], labelW, { shading: fill('F0F0F0') });
  out.push(
    table(
      fieldRows(v.fields).map(
        (r) =>
          new TableRow({
            children:
              r.length === 1
                ? [label(r[0]!.label), cell([p(r[0]!.value, 'CardText')], 2 * valueW + labelW, { columnSpan: 3 })]
                : [
                    label(r[0]!.label),
                    cell([p(r[0]!.value, 'CardText')], valueW),
                    label(r[1]!.label),
                    cell([p(r[1]!.value, 'CardText')], valueW),
                  ],
          }),
      ),
      [labelW, valueW, labelW, valueW],
    ),
  );

  out.push(p(v.labels.periods, 'CardHead'));
  const colW = [Math.round(width * 0.26), Math.round(width * 0.14), Math.round(width * 0.22)];
  const periodsW = colW.reduce((a, b) => a + b, 0);
  const gap = Math.round(width * 0.03);
  const stampW = width - periodsW - gap;
  const periods = table(
    [
      new TableRow({
        children: [v.labels.component, v.labels.period, v.labels.until].map((t, i) =>
          cell([p(t, 'CardHeadCenter')], colW[i]!, { shading: fill('F0F0F0') }),
        ),
      }),
      ...v.periods.map(
        (pr) =>
          new TableRow({
            children: [
              cell([p(pr.name, 'CardCenter')], colW[0]!),
              cell([p(pr.label, 'CardCenter')], colW[1]!),
              cell([p(pr.end, 'CardHeadCenter')], colW[2]!),
            ],
          }),
      ),
    ],
    colW,
  );
  // The stamp box (dashed) and the QR code sit beside the period table, in one borderless outer row.
  const qrW = qrPngBytes ? s.qr * PT + 120 : 0;
  const boxW = stampW - qrW;
  const stamp = table(
    [
      new TableRow({
        height: { value: (v.periods.length + 1) * 330, rule: HeightRule.ATLEAST },
        children: [
          cell(
            [
              p(v.stampLabel, 'CardSmall'),
              p('', 'CardText'),
              p('', 'CardText'),
              p(v.labels.stampDate, 'CardSmall', { spacing: { before: 120 } }),
            ],
            boxW,
            {
              borders: box(line(6, BorderStyle.DASHED)),
              verticalAlign: VerticalAlignTable.TOP,
            },
          ),
          ...(qrPngBytes
            ? [
                cell(
                  [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [
                        new ImageRun({
                          type: 'png',
                          data: qrPngBytes,
                          transformation: { width: (s.qr * 4) / 3, height: (s.qr * 4) / 3 },
                        }),
                      ],
                    }),
                    p(v.labels.scan, 'CardSmall', { alignment: AlignmentType.CENTER }),
                  ],
                  qrW,
                  { borders: NO_CELL_BORDERS, margins: { top: 0, bottom: 0, left: 60, right: 0 } },
                ),
              ]
            : []),
        ],
      }),
    ],
    qrPngBytes ? [boxW, qrW] : [boxW],
    NO_BORDERS,
  );
  const outer = (children: (Paragraph | Table)[], w: number) =>
    new TableCell({ children, width: { size: w, type: WidthType.DXA } });
  out.push(
    table(
      [
        new TableRow({
          children: [outer([periods], periodsW), outer([p('', 'CardSmall')], gap), outer([stamp], stampW)],
        }),
      ],
      [periodsW, gap, stampW],
      NO_BORDERS,
      { top: 0, bottom: 0, left: 0, right: 0 },
    ),
  );

  out.push(p('', 'CardSmall'));
  out.push(shared.terms);
  if (shared.grid) out.push(p(v.labels.repairs, 'CardHead', { spacing: { before: 140, after: 40 } }), shared.grid);
  return out;
}

/** Renders all rows into one DOCX: A5 pages, landscape A4 in two columns with a separator line, or A4 with the grid. */
export async function renderCardsDocx(
  rows: CardRow[],
  templates: TemplateOf,
  opts: CardRenderOptions = {},
): Promise<Uint8Array> {
  if (rows.length === 0) throw new BidForgeError('cards_none', '没有可导出的保修卡');
  const layout = opts.layout ?? 'a5';
  const s = layout === 'a4-grid' ? LARGE : SMALL;
  const margin = mm(10);
  const pick = templatePicker(templates);
  const cards = rows.map((r) => ({ template: pick(r), v: cardView(r, pick(r), opts) }));
  const sharedOf = (make: (v: CardView) => Shared): SharedOf => {
    const built = new Map<CardTemplate, Shared>();
    return (v, t) => built.get(t) ?? (built.set(t, make(v)), built.get(t)!);
  };
  const qr = (v: CardView) => (v.qr ? qrPng(qrMatrix(v.qr), 8) : undefined);
  let section: ISectionOptions;
  if (layout === 'a4x2') {
    const colSpace = mm(20);
    const width = Math.floor((mm(297) - 2 * margin - colSpace) / 2);
    const shared = sharedOf((v) => ({ terms: termsTable(v, width) }));
    section = {
      properties: {
        page: {
          size: { width: mm(210), height: mm(297), orientation: PageOrientation.LANDSCAPE },
          margin: { top: margin, bottom: margin, left: margin, right: margin },
        },
        // The separator line between the two columns is the cut line.
        column: { count: 2, space: colSpace, separate: true, equalWidth: true },
      },
      children: cards.flatMap(({ v, template }, i) => {
        const blocks = cardBlocks(v, s, width, false, shared(v, template), qr(v));
        return i < cards.length - 1
          ? [...blocks, new Paragraph({ style: 'CardSmall', children: [new ColumnBreak()] })]
          : blocks;
      }),
    };
  } else {
    const [pw, ph, m] = layout === 'a5' ? [mm(148), mm(210), margin] : [mm(210), mm(297), mm(15)];
    const width = Math.floor(pw - 2 * m);
    const shared = sharedOf((v) => ({
      terms: termsTable(v, width),
      ...(layout === 'a4-grid' ? { grid: repairGrid(v, width) } : {}),
    }));
    section = {
      properties: {
        page: {
          size: { width: pw, height: ph, orientation: PageOrientation.PORTRAIT },
          margin: { top: layout === 'a5' ? m : mm(14), bottom: layout === 'a5' ? m : mm(12), left: m, right: m },
        },
      },
      children: cards.flatMap(({ v, template }, i) => cardBlocks(v, s, width, i > 0, shared(v, template), qr(v))),
    };
  }
  const doc = new DocxDocument({
    title: `${cards[0]!.v.title}（${rows.length} ${cards[0]!.v.labels.cards}）`,
    creator: cards[0]!.v.company,
    styles: {
      default: { document: { run: { font: SONG(opts.script), size: s.base, language: docxLanguage(opts.script) } } },
      paragraphStyles: styles(s, opts.script ?? 'hans'),
    },
    sections: [section],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
