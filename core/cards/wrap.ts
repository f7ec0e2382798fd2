// Line breaking for card text, done here once instead of by pdfmake for every card.
//
// pdfmake breaks text into "words" with the Unicode line-break algorithm, and for Chinese every character is a word:
// a card's ~800 characters became ~800 measured inline objects, and 1,000 cards took ~19 s and ~650 MB. So card text
// is wrapped here with the embedded fonts' own advance widths (fontkit, the library pdfkit uses to read them; the
// card's script's fonts and their fallbacks, cardFonts.ts) and handed to pdfmake as `noWrap` lines, one inline each.
// The terms are the same on every card and wrapped once.
import { type Face, faceFont, needsFallback } from './cardFonts.js';
import type { CardScript } from './script.js';

/** The pdfmake font faces used on cards (set up in core/cards/cardFonts.ts). */
export type FontFace = Face;

/** Advance widths of one face in one script, in em: the script's font, or its fallback where that draws the character. */
class Metrics {
  private readonly widths = new Map<number, number>();
  constructor(
    private readonly face: Face,
    private readonly script: CardScript,
  ) {}
  em(cp: number): number {
    let w = this.widths.get(cp);
    if (w === undefined) {
      const font = faceFont(this.script, this.face, needsFallback(cp, this.face, this.script));
      w = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      this.widths.set(cp, w);
    }
    return w;
  }
}
const metrics = new Map<string, Metrics>();
const metricsOf = (face: Face, script: CardScript) => {
  let m = metrics.get(`${script}:${face}`);
  if (!m) metrics.set(`${script}:${face}`, (m = new Metrics(face, script)));
  return m;
};

/** Width of a string in points (sum of advance widths; CJK fonts have no kerning between ideographs). */
export function textWidth(text: string, face: FontFace, size: number, script: CardScript = 'hans'): number {
  const m = metricsOf(face, script);
  let em = 0;
  for (const ch of text) em += m.em(ch.codePointAt(0)!);
  return em * size;
}

/** Must not begin a line (Chinese 行首禁则): closing brackets and punctuation. */
const NO_START = new Set([...'，。、；：！？）」』】》〉”’％…—,.;:!?)]}%·～']);
/** Must not end a line: opening brackets. */
const NO_END = new Set([...'（「『【《〈“‘([{']);

/** Atoms that are never split: a Latin word or number with its inner punctuation (9:00—18:00 breaks at the dash). */
function atoms(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9.,:/\-_+@#%&'’]*|\s+|[\s\S]/gu) ?? [];
}

/**
 * Breaks text into lines no wider than `width` points. Line breaks in the text are kept; spaces at a break are
 * dropped; closing punctuation is not left at a line start, opening brackets not at a line end; a Latin word wider
 * than a line is cut by characters.
 */
export function wrapText(
  text: string,
  face: FontFace,
  size: number,
  width: number,
  script: CardScript = 'hans',
): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line: string[] = [];
    let w = 0;
    const flush = () => {
      out.push(line.join('').trimEnd());
      line = [];
      w = 0;
    };
    const queue = atoms(para);
    for (let i = 0; i < queue.length; i++) {
      const a = queue[i]!;
      const aw = textWidth(a, face, size, script);
      if (w + aw <= width || (line.length === 0 && aw <= width)) {
        if (line.length === 0 && /^\s+$/.test(a)) continue;
        line.push(a);
        w += aw;
        continue;
      }
      if (/^\s+$/.test(a)) {
        flush();
        continue;
      }
      if (line.length === 0) {
        // Wider than a whole line: cut it by characters.
        const chars = [...a];
        let k = 1;
        while (k < chars.length && textWidth(chars.slice(0, k + 1).join(''), face, size, script) <= width) k++;
        queue.splice(i + 1, 0, chars.slice(k).join(''));
        line.push(chars.slice(0, k).join(''));
        flush();
        continue;
      }
      // Carry the last atom over when this one may not start a line, or when the last one may not end it.
      const carry: string[] = [];
      if ((NO_START.has([...a][0]!) || NO_END.has([...line[line.length - 1]!].at(-1)!)) && line.length > 1)
        carry.push(line.pop()!);
      flush();
      for (const c of carry) {
        line.push(c);
        w += textWidth(c, face, size, script);
      }
      i--;
      // Guard: an atom that does not fit even on an empty line is handled by the cut above on the next turn.
      if (line.length > 0 && w + aw > width && carry.length) {
        flush();
      }
    }
    if (line.length || out.length === 0 || para === '') flush();
  }
  return out;
}
