// Speed-ups of pdfmake 0.3 / pdfkit 0.19 / fontkit 2 internals, installed once by configure(): the same layout and
// the same glyphs at the same places, with less work per character. A CJK text is one pdfmake "inline" a character,
// and for each of them pdfmake walked its style stack ~20 times (a closure and a Set each), pdfkit shaped the character
// again in every document, and drew it as a text object of its own (q, cm, BT, Tm, Tf, TJ, ET, Q: one Buffer each).
// Here:
// - fontkit.create is memoized per font buffer: the fonts are parsed once per process, not once per document and once
//   more for the glyph check, and their glyph and shaping caches carry over from one export to the next;
// - pdfkit's per-document cache of shaped words is kept on the font instead, for every document of the process;
// - TextInlines.measure reads the style stack once a text node instead of once a property of every inline;
// - Renderer.renderLine draws the inlines of a line that share font, size, colour and spacing as one text object,
//   each inline's glyphs still starting at the x pdfmake laid it out at (a TJ adjustment between inlines);
// - a PDF stream's text operators are joined as a string and made a Buffer once, instead of one Buffer an operator.
// Lines with links, destinations, outlines, page references, font features, sub/superscript or positioned glyphs
// (GPOS offsets) are drawn by pdfmake's own code. test/export/pdf-speed.test.ts compares every word and its position
// with pdfmake's unpatched output. The font caches are pdfmakeFonts.ts, the measuring pdfmakeMeasure.ts; the drawing
// and the stream writes are here.
import { createRequire } from 'node:module';
import { type Inline, memoizeFonts, type PdfFont } from './pdfmakeFonts.js';
import { fastMeasure } from './pdfmakeMeasure.js';

export { memoizeFonts } from './pdfmakeFonts.js';

const req = createRequire(import.meta.url);

type Line = {
  inlines: Inline[];
  id?: string;
  _outline?: unknown;
  _pageNodeRef?: unknown;
  getHeight(): number;
  getAscenderHeight(): number;
};
type PdfDoc = {
  x: number;
  y: number;
  page: { height: number; fonts: Record<string, unknown> };
  opacity(o: number): void;
  fill(color: unknown): void;
  resolveColor(color: unknown, fallback: string): unknown;
  fontSize(size: number): void;
  save(): void;
  restore(): void;
  transform(...m: number[]): void;
  addContent(s: string): void;
  _font: PdfFont;
};
type Decorator = new (
  doc: PdfDoc,
) => { drawBackground(l: Line, x: number, y: number): void } & {
  drawDecorations(l: Line, x: number, y: number): void;
};

/** pdfkit's number formatting for content streams. */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

let installed = false;
/** Installs the speed-ups (BIDFORGE_PDF_PLAIN=1 leaves pdfmake as it is: the test compares both outputs). */
export function speedUpPdfmake(): void {
  if (installed || process.env.BIDFORGE_PDF_PLAIN) return;
  installed = true;
  memoizeFonts();
  fastMeasure();
  fastRender();
  joinStreamWrites();
}

/** An inline drawn the plain way: no link, destination, page reference, features, sub/superscript or line break. */
const plain = (i: Inline) =>
  !i.link &&
  !i.linkToPage &&
  !i.linkToDestination &&
  !i._pageNodeRef &&
  !i.fontFeatures &&
  !i.sup &&
  !i.sub &&
  !i.text.includes('\n');
const sameLook = (a: Inline, b: Inline) =>
  a.font === b.font &&
  a.fontSize === b.fontSize &&
  a.color === b.color &&
  a.opacity === b.opacity &&
  (a.characterSpacing || 0) === (b.characterSpacing || 0);

function fastRender(): void {
  const Renderer = (req('pdfmake/js/Renderer.js') as { default: { prototype: Record<string, unknown> } }).default;
  const TextDecorator = (req('pdfmake/js/TextDecorator.js') as { default: Decorator }).default;
  const original = Renderer.prototype.renderLine as (this: unknown, line: Line, x: number, y: number) => void;
  Renderer.prototype.renderLine = function (this: { pdfDocument: PdfDoc }, line: Line, x = 0, y = 0): void {
    const inlines = line.inlines;
    if (line._outline || line._pageNodeRef || line.id || !inlines.every(plain)) {
      original.call(this, line, x, y);
      return;
    }
    // Shape every inline first: a glyph positioned off its pen (GPOS offsets) is left to pdfmake's own drawing.
    const encoded: (Encoded | null)[] = [];
    for (const inline of inlines) {
      const e = inline.text ? encodeOnce(inline.font, inline.text) : null;
      if (e?.offset) {
        original.call(this, line, x, y);
        return;
      }
      encoded.push(e);
    }
    const doc = this.pdfDocument;
    const lineHeight = line.getHeight();
    const descent = lineHeight - line.getAscenderHeight();
    const decorator = new TextDecorator(doc);
    decorator.drawBackground(line, x, y);
    for (let start = 0; start < inlines.length; ) {
      let end = start + 1;
      while (end < inlines.length && sameLook(inlines[end]!, inlines[start]!)) end++;
      drawRun(doc, inlines, encoded, start, end, x, y + lineHeight - descent);
      start = end;
    }
    decorator.drawDecorations(line, x, y);
  };
}

