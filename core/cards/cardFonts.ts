// The fonts a card is printed in, by its script, as the document PDFs (core/export/fontFamilies.ts): Noto SC for 简体,
// Noto TC for 繁體 (Taiwan's glyph forms, punctuation centred in the em box). Each character the script's font lacks
// is drawn in the other script's font: customer names and addresses are printed as written, and Noto TC has no glyph
// for some Simplified-only characters (们, 门 …) a 繁體 card's data may hold; a card never prints a missing-glyph box.
import { createRequire } from 'node:module';
import { type PdfFamily, pdfFontFile, pdfFonts } from '../export/fontFamilies.js';
import { fontBytes } from '../export/fonts.js';
import type { CardScript } from './script.js';

/** The faces a card is set in: serif (body, values, terms) and sans (headings, title, dates). */
export type Face = 'serif' | 'sans';

/** pdfmake family of each face (role names, as core/export/fontFamilies.ts writes them). */
export const FAMILY: Record<Face, PdfFamily> = { serif: 'NotoSerifSC', sans: 'NotoSansSC' };
/** pdfmake family of each face's fallback: the other script's font. */
export const FALLBACK_FAMILY: Record<Face, string> = { serif: 'CardSerifFallback', sans: 'CardSansFallback' };

const other = (script: CardScript): CardScript => (script === 'hant' ? 'hans' : 'hant');

type Vfs = Parameters<typeof pdfFonts>[1];
/** pdfmake font descriptors for a card batch: the script's faces and their fallbacks (read only if used). */
export function cardFontDescriptors(script: CardScript, vfs: Vfs): Record<string, Record<string, string>> {
  const own = pdfFonts(script, vfs);
  const alt = pdfFonts(other(script), vfs);
  return {
    NotoSerifSC: own.NotoSerifSC,
    NotoSansSC: own.NotoSansSC,
    [FALLBACK_FAMILY.serif]: alt.NotoSerifSC,
    [FALLBACK_FAMILY.sans]: alt.NotoSansSC,
  };
}

type FkGlyph = { advanceWidth: number };
export type FkFont = {
  unitsPerEm: number;
  glyphForCodePoint(cp: number): FkGlyph;
  hasGlyphForCodePoint(cp: number): boolean;
};
const fontkit = createRequire(import.meta.url)('fontkit') as { create(buffer: Buffer): FkFont };

/** The fontkit font of a face in a script (fontkit is memoized per buffer: the same object pdfkit embeds). */
export function faceFont(script: CardScript, face: Face, fallback = false): FkFont {
  return fontkit.create(fontBytes(pdfFontFile(fallback ? other(script) : script, FAMILY[face])));
}

const uses = new Map<string, Map<number, boolean>>();
/** Whether a character is drawn in the fallback font: the script's font lacks it and the other one has it. */
export function needsFallback(cp: number, face: Face, script: CardScript): boolean {
  const key = `${script}:${face}`;
  let known = uses.get(key);
  if (!known) uses.set(key, (known = new Map()));
  let v = known.get(cp);
  if (v === undefined) {
    v =
      cp >= 0x20 &&
      !faceFont(script, face).hasGlyphForCodePoint(cp) &&
      faceFont(script, face, true).hasGlyphForCodePoint(cp);
    known.set(cp, v);
  }
  return v;
}

/** A text as runs of one font each: `fallback` runs are drawn in the other script's font. */
export function fontRuns(text: string, face: Face, script: CardScript): { text: string; fallback: boolean }[] {
  const runs: { text: string; fallback: boolean }[] = [];
  for (const ch of text) {
    const fallback = needsFallback(ch.codePointAt(0)!, face, script);
    const last = runs[runs.length - 1];
    if (last && last.fallback === fallback) last.text += ch;
    else runs.push({ text: ch, fallback });
  }
  return runs;
}

type Node = Record<string, unknown>;
/**
 * pdfmake content with each text the fonts of its script lack split into runs, the fallback runs in the fallback
 * family (in place; `font` is the family the node inherits). Only what pdfmake lays out goes through here: a
 * stamped card's own texts are drawn by pdfStamp.ts, run by run.
 */
export function withFallbackFonts(content: unknown, script: CardScript, font = 'NotoSerifSC'): void {
  if (Array.isArray(content)) {
    for (const c of content) withFallbackFonts(c, script, font);
    return;
  }
  if (!content || typeof content !== 'object') return;
  const node = content as Node;
  const own = typeof node.font === 'string' ? node.font : font;
  const face: Face = own === FAMILY.sans ? 'sans' : 'serif';
  if (typeof node.text === 'string') {
    const runs = fontRuns(node.text, face, script);
    if (runs.some((r) => r.fallback))
      node.text = runs.map((r) => (r.fallback ? { text: r.text, font: FALLBACK_FAMILY[face] } : r.text));
  } else if (Array.isArray(node.text)) {
    node.text = node.text.map((t) => {
      const part = typeof t === 'string' ? { text: t } : t;
      withFallbackFonts(part, script, own);
      return part;
    });
  }
  for (const key of ['stack', 'columns'] as const)
    if (Array.isArray(node[key])) withFallbackFonts(node[key], script, own);
  const table = node.table as { body?: unknown[][] } | undefined;
  if (table?.body) for (const row of table.body) withFallbackFonts(row, script, own);
}
