// pdfmake's TextInlines.measure and StyleContextStack.getProperty, the same results with less work (see
// pdfmakeSpeed.ts): the style stack is read once a text node, and a measured inline is made as one object.
import { createRequire } from 'node:module';
import { type Inline, type PdfFont, shareLayoutCache } from './pdfmakeFonts.js';

const req = createRequire(import.meta.url);

type StyleStack = { getProperty(name: string): unknown };
type StyleStatics = { getStyleProperty(item: object, stack: StyleStack, name: string, fallback: unknown): unknown };

const isValue = (v: unknown) => v !== undefined && v !== null;

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

export function fastMeasure(): void {
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
