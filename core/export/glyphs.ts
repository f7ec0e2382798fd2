// Characters the PDF fonts cannot draw: reported as check errors naming them, never printed as blank boxes.
import { createRequire } from 'node:module';
import type { Block, Document } from '../model/document.js';
import type { Problem } from '../model/problem.js';
import { pdfFontFile } from './fontFamilies.js';
import { fontBytes, type FONT_FILES } from './fonts.js';

type FkFont = { hasGlyphForCodePoint(cp: number): boolean };
const fontkit = createRequire(import.meta.url)('fontkit') as { create(buffer: Buffer): FkFont };
const loaded = new Map<string, FkFont>();
const font = (name: keyof typeof FONT_FILES) => {
  let f = loaded.get(name);
  if (!f) loaded.set(name, (f = fontkit.create(fontBytes(name))));
  return f;
};

function texts(b: Block): { text: string; heading: boolean }[] {
  switch (b.kind) {
    case 'heading':
      return [{ text: b.number + b.text, heading: true }];
    case 'paragraph':
    case 'listItem':
      return [{ text: (b.kind === 'listItem' ? b.number : '') + b.runs.map((r) => r.text).join(''), heading: false }];
    case 'table':
      return [...b.header, ...b.rows.flat()].map((text) => ({ text, heading: false }));
    case 'signature':
      return b.parties.flatMap((p) => p.lines).map((text) => ({ text, heading: false }));
  }
}

/** Every character of the Document that its PDF font (serif for text, sans for headings) lacks. */
export function missingGlyphs(doc: Document): Problem[] {
  const missing = new Map<string, string>();
  // The fonts of the document's script (Noto SC for 简体, TC for 繁體: fontFamilies.ts).
  const files = {
    serif: pdfFontFile(doc.meta.script ?? 'hans', 'NotoSerifSC'),
    sans: pdfFontFile(doc.meta.script ?? 'hans', 'NotoSansSC'),
  };
  const check = (text: string, role: 'serif' | 'sans') => {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x20 || /\s/.test(ch) || missing.has(ch)) continue;
      if (!font(files[role]).hasGlyphForCodePoint(cp)) missing.set(ch, text);
    }
  };
  check(doc.meta.title + doc.meta.projectName + doc.meta.bidder, 'sans');
  check(doc.meta.title + doc.meta.projectName + doc.meta.bidder, 'serif');
  for (const b of doc.blocks) for (const t of texts(b)) check(t.text, t.heading ? 'sans' : 'serif');
  return [...missing].map(([ch, where]) => {
    const params = {
      char: ch,
      codePoint: ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'),
      where: where.slice(0, 30),
    };
    return {
      severity: 'error' as const,
      code: 'missing_glyph',
      message: `PDF 字体中没有字符“${ch}”（U+${params.codePoint}），出现在：${params.where}`,
      params,
    };
  });
}
