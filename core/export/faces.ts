// Typefaces named by a typesetting profile (宋体, 黑体 …) → the fonts each exporter writes.
import type { Face } from '../model/typesetting.js';

/**
 * DOCX names the real Chinese fonts by the names Chinese Word itself writes (宋体 = SimSun, 黑体 = SimHei,
 * 仿宋 = FangSong, 楷体 = KaiTi), as w:eastAsia, so Word and WPS on a Chinese system use them and LibreOffice
 * substitutes by name; digits and Latin letters get a Latin font of their own (w:ascii / w:hAnsi).
 */
export const DOCX_FONTS: Record<Face, { eastAsia: string; latin: string }> = {
  宋体: { eastAsia: '宋体', latin: 'Times New Roman' },
  黑体: { eastAsia: '黑体', latin: 'Arial' },
  仿宋: { eastAsia: '仿宋', latin: 'Times New Roman' },
  楷体: { eastAsia: '楷体', latin: 'Times New Roman' },
  小标宋: { eastAsia: '方正小标宋简体', latin: 'Times New Roman' },
};

export function docxFont(face: Face) {
  const f = DOCX_FONTS[face];
  return { ascii: f.latin, hAnsi: f.latin, cs: f.latin, eastAsia: f.eastAsia };
}

export type PdfFamily = 'NotoSerifSC' | 'NotoSansSC';

/**
 * The PDF embeds only Noto Serif SC and Noto Sans SC (OFL, installed from npm), so each face maps to the closest of
 * them: the Song-like serif for 宋体, 仿宋 and 楷体 (no Fangsong or Kai design is available under an embeddable
 * licence here), the sans for 黑体, and the serif's bold for 小标宋, a heavy Song face.
 */
export const PDF_FACES: Record<Face, { font: PdfFamily; bold: boolean }> = {
  宋体: { font: 'NotoSerifSC', bold: false },
  仿宋: { font: 'NotoSerifSC', bold: false },
  楷体: { font: 'NotoSerifSC', bold: false },
  黑体: { font: 'NotoSansSC', bold: false },
  小标宋: { font: 'NotoSerifSC', bold: true },
};
