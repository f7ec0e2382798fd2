// Cards → one PDF (one pdfkit document for the whole batch, pdfmake's, with the speed-ups of core/export/pdf.ts). A
// card's content is core/cards/pdfCard.ts; it is laid out by pdfmake once per shape and stamped (pdfStamp.ts); here
// its pages and the batch.
import { createRequire } from 'node:module';
import { BidForgeError } from '../model/problem.js';
import { configure, type PdfContent, type PdfDefinition } from '../export/pdf.js';
import { cardView, templatePicker, type CardRenderOptions, type CardView, type TemplateOf } from './card.js';
import { cardFontDescriptors, withFallbackFonts } from './cardFonts.js';
import { A4, cardContent, cardParts, cardWidth, MARGIN, MM, SMALL, Slots } from './pdfCard.js';
import { type CardDoc, drawStamped, formOf, type LaidOutPage, type Stamp, stampOf } from './pdfStamp.js';
import type { CardRow } from './read.js';
import { qrMatrix, qrPng } from './qr.js';
import { cardLabels, templateInScript } from './script.js';
import type { CardTemplate } from './template.js';

type PageSetup = { pageSize: string; pageOrientation: string; pageMargins: number[]; background?: () => PdfContent };

function pageSetup(opts: CardRenderOptions): PageSetup {
  const layout = opts.layout ?? 'a5';
  const cutLine = () => cutLineFor(cardLabels(opts.script).cut);
  return layout === 'a5'
    ? { pageSize: 'A5', pageOrientation: 'portrait', pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN] }
    : layout === 'a4x2'
      ? {
          pageSize: 'A4',
          pageOrientation: 'landscape',
          pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
          background: cutLine,
        }
      : { pageSize: 'A4', pageOrientation: 'portrait', pageMargins: [15 * MM, 12 * MM, 15 * MM, 10 * MM] };
}

/** The PDF's title and author: the first card's template, in the card's script. */
function info(rows: CardRow[], templates: TemplateOf, opts: CardRenderOptions) {
  const t = templateInScript(templatePicker(templates)(rows[0]!), opts.script);
  return {
    title: `${t.title}（${rows.length} ${cardLabels(opts.script).cards}）`,
    author: t.company,
    subject: t.title,
    creator: 'BidForge',
  };
}

const DEFAULT_STYLE = { font: 'NotoSerifSC', fontSize: SMALL.base, lineHeight: 1.15 };

/**
 * The cards as pdfmake content: one card a page (a4x2: two), a page break before each page but the first. QR images
 * go into `images` under keys unique in the batch ("qr-<n>").
 */
function cardsContent(
  rows: CardRow[],
  templates: TemplateOf,
  opts: CardRenderOptions,
  images: Record<string, string>,
): PdfContent[] {
  const layout = opts.layout ?? 'a5';
  const pick = templatePicker(templates);
  const card = (r: CardRow, i: number): PdfContent[] => {
    const template = pick(r);
    const v = cardView(r, template, opts);
    if (v.qr) images[`qr-${i}`] = `data:image/png;base64,${Buffer.from(qrPng(qrMatrix(v.qr), 4)).toString('base64')}`;
    return cardContent(v, template, layout, v.qr ? `qr-${i}` : undefined);
  };
  const content: PdfContent[] = [];
  if (layout === 'a4x2') {
    for (let i = 0; i < rows.length; i += 2) {
      const pair = rows.slice(i, i + 2).map((r, k) => ({ stack: card(r, i + k), width: '*' }));
      if (pair.length === 1) pair.push({ stack: [], width: '*' });
      content.push({ columns: pair, columnGap: 2 * MARGIN, ...(i > 0 ? { pageBreak: 'before' } : {}) });
    }
  } else {
    rows.forEach((r, i) => content.push({ stack: card(r, i), ...(i > 0 ? { pageBreak: 'before' } : {}) }));
  }
  return content;
}

/** The whole batch as one pdfmake document definition: the cards as pdfmake lays them out (renderCardsPdf stamps them). */
export function cardsPdfDefinition(
  rows: CardRow[],
  templates: TemplateOf,
  opts: CardRenderOptions = {},
): PdfDefinition {
  const images: Record<string, string> = {};
  const content = cardsContent(rows, templates, opts, images);
  return {
    ...pageSetup(opts),
    info: info(rows, templates, opts),
    content,
    images,
    defaultStyle: DEFAULT_STYLE,
  };
}

/** The vertical dashed cut line between the two cards of an a4x2 page, with a small vertical note beside it. */
function cutLineFor(note: string): PdfContent {
  const x = A4.h / 2;
  return [
    {
      canvas: [
        {
          type: 'line',
          x1: x,
          y1: 8,
          x2: x,
          y2: A4.w - 8,
          lineWidth: 0.5,
          lineColor: '#888888',
          dash: { length: 4, space: 3 },
        },
      ],
    },
    { text: note, fontSize: 6, lineHeight: 1, color: '#888888', absolutePosition: { x: x + 3, y: A4.w / 2 - 20 } },
  ];
}

