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
// with pdfmake's unpatched output.
import { createRequire } from 'node:module';

const req = createRequire(import.meta.url);

type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number };
type Run = { glyphs: unknown[]; positions: Position[]; advanceWidth: number };
/** pdfkit's EmbeddedFont (the parts used here). */
type PdfFont = {
  id: string;
  ascender: number;
  font: Record<string, unknown>;
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], Position[]];
  layoutRun(text: string, features?: unknown): Run;
  layoutCache?: Record<string, Run>;
};
type Inline = Record<string, unknown> & {
  text: string;
  x: number;
  width: number;
  font: PdfFont;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
};
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
type StyleStack = { getProperty(name: string): unknown };
type StyleStatics = { getStyleProperty(item: object, stack: StyleStack, name: string, fallback: unknown): unknown };

const isValue = (v: unknown) => v !== undefined && v !== null;
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

type FontClass = { probe(buffer: Uint8Array): boolean; new (stream: { buffer: Uint8Array }): object };

/**
 * fontkit's exports cannot be replaced, and its list of font formats (asked in order) is private: it is found as the
 * array registerFormat pushes onto, and a format put first makes each buffer's font once (as the TrueType/OpenType
 * format, first until then, would) and returns it again for the same buffer.
 */
let fontsMemoized = false;
export function memoizeFonts(): void {
  if (fontsMemoized || process.env.BIDFORGE_PDF_PLAIN) return;
  fontsMemoized = true;
  const fontkit = req('fontkit') as { registerFormat(f: unknown): void };
  const push = Array.prototype.push;
  let formats: FontClass[] | undefined;
  Array.prototype.push = function (this: FontClass[], ...items: FontClass[]) {
    formats = this;
    return push.apply(this, items);
  };
  try {
    fontkit.registerFormat({});
  } finally {
    Array.prototype.push = push;
  }
  if (!formats) return;
  formats.pop();
  const TTFFont = formats[0]!;
  const made = new WeakMap<Uint8Array, object>();
  formats.unshift(
    class OncePerBuffer {
      static probe = (buffer: Uint8Array) => TTFFont.probe(buffer);
      constructor(stream: { buffer: Uint8Array }) {
        let font = made.get(stream.buffer);
        if (!font) made.set(stream.buffer, (font = new TTFFont(stream)));
        // biome-ignore lint/correctness/noConstructorReturn: the font made for this buffer before, by design
        return font;
      }
    } as unknown as FontClass,
  );
}

/**
 * A TrueType glyph's decoded outline, kept on the glyph (fontkit keeps the glyph objects): each export's font subset
 * decodes every glyph it embeds only to find compound glyphs' parts. Not for variable fonts, whose outlines are moved.
 */
function cacheGlyphOutlines(font: { getGlyph(id: number): object }): void {
  type Glyph = { _font: { _variationProcessor?: unknown }; _bfDecoded?: unknown; _decode(): unknown };
  const proto = Object.getPrototypeOf(font.getGlyph(0)) as Glyph & { _decodeSimple?: unknown };
  if (!Object.hasOwn(proto, '_decodeSimple')) return; // not fontkit's TrueType glyph
  const decode = proto._decode;
  proto._decode = function (this: Glyph) {
    if (this._font._variationProcessor) return decode.call(this);
    if (this._bfDecoded === undefined) this._bfDecoded = decode.call(this);
    return this._bfDecoded;
  };
}

/** The shaped-word cache of pdfkit's EmbeddedFont, moved onto the (shared) fontkit font. */
let fontPatched = false;
function shareLayoutCache(font: PdfFont): void {
  if (fontPatched || typeof font.layoutRun !== 'function') return;
  fontPatched = true;
  cacheGlyphOutlines(font.font as { getGlyph(id: number): object });
  const proto = Object.getPrototypeOf(font) as PdfFont & {
    layoutCached(text: string): Run;
    layout: unknown;
    widthOfString(text: string, size: number, features?: unknown): number;
  };
  proto.layoutCached = function (this: PdfFont, text: string): Run {
    const f = this.font as { __bfRuns?: Map<string, Run> };
    let runs = f.__bfRuns;
    if (!runs) f.__bfRuns = runs = new Map();
    let run = runs.get(text);
    if (!run) runs.set(text, (run = this.layoutRun(text)));
    return run;
  };
  // Widths of whole inlines (pdfmake measures each one once or more a document): the sum pdfkit's layout() makes.
  const layout = proto.layout as (this: PdfFont, text: string, features: unknown, onlyWidth: boolean) => Run;
  proto.widthOfString = function (this: PdfFont, text: string, size: number, features?: unknown): number {
    if (features) return layout.call(this, text, features, true).advanceWidth * (size / 1000);
    const f = this.font as { __bfWidths?: Map<string, number> };
    let widths = f.__bfWidths;
    if (!widths) f.__bfWidths = widths = new Map();
    let width = widths.get(text);
    if (width === undefined) widths.set(text, (width = layout.call(this, text, undefined, true).advanceWidth));
    return width * (size / 1000);
  };
}

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

