// Cards drawn from stamps. The cards of a batch differ in a few texts only (values, serial, end dates) and their QR
// code: everything else (frame, labels, fills, grid lines, title, terms) is the same on every card of a template
// whose values take the same number of lines. So pdfmake lays out one sample card of each such shape, with each of
// the card's own texts marked by a colour of its own (pdfCard.ts Slots); the rest of that layout is drawn once into
// a form XObject, and every card of the shape is that form plus its own texts, drawn where the sample's went, and its
// QR image. pdfmake's measuring and table layout ran for every card before: ~60 % of a batch's time.
import type { PdfFont } from '../export/pdfmakeFonts.js';
import { FALLBACK_FAMILY, FAMILY, fontRuns } from './cardFonts.js';
import type { CardScript } from './script.js';
import { type Align, QR_MARK, type Slots, slotColor } from './pdfCard.js';
import { qrRaster } from './qr.js';

/** The parts of pdfkit's PDFReference used here. */
export type Ref = { data: Record<string, unknown>; write(chunk: string): void; end(chunk?: Uint8Array): void };
type PageLike = {
  width: number;
  height: number;
  fonts: Record<string, unknown>;
  xobjects: Record<string, unknown>;
  write(chunk: string): void;
};
/** pdfmake's PDFDocument (a pdfkit document) as used here. */
export type CardDoc = NodeJS.ReadableStream & {
  page: PageLike;
  images: Record<string, string>;
  _imageRegistry: Record<string, unknown>;
  x: number;
  y: number;
  ref(data?: object): Ref;
  addPage(options: object): unknown;
  addContent(s: string): unknown;
  provideFont(family: string, bold: boolean, italics: boolean): PdfFont;
  provideImage(key: string): object;
  image(image: object, x: number, y: number, options: { width: number; height: number }): unknown;
  end(): void;
};

type Inline = { x: number; width: number; fontSize: number; color?: unknown };
type Line = { x: number; y: number; inlines: Inline[]; getAscenderHeight(): number };
export type LaidOutItem = { type: string; item: Record<string, unknown> };
export type LaidOutPage = { items: LaidOutItem[]; pageSize: { width: number; height: number } };
/** pdfmake's Renderer: what draws a laid-out item (with the speed-ups of core/export/pdfmakeSpeed.ts, if installed). */
export type ItemRenderer = {
  renderLine(line: unknown, x: number, y: number): void;
  renderVector(v: unknown): void;
  renderImage(i: unknown): void;
};

type Place = { x: number; baseline: number; width: number; size: number };
export type Stamp = { name: string; form: Ref; places: Place[]; qr?: { x: number; y: number; w: number; h: number } };

const num = (n: number) => Math.round(n * 1e4) / 1e4;

/**
 * A form XObject of laid-out items: drawn into it through the renderer, with the document's current page swapped for
 * the form (its content and resources) meanwhile. The form's space is the page's (pdfkit's top-down coordinates).
 */
export function formOf(doc: CardDoc, items: LaidOutItem[], size: { width: number; height: number }, r: ItemRenderer) {
  const resources = doc.ref({ ProcSet: ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'] });
  const form = doc.ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, size.width, size.height],
    Resources: resources,
  });
  const dict = (key: string) => (resources.data[key] ??= {}) as Record<string, unknown>;
  const page = {
    width: size.width,
    height: size.height,
    margins: { top: 0, left: 0, bottom: 0, right: 0 },
    markings: [],
    get fonts() {
      return dict('Font');
    },
    get xobjects() {
      return dict('XObject');
    },
    get ext_gstates() {
      return dict('ExtGState');
    },
    get patterns() {
      return dict('Pattern');
    },
    get colorSpaces() {
      return dict('ColorSpace');
    },
    write: (chunk: string) => form.write(chunk),
  };
  const real = doc.page;
  const at = [doc.x, doc.y] as const;
  doc.page = page;
  try {
    for (const { type, item } of items) {
      if (type === 'line') r.renderLine(item, item.x as number, item.y as number);
      else if (type === 'vector') r.renderVector(item);
      else if (type === 'image') r.renderImage(item);
      else throw new Error(`card stamp: cannot draw a laid-out ${type}`);
    }
  } finally {
    doc.page = real;
    [doc.x, doc.y] = at;
  }
  form.end();
  resources.end();
  return form;
}

let stamps = 0;
/**
 * The stamp of a sample card's layout, or undefined when the card cannot be stamped: it took more than one page, or
 * one of its slots (or its QR image) is not where a slot can be drawn alone.
 */
export function stampOf(
  doc: CardDoc,
  pages: LaidOutPage[],
  slots: Slots,
  hasQr: boolean,
  r: ItemRenderer,
): Stamp | undefined {
  if (pages.length !== 1) return undefined;
  const page = pages[0]!;
  const marker = new Map(slots.items.map((_, k) => [slotColor(k), k]));
  const places: (Place | undefined)[] = slots.items.map(() => undefined);
  const fixed: LaidOutItem[] = [];
  let qr: Stamp['qr'];
  for (const it of page.items) {
    if (it.type === 'line') {
      const line = it.item as unknown as Line;
      const own = line.inlines.filter((i) => !marker.has(i.color as string));
      if (own.length === line.inlines.length) {
        fixed.push(it);
        continue;
      }
      if (own.length) return undefined; // a slot shares its line with fixed text: not expected, not stamped
      for (const inline of line.inlines) {
        const k = marker.get(inline.color as string)!;
        const x = line.x + inline.x;
        const p = (places[k] ??= { x, baseline: line.y + line.getAscenderHeight(), width: 0, size: inline.fontSize });
        p.width = x + inline.width - p.x;
      }
    } else if (it.type === 'vector' && it.item.color === QR_MARK) {
      const i = it.item as { x: number; y: number; w: number; h: number };
      qr = { x: i.x, y: i.y, w: i.w, h: i.h };
    } else fixed.push(it);
  }
  if (places.some((p) => !p) || hasQr !== !!qr) return undefined;
  return {
    name: `Card${++stamps}`,
    form: formOf(doc, fixed, page.pageSize, r),
    places: places as Place[],
    ...(qr ? { qr } : {}),
  };
}

