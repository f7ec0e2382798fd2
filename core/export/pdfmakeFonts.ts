// Font-level speed-ups under pdfmake (see pdfmakeSpeed.ts): fontkit parses each font buffer once a process, TrueType
// outlines are decoded once, and pdfkit's shaped words and widths are cached on the (shared) fontkit font.
import { createRequire } from 'node:module';

const req = createRequire(import.meta.url);

export type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number };
export type Run = { glyphs: unknown[]; positions: Position[]; advanceWidth: number };
/** pdfkit's EmbeddedFont (the parts used here). */
export type PdfFont = {
  id: string;
  ascender: number;
  font: Record<string, unknown>;
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], Position[]];
  layoutRun(text: string, features?: unknown): Run;
  layoutCache?: Record<string, Run>;
};
export type Inline = Record<string, unknown> & {
  text: string;
  x: number;
  width: number;
  font: PdfFont;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: number;
};

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
  shapeLoneIdeographsDirectly(TTFFont.prototype as unknown as ShapingFont);
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
 * And two reads that decoded far more than they used, each glyph once a process (~0.1 s of a cold render between
 * them): a glyph's box (which fontkit's metrics ask for, so every advance width) is read as the five numbers of its
 * header, and the subset reads only whether a glyph is compound before copying its bytes (fontkit decoded every
 * outline for that). Both give what fontkit's own code gives; variable fonts and compound glyphs go through it.
 */
function cacheGlyphOutlines(font: TtfFont): void {
  const proto = Object.getPrototypeOf(font.getGlyph(0)) as Glyph & { _decodeSimple?: unknown };
  if (!Object.hasOwn(proto, '_decodeSimple')) return; // not fontkit's TrueType glyph
  const decode = proto._decode;
  proto._decode = function (this: Glyph) {
    if (this._font._variationProcessor) return decode.call(this);
    if (this._bfDecoded === undefined) this._bfDecoded = decode.call(this);
    return this._bfDecoded;
  };
  const getCBox = proto._getCBox;
  const BBox = (getCBox.call(font.getGlyph(0), true) as object).constructor as new (...n: number[]) => object;
  proto._getCBox = function (this: Glyph, internal?: boolean) {
    const f = this._font;
    if (f._variationProcessor) return getCBox.call(this, internal);
    // fontkit's GlyfHeader: numberOfContours, xMin, yMin, xMax, yMax, big-endian int16s at the glyph's offset.
    const stream = f._getTableStream('glyf');
    const at = stream.pos + f.loca.offsets[this.id]!;
    const v = stream.view;
    return Object.freeze(new BBox(v.getInt16(at + 2), v.getInt16(at + 4), v.getInt16(at + 6), v.getInt16(at + 8)));
  };
  const subset = Object.getPrototypeOf(font.createSubset()) as Subset;
  if (Object.hasOwn(subset, '_addGlyph')) {
    const addGlyph = subset._addGlyph;
    subset._addGlyph = function (this: SubsetState, gid: number): number {
      const f = this.font;
      if (f._variationProcessor) return addGlyph.call(this, gid);
      const from = f.loca.offsets[gid]!;
      const to = f.loca.offsets[gid + 1]!;
      const stream = f._getTableStream('glyf');
      const at = stream.pos + from;
      // A compound glyph's parts are renumbered: fontkit's own code (which decodes it) does that.
      if (to > from && stream.view.getInt16(at) < 0) return addGlyph.call(this, gid);
      const glyph = f.getGlyph(gid);
      stream.pos = at;
      const buffer = stream.readBuffer(to - from);
      this.glyf.push(buffer);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
      this.offset += buffer.length;
      return this.glyf.length - 1;
    };
  }
}

type GlyfStream = { pos: number; view: DataView; readBuffer(n: number): Uint8Array };
type TtfFont = {
  _variationProcessor?: unknown;
  loca: { offsets: number[] };
  _getTableStream(tag: string): GlyfStream;
  getGlyph(id: number): Glyph;
  createSubset(): object;
};
type Glyph = {
  id: number;
  _font: TtfFont;
  _bfDecoded?: unknown;
  _decode(): unknown;
  _getCBox(internal?: boolean): unknown;
  advanceWidth: number;
  _getMetrics(): { leftBearing: number };
};
type SubsetState = {
  font: TtfFont;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
};
type Subset = { _addGlyph(this: SubsetState, gid: number): number };