type Styles = Record<string, (Record<string, unknown> & { extends?: string | string[] }) | undefined>;
/** A named style's property, through the styles it extends (`visited` made only when one does). */
function fromStyle(dict: Styles, name: string, property: string, visited?: Set<string>): unknown {
  if (visited?.has(name)) return undefined;
  const style = dict[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const seen = visited ?? new Set<string>();
    seen.add(name);
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = fromStyle(dict, parents[i]!, property, seen);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}
type Stack = { styleDictionary: Styles; styleOverrides?: unknown[]; defaultStyle?: Record<string, unknown> };
/** pdfmake's StyleContextStack.getProperty without its closure and Set a call. */
function styleProperty(this: Stack, property: string): unknown {
  const overrides = this.styleOverrides;
  if (overrides)
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i];
      if (typeof item === 'string' || item instanceof String) {
        const value = fromStyle(this.styleDictionary, String(item), property);
        if (isValue(value)) return value;
      } else if (isValue((item as Record<string, unknown>)[property]))
        return (item as Record<string, unknown>)[property];
    }
  return this.defaultStyle?.[property];
}

function fastMeasure(): void {
  const TextInlines = (req('pdfmake/js/TextInlines.js') as { default: { prototype: Record<string, unknown> } }).default;
  const Style = (req('pdfmake/js/StyleContextStack.js') as { default: StyleStatics }).default;
  (Style as unknown as { prototype: { getProperty: unknown } }).prototype.getProperty = styleProperty;
  TextInlines.prototype.measure = function (this: Self, array: Inline[], stack: StyleStack): Inline[] {
    if (array.length) {
      const leadingIndent = Style.getStyleProperty(array[0]!, stack, 'leadingIndent', 0) as number;
      if (leadingIndent) {
        array[0]!.leadingCut = -leadingIndent;
        array[0]!.leadingIndent = leadingIndent;
      }
    }
    // An inline without a style of its own sees the stack as it is: each property is looked up there once a call.
    let snap: Record<string, unknown> | undefined;
    const fromStack = (name: string, fallback: unknown) => {
      const v = stack.getProperty(name);
      return isValue(v) ? v : fallback;
    };
    const slow = (item: Inline, name: string, fallback: unknown): unknown =>
      Style.getStyleProperty(item, stack, name, fallback);
    for (let i = 0; i < array.length; i++) {
      const item = array[i]!;
      if (item.style || item.section !== undefined || !stack) {
        measureSlow(this, item, slow);
        continue;
      }
      snap ??= {
        font: fromStack('font', 'Roboto'),
        bold: fromStack('bold', false),
        italics: fromStack('italics', false),
        alignment: fromStack('alignment', 'left'),
        fontSize: fromStack('fontSize', 12),
        fontFeatures: fromStack('fontFeatures', null),
        characterSpacing: fromStack('characterSpacing', 0),
        color: fromStack('color', 'black'),
        decoration: fromStack('decoration', null),
        decorationColor: fromStack('decorationColor', null),
        decorationStyle: fromStack('decorationStyle', null),
        decorationThickness: fromStack('decorationThickness', null),
        background: fromStack('background', null),
        link: fromStack('link', null),
        linkToPage: fromStack('linkToPage', null),
        linkToDestination: fromStack('linkToDestination', null),
        noWrap: fromStack('noWrap', null),
        opacity: fromStack('opacity', 1),
        sup: fromStack('sup', false),
        sub: fromStack('sub', false),
        lineHeight: fromStack('lineHeight', 1),
        preserveLeadingSpaces: fromStack('preserveLeadingSpaces', false),
        preserveTrailingSpaces: fromStack('preserveTrailingSpaces', false),
      };
      array[i] = measureFast(this, item, snap);
    }
    return array;
  };
}