// pdfmake lays out a whole document before it renders a page, and keeps every laid-out line until then; a card laid
// out and drawn by pdfmake took ~3 ms. So each card is drawn from the stamp of its shape (pdfStamp.ts), and only a
// sample of each shape, and any card that does not fit its page (very long values: pdfmake breaks it over pages as
// before), goes through pdfmake's LayoutBuilder and Renderer, into the one pdfkit document of the batch. These are
// pdfmake 0.3 internals (js/PDFDocument.js, js/LayoutBuilder.js, js/Renderer.js, js/SVGMeasure.js,
// js/tableLayouts.js, js/PageSize.js); test/cards/stamp.test.ts compares the results with pdfmake's own. Every CHUNK
// cards the stream's output is collected.
export const CHUNK = 20;

type Builder = {
  registerTableLayouts(layouts: unknown): void;
  layoutDocument(
    content: PdfContent[],
    doc: CardDoc,
    styles: object,
    defaultStyle: object,
    background?: unknown,
  ): LaidOutPage[];
};
type Internals = {
  PDFDocument: new (
    fonts: object,
    images: object,
    patterns: object,
    attachments: object,
    options: object,
    vfs: unknown,
  ) => CardDoc;
  LayoutBuilder: new (pageSize: unknown, margins: unknown, svgMeasure: unknown) => Builder;
  Renderer: new (
    doc: CardDoc,
  ) => {
    renderPages(pages: unknown[]): void;
    renderLine(line: unknown, x: number, y: number): void;
    renderVector(v: unknown): void;
    renderImage(i: unknown): void;
  };
  SVGMeasure: new () => unknown;
  tableLayouts: unknown;
  normalizePageSize(size: string, orientation: string): { width: number; height: number };
  normalizePageMargin(margins: number[]): unknown;
};
let internals: Internals | undefined;
function pdfmakeInternals(): Internals {
  if (!internals) {
    const req = createRequire(import.meta.url);
    const pageSize = req('pdfmake/js/PageSize.js') as Pick<Internals, 'normalizePageSize' | 'normalizePageMargin'>;
    internals = {
      PDFDocument: (req('pdfmake/js/PDFDocument.js') as { default: Internals['PDFDocument'] }).default,
      LayoutBuilder: (req('pdfmake/js/LayoutBuilder.js') as { default: Internals['LayoutBuilder'] }).default,
      Renderer: (req('pdfmake/js/Renderer.js') as { default: Internals['Renderer'] }).default,
      SVGMeasure: (req('pdfmake/js/SVGMeasure.js') as { default: Internals['SVGMeasure'] }).default,
      tableLayouts: (req('pdfmake/js/tableLayouts.js') as { tableLayouts: unknown }).tableLayouts,
      normalizePageSize: pageSize.normalizePageSize,
      normalizePageMargin: pageSize.normalizePageMargin,
    };
  }
  return internals;
}

/** The batch's pdfkit document, made as pdfmake's Printer makes it, with the card fonts of the script. */
function cardDocument(rows: CardRow[], templates: TemplateOf, opts: CardRenderOptions): CardDoc {
  const { PDFDocument, normalizePageSize } = pdfmakeInternals();
  const setup = pageSetup(opts);
  const size = normalizePageSize(setup.pageSize, setup.pageOrientation);
  const i = info(rows, templates, opts);
  const pdfmake = configure() as unknown as { virtualfs: Parameters<typeof cardFontDescriptors>[1] };
  return new PDFDocument(
    cardFontDescriptors(opts.script ?? 'hans', pdfmake.virtualfs),
    {},
    {},
    {},
    {
      size: [size.width, size.height],
      pdfVersion: '1.3',
      compress: true,
      autoFirstPage: false,
      fontLayoutCache: true,
      bufferPages: false,
      font: null,
      info: { Producer: 'pdfmake', Creator: i.creator, Title: i.title, Author: i.author, Subject: i.subject },
    },
    pdfmake.virtualfs,
  );
}

type Card = { v: CardView; template: CardTemplate; qr?: boolean[][] };