/** The shaped-word cache of pdfkit's EmbeddedFont, moved onto the (shared) fontkit font. */
let fontPatched = false;
export function shareLayoutCache(font: PdfFont): void {
  if (fontPatched || typeof font.layoutRun !== 'function') return;
  fontPatched = true;
  cacheGlyphOutlines(font.font as unknown as TtfFont);
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

/**
 * The fonts whose every CJK ideograph, shaped alone with the default features, is its cmap glyph at its own advance
 * with no offset (checked for each ideograph of each: test/export/lone-ideographs.test.ts, on a sample of them).
 */
export const PLAIN_IDEOGRAPH_FONTS = new Set([
  'NotoSerifSC-Regular',
  'NotoSerifSC-Bold',
  'NotoSansSC-Bold',
  'NotoSerifTC-Regular',
  'NotoSerifTC-Bold',
  'NotoSansTC-Bold',
]);
let fontkitLayout: ShapingFont['layout'] | undefined;
/** A text shaped by fontkit itself, never by the shortcut below (for tests). */
export const shapedByFontkit = (font: object, text: string) =>
  (fontkitLayout ?? (font as ShapingFont).layout).call(font as ShapingFont, text);

/** CJK Unified Ideographs, Extension A, and Extensions B–G. */
const inIdeographBlock = (cp: number) =>
  (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3134f);

type ShapingFont = {
  postscriptName: string;
  _variationProcessor?: unknown;
  glyphForCodePoint(cp: number): { advanceWidth: number };
  layout(text: string, features?: unknown, ...rest: unknown[]): Record<string, unknown>;
};
/**
 * pdfmake measures and pdfkit draws CJK text one character at a time, and fontkit's shaper (every lookup of every
 * default feature, in interpreted JavaScript at start-up) took ~0.1 ms for each of the ~900 distinct characters of a
 * plan: for a lone ideograph of a font in PLAIN_IDEOGRAPH_FONTS, the run is made as the shaper's own (its classes,
 * its script and features), from the cmap glyph and its advance. Anything else is shaped as before.
 */
function shapeLoneIdeographsDirectly(proto: ShapingFont): void {
  const layout = proto.layout;
  fontkitLayout = layout;
  // The script fontkit finds for a text, from its own Unicode data (older than the engine's: an ideograph added since
  // is of no script there, and shaped as such).
  const { getScript } = createRequire(req.resolve('fontkit'))('unicode-properties') as {
    getScript(cp: number): string;
  };
  const isIdeograph = (cp: number) => inIdeographBlock(cp) && getScript(cp) === 'Han';
  let pattern: Record<string, unknown> | undefined;
  proto.layout = function (this: ShapingFont, text: string, features?: unknown, ...rest: unknown[]) {
    const cp = text.length <= 2 ? text.codePointAt(0) : undefined;
    if (
      cp === undefined ||
      !isIdeograph(cp) ||
      (cp > 0xffff ? 2 : 1) !== text.length ||
      rest.length > 0 ||
      (features != null && !(Array.isArray(features) && features.length === 0)) ||
      this._variationProcessor ||
      !PLAIN_IDEOGRAPH_FONTS.has(this.postscriptName)
    )
      return layout.call(this, text, features, ...rest);
    // The first ideograph is shaped: its run is the pattern of the others, in every font (the script, direction and
    // features of a run are the text's and the shaper's, not the font's; a font's tables are not even read).
    if (!pattern) return (pattern = layout.call(this, text, features));
    const glyph = this.glyphForCodePoint(cp);
    const [position] = pattern.positions as object[];
    const Position = position!.constructor as new (xAdvance: number, yAdvance: number, x: number, y: number) => object;
    const run = Object.create(Object.getPrototypeOf(pattern)) as Record<string, unknown>;
    for (const key of Object.keys(pattern)) run[key] = pattern[key];
    run.glyphs = [glyph];
    run.positions = [new Position(glyph.advanceWidth, 0, 0, 0)];
    run.features = { ...(pattern.features as object) };
    return run;
  };
}