type Self = {
  pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): PdfFont };
  widthOfText(text: string, inline: Inline): number;
};
/** pdfmake's measure of one inline, reading its properties through `prop`. */
function measureSlow(self: Self, item: Inline, prop: (item: Inline, name: string, fallback: unknown) => unknown) {
  item.font = self.pdfDocument.provideFont(
    prop(item, 'font', 'Roboto'),
    prop(item, 'bold', false),
    prop(item, 'italics', false),
  );
  shareLayoutCache(item.font);
  item.alignment = prop(item, 'alignment', 'left');
  item.fontSize = prop(item, 'fontSize', 12) as number;
  // Written out, not looped over names: the inlines keep one hidden class (keyed stores made them dictionaries).
  item.fontFeatures = prop(item, 'fontFeatures', null);
  item.characterSpacing = prop(item, 'characterSpacing', 0) as number;
  item.color = prop(item, 'color', 'black');
  item.decoration = prop(item, 'decoration', null);
  item.decorationColor = prop(item, 'decorationColor', null);
  item.decorationStyle = prop(item, 'decorationStyle', null);
  item.decorationThickness = prop(item, 'decorationThickness', null);
  item.background = prop(item, 'background', null);
  item.link = prop(item, 'link', null);
  item.linkToPage = prop(item, 'linkToPage', null);
  item.linkToDestination = prop(item, 'linkToDestination', null);
  item.noWrap = prop(item, 'noWrap', null);
  item.opacity = prop(item, 'opacity', 1);
  item.sup = prop(item, 'sup', false);
  item.sub = prop(item, 'sub', false);
  if (item.sup || item.sub) item.fontSize *= 0.58;
  const lineHeight = prop(item, 'lineHeight', 1) as number;
  item.width = self.widthOfText(item.text, item);
  item.height = (item.font as unknown as { lineHeight(size: number): number }).lineHeight(item.fontSize) * lineHeight;
  if (!item.leadingCut) item.leadingCut = 0;
  if (!prop(item, 'preserveLeadingSpaces', false)) {
    const leading = item.text.match(LEADING);
    if (leading) (item.leadingCut as number) += self.widthOfText(leading[0], item);
  }
  item.trailingCut = 0;
  if (!prop(item, 'preserveTrailingSpaces', false)) {
    const trailing = item.text.match(TRAILING);
    if (trailing) item.trailingCut = self.widthOfText(trailing[0], item);
  }
}

/**
 * measureSlow for an inline without a style of its own: its own value, else the stack's (`s`, read once), made as a
 * new object with every property at once (adding ~25 properties to the breaker's little objects grew each one's
 * property store step by step: most of a layout's garbage). Any other property the inline carries comes along.
 */
function measureFast(self: Self, item: Inline, s: Record<string, unknown>): Inline {
  const font = self.pdfDocument.provideFont(item.font ?? s.font, item.bold ?? s.bold, item.italics ?? s.italics);
  shareLayoutCache(font);
  const sup = item.sup ?? s.sup;
  const sub = item.sub ?? s.sub;
  const fontSize = ((item.fontSize ?? s.fontSize) as number) * (sup || sub ? 0.58 : 1);
  const out: Inline = {
    text: item.text,
    lineEnd: item.lineEnd,
    noNewLine: item.noNewLine,
    leadingIndent: item.leadingIndent,
    font,
    alignment: item.alignment ?? s.alignment,
    fontSize,
    fontFeatures: item.fontFeatures ?? s.fontFeatures,
    characterSpacing: (item.characterSpacing ?? s.characterSpacing) as number,
    color: item.color ?? s.color,
    decoration: item.decoration ?? s.decoration,
    decorationColor: item.decorationColor ?? s.decorationColor,
    decorationStyle: item.decorationStyle ?? s.decorationStyle,
    decorationThickness: item.decorationThickness ?? s.decorationThickness,
    background: item.background ?? s.background,
    link: item.link ?? s.link,
    linkToPage: item.linkToPage ?? s.linkToPage,
    linkToDestination: item.linkToDestination ?? s.linkToDestination,
    noWrap: item.noWrap ?? s.noWrap,
    opacity: item.opacity ?? s.opacity,
    sup,
    sub,
    x: 0,
    width: 0,
    height: 0,
    leadingCut: (item.leadingCut as number) || 0,
    trailingCut: 0,
  };
  for (const key in item) if (!(key in out)) out[key] = item[key];
  const lineHeight = (item.lineHeight ?? s.lineHeight) as number;
  out.width = self.widthOfText(out.text, out);
  out.height = (font as unknown as { lineHeight(size: number): number }).lineHeight(fontSize) * lineHeight;
  if (!(item.preserveLeadingSpaces ?? s.preserveLeadingSpaces)) {
    const leading = out.text.match(LEADING);
    if (leading) (out.leadingCut as number) += self.widthOfText(leading[0], out);
  }
  if (!(item.preserveTrailingSpaces ?? s.preserveTrailingSpaces)) {
    const trailing = out.text.match(TRAILING);
    if (trailing) out.trailingCut = self.widthOfText(trailing[0], out);
  }
  return out;
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
