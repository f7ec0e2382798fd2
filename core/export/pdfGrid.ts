// pdfmake measures an inline as its glyphs plus characterSpacing × (characters − 1). CJK text is broken into one
// inline per character, so the spacing between characters never reaches the line breaker: GB/T 9704's tightened
// body (−0.25 pt a character, 28 to a 156 mm line) was laid out at the full 16 pt pitch — 27 characters a line.
// Installed once by configure(): an inline advances by characterSpacing after each of its characters, as PDF's Tc
// draws it, so the breaker, the justification and the drawn positions all use the grid's pitch.
import { createRequire } from 'node:module';

type Inline = { font: { widthOfString(t: string, size: number, features: unknown): number } } & Record<string, unknown>;

let installed = false;
export function countCharacterSpacing(): void {
  if (installed) return;
  installed = true;
  const req = createRequire(import.meta.url);
  const TextInlines = (req('pdfmake/js/TextInlines.js') as { default: { prototype: Record<string, unknown> } }).default;
  TextInlines.prototype.widthOfText = (text: string, inline: Inline): number => {
    const w = inline.font.widthOfString(text, inline.fontSize as number, inline.fontFeatures);
    const cs = (inline.characterSpacing as number) || 0;
    return cs ? w + cs * [...text].length : w;
  };
}