/** A text's glyphs as TJ elements and its advance (1000 units an em), per font of the document. */
type Encoded = { tj: string; advance: number };
const encodedOf = new WeakMap<PdfFont, Map<string, Encoded>>();

/** CJK characters one by one, other text in runs (Latin words keep their kerning). */
const SEGMENTS =
  /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+/gu;
/**
 * A card's own texts are new on almost every card, and shaping each anew (fontkit) was a third of drawing them; CJK
 * fonts have no kerning or ligatures between ideographs, so a text is shaped in segments that recur: its CJK
 * characters one by one, its other runs (numbers, Latin words) whole.
 */
function encode(font: PdfFont, text: string): Encoded {
  const segments = text.match(SEGMENTS) ?? [];
  if (segments.length <= 1) return encodeRun(font, text);
  const parts = segments.map((seg) => encodeRun(font, seg));
  // Glyph strings that meet (no kerning between) are joined: <4e2d><6587> → <4e2d6587>.
  const tj = parts
    .map((e) => e.tj)
    .join(' ')
    .replaceAll('> <', '');
  return { tj, advance: parts.reduce((a, e) => a + e.advance, 0) };
}

function encodeRun(font: PdfFont, text: string): Encoded {
  let known = encodedOf.get(font);
  if (!known) encodedOf.set(font, (known = new Map()));
  let e = known.get(text);
  if (e) return e;
  const [glyphs, positions] = font.encode(text);
  const parts: string[] = [];
  let advance = 0;
  let from = 0;
  for (let g = 0; g < positions.length; g++) {
    const p = positions[g]!;
    // Kerning: the pen moves by other than the glyph's advance.
    const kern = p.xAdvance - p.advanceWidth;
    if (kern !== 0 || g === positions.length - 1) {
      parts.push(`<${glyphs.slice(from, g + 1).join('')}>${kern ? ` ${num(-kern)}` : ''}`);
      from = g + 1;
    }
    advance += p.xAdvance;
  }
  e = { tj: parts.join(' '), advance };
  known.set(text, e);
  return e;
}

const rgb = (hex: string) => [1, 3, 5].map((i) => num(Number.parseInt(hex.slice(i, i + 2), 16) / 255)).join(' ');

/**
 * Draws one card from its stamp on the current page, `dx` to the right of where the sample lay: the form, then each
 * slot's text (in the script's font, the fallback font for what that lacks) aligned in the sample's box as pdfmake
 * aligns it, then the QR image.
 */
export function drawStamped(
  doc: CardDoc,
  stamp: Stamp,
  slots: Slots,
  script: CardScript,
  dx: number,
  qr?: boolean[][],
): void {
  const page = doc.page;
  page.xobjects[stamp.name] ??= stamp.form;
  const out = [`q 1 0 0 1 ${num(dx)} 0 cm /${stamp.name} Do Q`, 'q'];
  slots.items.forEach((s, k) => {
    const place = stamp.places[k]!;
    const size = place.size;
    const runs = fontRuns(s.text, s.face, script).map((run) => {
      const font = doc.provideFont(run.fallback ? FALLBACK_FAMILY[s.face] : FAMILY[s.face], false, false);
      if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
      return { font, e: encode(font, run.text) };
    });
    const width = (runs.reduce((w, r) => w + r.e.advance, 0) * size) / 1000;
    const x = place.x + dx + offset(s.align, place.width, width);
    out.push(`${rgb(s.color)} rg`, `BT\n1 0 0 -1 ${num(x)} ${num(place.baseline)} Tm`);
    for (const r of runs) out.push(`/${r.font.id} ${num(size)} Tf`, `[${r.e.tj}] TJ`);
    out.push('ET');
  });
  out.push('Q');
  doc.addContent(out.join('\n'));
  if (qr && stamp.qr) {
    const { x, y, w, h } = stamp.qr;
    const name = `QR${++qrImages}`;
    page.xobjects[name] = qrImage(doc, qr);
    // As pdfkit places an image: its unit square scaled to the box, flipped upright.
    doc.addContent(`q ${num(w)} 0 0 ${num(-h)} ${num(x + dx)} ${num(y + h)} cm /${name} Do Q`);
  }
}

let qrImages = 0;
/**
 * A QR code as an image XObject: the pixels of its PNG (qr.ts: 4 px a module, 1 bit a pixel), deflated by pdfkit
 * like any stream, without the PNG around them to make and parse again.
 */
function qrImage(doc: CardDoc, matrix: boolean[][]): Ref {
  const { size, raw } = qrRaster(matrix, 4, false);
  const ref = doc.ref({
    Type: 'XObject',
    Subtype: 'Image',
    Width: size,
    Height: size,
    BitsPerComponent: 1,
    ColorSpace: 'DeviceGray',
  });
  ref.end(raw);
  return ref;
}

const offset = (align: Align, box: number, width: number) =>
  align === 'center' ? (box - width) / 2 : align === 'right' ? box - width : 0;
