// Cards → one PDF with pdfmake (one document for the whole batch; fonts set up once in core/export/pdf.ts). A card's
// content is core/cards/pdfCard.ts; here its pages, the batch and the chunked layout.
import { createRequire } from 'node:module';
import { BidForgeError } from '../model/problem.js';
import { configure, type PdfContent, type PdfDefinition } from '../export/pdf.js';
import { cardView, templatePicker, type CardRenderOptions, type TemplateOf } from './card.js';
import { A4, cardContent, MARGIN, MM, SMALL } from './pdfCard.js';
import type { CardRow } from './read.js';
import { qrMatrix, qrPng } from './qr.js';
import { cardLabels, templateInScript } from './script.js';

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
 * The content for some cards: one card a page (a4x2: two), a page break before each page but the first. QR images
 * go into `images` under keys unique in the batch ("qr-<n>", n counted from `first`).
 */
function cardsContent(
  rows: CardRow[],
  templates: TemplateOf,
  opts: CardRenderOptions,
  images: Record<string, string>,
  first = 0,
): PdfContent[] {
  const layout = opts.layout ?? 'a5';
  const pick = templatePicker(templates);
  const card = (r: CardRow, i: number): PdfContent[] => {
    const template = pick(r);
    const v = cardView(r, template, opts);
    if (v.qr)
      images[`qr-${first + i}`] = `data:image/png;base64,${Buffer.from(qrPng(qrMatrix(v.qr), 4)).toString('base64')}`;
    return cardContent(v, template, layout, v.qr ? `qr-${first + i}` : undefined);
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

/** The whole batch as one pdfmake document definition (what renderCardsPdf lays out, in chunks). */
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

// pdfmake lays out a whole document before it renders a page, and keeps every laid-out line until then: ~185 KB a
// card, so 1,000 cards peaked near 470 MB and 5,000 would not fit. So a batch is laid out in chunks of CHUNK cards,
// all rendered into the one pdfkit document of the first chunk (same fonts, one subset each, one file): the first
// chunk goes through pdfmake's public createPdf, the others through the LayoutBuilder and Renderer it uses itself.
// These are pdfmake 0.3 internals (js/LayoutBuilder.js, js/Renderer.js, js/SVGMeasure.js, js/tableLayouts.js,
// js/PageSize.js); test/cards/render.test.ts renders more than one chunk and reads the result back. Peak RSS for
// 1,000 cards: chunks of 100 ~400 MB, 50 ~360 MB, 20 ~330 MB, at the same speed. Even, for a4x2's pairs.
export const CHUNK = 20;

type PdfKitDoc = NodeJS.ReadableStream & { images: Record<string, string>; end(): void };
type Internals = {
  LayoutBuilder: new (
    pageSize: unknown,
    margins: unknown,
    svgMeasure: unknown,
  ) => {
    registerTableLayouts(layouts: unknown): void;
    layoutDocument(
      content: PdfContent[],
      doc: PdfKitDoc,
      styles: object,
      defaultStyle: object,
      background?: unknown,
      header?: unknown,
      footer?: unknown,
      watermark?: unknown,
      pageBreakBefore?: unknown,
    ): unknown[];
  };
  Renderer: new (doc: PdfKitDoc) => { renderPages(pages: unknown[]): void };
  SVGMeasure: new () => unknown;
  tableLayouts: unknown;
  normalizePageSize(size: string, orientation: string): unknown;
  normalizePageMargin(margins: number[]): unknown;
};
let internals: Internals | undefined;
function pdfmakeInternals(): Internals {
  if (!internals) {
    const req = createRequire(import.meta.url);
    const pageSize = req('pdfmake/js/PageSize.js') as Pick<Internals, 'normalizePageSize' | 'normalizePageMargin'>;
    internals = {
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

/** Renders all rows into one PDF, laying them out CHUNK cards at a time. */
export async function renderCardsPdf(
  rows: CardRow[],
  templates: TemplateOf,
  opts: CardRenderOptions = {},
): Promise<Uint8Array> {
  if (rows.length === 0) throw new BidForgeError('cards_none', '没有可导出的保修卡');
  const setup = pageSetup(opts);
  const images: Record<string, string> = {};
  const def: PdfDefinition = {
    ...setup,
    info: info(rows, templates, opts),
    content: cardsContent(rows.slice(0, CHUNK), templates, opts, images),
    images,
    defaultStyle: DEFAULT_STYLE,
  };
  const pdfmake = configure() as unknown as { createPdf(def: PdfDefinition): { getStream(): Promise<PdfKitDoc> } };
  const doc = await pdfmake.createPdf(def).getStream();
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
  const { LayoutBuilder, Renderer, SVGMeasure, tableLayouts, normalizePageSize, normalizePageMargin } =
    pdfmakeInternals();
  for (let i = CHUNK; i < rows.length; i += CHUNK) {
    await new Promise((r) => setImmediate(r)); // let the stream deliver what the last chunk wrote
    compact();
    for (const k of Object.keys(doc.images)) delete doc.images[k]; // embedded already: drop the data URLs
    const content = cardsContent(rows.slice(i, i + CHUNK), templates, opts, doc.images, i);
    const builder = new LayoutBuilder(
      normalizePageSize(setup.pageSize, setup.pageOrientation),
      normalizePageMargin(setup.pageMargins),
      new SVGMeasure(),
    );
    builder.registerTableLayouts(tableLayouts);
    new Renderer(doc).renderPages(builder.layoutDocument(content, doc, {}, DEFAULT_STYLE, setup.background));
  }
  doc.end();
  await done;
  compact();
  const buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
