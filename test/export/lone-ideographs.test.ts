// A lone CJK ideograph is laid out without fontkit's shaper (core/export/pdfmakeFonts.ts): the run made for it must be
// the one the shaper makes — same glyph, advance, offsets, script and features — in every font the shortcut trusts.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontBytes } from '../../core/export/fonts.js';
import { PLAIN_IDEOGRAPH_FONTS, shapedByFontkit } from '../../core/export/pdfmakeFonts.js';

type Glyph = { id: number; advanceWidth: number };
type Run = {
  glyphs: Glyph[];
  positions: Record<string, number>[];
  script: string;
  direction: string;
  features: object;
};
type Font = {
  postscriptName: string;
  hasGlyphForCodePoint(cp: number): boolean;
  layout(text: string, features?: unknown): Run;
};
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): Font };

const RANGES = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
  [0x20000, 0x3134f],
];
const plain = (run: Run) => ({
  glyphs: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => ({ ...p })),
  script: run.script,
  direction: run.direction,
  features: run.features,
  kind: Object.getPrototypeOf(run).constructor.name as string,
});

describe('单个汉字不经 fontkit 整形，结果与整形相同', () => {
  const fonts = (Object.keys(FONT_FILES) as (keyof typeof FONT_FILES)[]).map((name) => fontkit.create(fontBytes(name)));

  it('trusts every Noto font BidForge embeds, by name', () => {
    const noto = fonts.filter((f) => f.postscriptName.startsWith('Noto')).map((f) => f.postscriptName);
    expect(noto.sort()).toEqual([...PLAIN_IDEOGRAPH_FONTS].sort());
  });

  for (const font of fonts.filter((f) => PLAIN_IDEOGRAPH_FONTS.has(f.postscriptName)))
    it(`${font.postscriptName}: every 7th ideograph, as fontkit shapes it`, () => {
      let checked = 0;
      for (const [from, to] of RANGES)
        for (let cp = from!; cp <= to!; cp += 7) {
          if (!font.hasGlyphForCodePoint(cp)) continue;
          const text = String.fromCodePoint(cp);
          const direct = plain(font.layout(text));
          const shaped = plain(shapedByFontkit(font, text) as Run);
          if (JSON.stringify(direct) !== JSON.stringify(shaped))
            expect({ text, ...direct }).toEqual({ text, ...shaped });
          checked++;
        }
      expect(checked).toBeGreaterThan(2000);
    });
});