/** An inline's glyphs as TJ elements (pdfkit's _fragment), their advance (1000 units an em) and count. */
type Encoded = { tj: string; advance: number; count: number; offset: boolean };
/** encode() once per font of a document and text (the glyph ids are the document's subset's, so not across documents). */
function encodeOnce(font: PdfFont & { _bfEncoded?: Map<string, Encoded> }, text: string): Encoded {
  let known = font._bfEncoded;
  if (!known) font._bfEncoded = known = new Map();
  let e = known.get(text);
  if (e) return e;
  const [glyphs, positions] = font.encode(text);
  const parts: string[] = [];
  let advance = 0;
  let offset = false;
  let from = 0;
  for (let g = 0; g < positions.length; g++) {
    const p = positions[g]!;
    if (p.xOffset || p.yOffset) offset = true;
    if (p.xAdvance - p.advanceWidth !== 0 || g === positions.length - 1) {
      parts.push(`<${glyphs.slice(from, g + 1).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`);
      from = g + 1;
    }
    advance += p.xAdvance;
  }
  e = { tj: parts.join(' '), advance, count: positions.length, offset };
  known.set(text, e);
  return e;
}

/** Inlines [start, end) of a line (one font, size and colour) as one text object; `baseline` is the line's baseline. */
function drawRun(
  doc: PdfDoc,
  inlines: Inline[],
  encoded: (Encoded | null)[],
  start: number,
  end: number,
  x: number,
  baseline: number,
): void {
  const first = inlines[start]!;
  const { font, fontSize: size } = first;
  const top = baseline - (font.ascender / 1000) * size; // where pdfmake puts the text's top
  doc.opacity(typeof first.opacity === 'number' && !Number.isNaN(first.opacity) ? first.opacity : 1);
  doc.fill(doc.resolveColor(first.color, 'black'));
  doc._font = font;
  doc.fontSize(size);
  const last = inlines[end - 1]!;
  doc.x = x + last.x + last.width;
  doc.y = top;
  if (!encoded.slice(start, end).some((e) => e?.count)) return;
  const cs = first.characterSpacing || 0;
  const scale = size / 1000;
  doc.save();
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  let pen = x + first.x;
  const out = [`BT\n1 0 0 1 ${num(pen)} ${num(doc.page.height - baseline)} Tm\n/${font.id} ${num(size)} Tf`];
  if (cs) out.push(`${num(cs)} Tc`);
  const commands: string[] = [];
  for (let k = start; k < end; k++) {
    const e = encoded[k];
    if (!e?.count) continue;
    const at = x + inlines[k]!.x;
    // Move from where the last inline ended to where pdfmake placed this one (in thousandths of the font size).
    if (Math.abs(at - pen) > 1e-9) {
      if (commands.length) commands.push(`${num((-(at - pen) * 1000) / size)}`);
      else out.push(`${num(at - pen)} 0 Td`);
    }
    commands.push(e.tj);
    pen = at + e.advance * scale + e.count * cs;
  }
  out.push(`[${commands.join(' ')}] TJ\nET`);
  doc.addContent(out.join('\n'));
  doc.restore();
}

/** PDF streams: consecutive text writes kept as one string, made a Buffer when bytes follow or the stream ends. */
function joinStreamWrites(): void {
  const PDFDocument = req('pdfkit') as { prototype: { ref(this: unknown, data: object): object } };
  const sample = PDFDocument.prototype.ref.call({ _offsets: [], _waiting: 0, compress: false }, {});
  type Ref = {
    buffer: Uint8Array[];
    data: { Length?: number; Filter?: string };
    compress: boolean;
    uncompressedLength: number;
    _bfText?: string;
    write(chunk: string | Uint8Array): void;
    finalize(): void;
  };
  const proto = Object.getPrototypeOf(sample) as Ref;
  const write = proto.write;
  const finalize = proto.finalize;
  const flush = (ref: Ref) => {
    if (ref._bfText) {
      ref.buffer.push(Buffer.from(ref._bfText, 'binary'));
      ref._bfText = '';
    }
  };
  proto.write = function (this: Ref, chunk: string | Uint8Array): void {
    if (chunk instanceof Uint8Array) {
      flush(this);
      write.call(this, chunk);
      return;
    }
    const text = `${chunk}\n`;
    this._bfText = (this._bfText ?? '') + text;
    this.uncompressedLength += text.length;
    this.data.Length = (this.data.Length ?? 0) + text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  proto.finalize = function (this: Ref): void {
    flush(this);
    finalize.call(this);
  };
}