/** What draws the batch's cards [from, to) onto the document, from stamps of the shapes it has met so far. */
function drawCards(doc: CardDoc, rows: CardRow[], templates: TemplateOf, opts: CardRenderOptions) {
  const { LayoutBuilder, Renderer, SVGMeasure, tableLayouts, normalizePageSize, normalizePageMargin } =
    pdfmakeInternals();
  const layout = opts.layout ?? 'a5';
  const script = opts.script ?? 'hans';
  const setup = pageSetup(opts);
  const size = normalizePageSize(setup.pageSize, setup.pageOrientation);
  const renderer = new Renderer(doc);
  const lay = (content: PdfContent[], margins: number[], background?: unknown) => {
    withFallbackFonts(content, script);
    const builder = new LayoutBuilder(size, normalizePageMargin(margins), new SVGMeasure());
    builder.registerTableLayouts(tableLayouts);
    return builder.layoutDocument(content, doc, {}, DEFAULT_STYLE, background);
  };
  // a4x2: a sample card is laid out in the left column; the right one is the same, one column and gap further.
  const right = layout === 'a4x2' ? cardWidth(layout) + 2 * MARGIN : 0;
  const sampleMargins =
    layout === 'a4x2' ? [MARGIN, MARGIN, size.width - MARGIN - cardWidth(layout), MARGIN] : setup.pageMargins;
  const background = setup.background
    ? formOf(doc, lay([], setup.pageMargins, setup.background)[0]!.items, size, renderer)
    : undefined;

  const stamps = new Map<CardTemplate, Map<string, Stamp | null>>();
  const stampFor = (c: Card) => {
    const slots = new Slots();
    const card = cardParts(c.v, c.template, layout, slots);
    let known = stamps.get(c.template);
    if (!known) stamps.set(c.template, (known = new Map()));
    let stamp = known.get(slots.shape);
    if (stamp === undefined) {
      const content = card.content(c.qr ? 'qr' : undefined);
      stamp = stampOf(doc, lay([{ stack: content }], sampleMargins), slots, !!c.qr, renderer) ?? null;
      known.set(slots.shape, stamp);
    }
    return stamp ? { stamp, slots } : undefined;
  };
  const pick = templatePicker(templates);
  return (from: number, to: number) => {
    const per = layout === 'a4x2' ? 2 : 1;
    for (let i = from; i < to; i += per) {
      const cards = rows.slice(i, Math.min(i + per, to)).map((r): Card => {
        const template = pick(r);
        const v = cardView(r, template, opts);
        return v.qr ? { v, template, qr: qrMatrix(v.qr) } : { v, template };
      });
      const stamped = cards.map(stampFor);
      if (stamped.every((s) => s)) {
        doc.addPage({ size: [size.width, size.height], margin: 0 });
        if (background) {
          doc.page.xobjects.CardPage = background;
          doc.addContent('/CardPage Do');
        }
        stamped.forEach((s, k) => drawStamped(doc, s!.stamp, s!.slots, script, k * right, cards[k]!.qr));
      } else {
        // Does not fit one page: laid out and drawn by pdfmake, over as many pages as it takes (the QR codes as PNGs).
        const keys = cards.map((c, k) => {
          if (!c.qr) return undefined;
          const key = `qr-${i + k}`;
          doc.images[key] = `data:image/png;base64,${Buffer.from(qrPng(c.qr, 4)).toString('base64')}`;
          return key;
        });
        const nodes = cards.map((c, k) => cardContent(c.v, c.template, layout, keys[k]));
        const content: PdfContent[] =
          layout === 'a4x2'
            ? [{ columns: [0, 1].map((k) => ({ stack: nodes[k] ?? [], width: '*' })), columnGap: 2 * MARGIN }]
            : [{ stack: nodes[0]! }];
        renderer.renderPages(lay(content, setup.pageMargins, setup.background));
        for (const key of keys)
          if (key) {
            delete doc.images[key]; // embedded: the data URL and the decoded image can go
            delete doc._imageRegistry[key];
          }
      }
    }
  };
}

/** Renders all rows into one PDF. */
export async function renderCardsPdf(
  rows: CardRow[],
  templates: TemplateOf,
  opts: CardRenderOptions = {},
): Promise<Uint8Array> {
  if (rows.length === 0) throw new BidForgeError('cards_none', '没有可导出的保修卡');
  const doc = cardDocument(rows, templates, opts);
  // pdfkit emits every small write as its own Buffer, each a slice of an 8 KB pool slab: the pieces of each chunk
  // are joined into one buffer so the slabs and the many little Buffer objects can go.
  const parts: Buffer[] = [];
  let pending: Buffer[] = [];
  const compact = () => {
    if (pending.length) parts.push(Buffer.concat(pending));
    pending = [];
  };
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (b: Buffer) => pending.push(b));
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const draw = drawCards(doc, rows, templates, opts);
  for (let i = 0; i < rows.length; i += CHUNK) {
    draw(i, Math.min(i + CHUNK, rows.length));
    await new Promise((r) => setImmediate(r)); // let the stream deliver what these cards wrote
    compact();
  }
  doc.end();
  await done;
  compact();
  const buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
