// Typefaces named by a typesetting profile (宋体, 黑体 …) → the fonts each exporter writes.
import type { Face } from '../model/typesetting.js';
import { docxEastAsiaFont, type FontContext, type PdfFamily } from './fontFamilies.js';

export type { PdfFamily } from './fontFamilies.js';

/** Latin fonts for digits and Latin letters beside each face (w:ascii / w:hAnsi). */
const LATIN: Record<Face, string> = {
  宋体: 'Times New Roman',
  黑体: 'Arial',
  仿宋: 'Times New Roman',
  楷体: 'Times New Roman',
  小标宋: 'Times New Roman',
};

/**
 * DOCX names the real Chinese fonts by the names Chinese Word itself writes (fontFamilies.ts: 宋体 = SimSun,
 * 黑体 = SimHei, GB/T 9704's 仿宋_GB2312 and 楷体_GB2312, 繁體's 新細明體 …), as w:eastAsia, so Word and WPS use them
 * and LibreOffice substitutes by name; digits and Latin letters get a Latin font of their own.
 */
export function docxFont(face: Face, ctx?: FontContext) {
  const latin = LATIN[face];
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: docxEastAsiaFont(face, ctx) };
}

/**
 * The PDF embeds Noto Serif and Noto Sans (SC or TC by the script) and LXGW WenKai (OFL, installed from npm), so each
 * face maps to the closest: the Song-like serif for 宋体 and 仿宋 (no Fangsong design is shipped on npm under an
 * embeddable licence), LXGW WenKai for 楷体, the sans for 黑体, and the serif's bold for 小标宋, a heavy Song face.
 */
export const PDF_FACES: Record<Face, { font: PdfFamily; bold: boolean }> = {
  宋体: { font: 'NotoSerifSC', bold: false },
  仿宋: { font: 'NotoSerifSC', bold: false },
  楷体: { font: 'Kai', bold: false },
  黑体: { font: 'NotoSansSC', bold: false },
  小标宋: { font: 'NotoSerifSC', bold: true },
};
