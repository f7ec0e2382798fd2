// Which fonts a document is set in, by its script (简体 / 繁體) and typesetting profile: the families registered with
// pdfmake for its PDF, the fonts its glyph check reads, and the font names and language its DOCX names.
import type { Face, ProfileId } from '../model/typesetting.js';
import { type FONT_FILES, fontBytes } from './fonts.js';

export type Script = 'hans' | 'hant';
type FontFile = keyof typeof FONT_FILES;

/**
 * pdfmake family names, as the document definitions write them. They name a role, not a file: 'NotoSerifSC' is the
 * serif (body) and 'NotoSansSC' the sans (headings), set from Noto Serif/Sans SC for 简体 and Noto Serif/Sans TC for
 * 繁體 — the TC fonts draw Taiwan's glyph forms and centre ，。、；： in the em box, as Taiwan and Hong Kong readers
 * expect (SC fonts set them bottom-left). 'Kai' is LXGW WenKai, the one freely licensed 楷体 shipped on npm.
 */
export type PdfFamily = 'NotoSerifSC' | 'NotoSansSC' | 'Kai';

const FILES: Record<Script, Record<PdfFamily, { normal: FontFile; bold: FontFile }>> = {
  hans: {
    NotoSerifSC: { normal: 'serifRegular', bold: 'serifBold' },
    NotoSansSC: { normal: 'sansBold', bold: 'sansBold' },
    Kai: { normal: 'kai', bold: 'kai' },
  },
  hant: {
    NotoSerifSC: { normal: 'serifRegularTC', bold: 'serifBoldTC' },
    NotoSansSC: { normal: 'sansBoldTC', bold: 'sansBoldTC' },
    Kai: { normal: 'kai', bold: 'kai' },
  },
};

type Vfs = { storage?: Record<string, unknown>; writeFileSync(name: string, data: Buffer): void };

/**
 * pdfmake's font descriptors for a script's documents. Each file is put into pdfmake's virtual file system as a
 * getter, so it is read (10–16 MB) only when a document first sets text in it: 简体 exports never read the TC fonts.
 */
export function pdfFonts(script: Script, vfs: Vfs): Record<PdfFamily, Record<string, string>> {
  const file = (name: FontFile) => {
    const path = `${name}.ttf`;
    if (vfs.storage && !Object.hasOwn(vfs.storage, path))
      Object.defineProperty(vfs.storage, path, { get: () => fontBytes(name), enumerable: true, configurable: true });
    else if (!vfs.storage) vfs.writeFileSync(path, fontBytes(name));
    return path;
  };
  const families = FILES[script];
  const out = {} as Record<PdfFamily, Record<string, string>>;
  for (const family of Object.keys(families) as PdfFamily[]) {
    const { normal, bold } = families[family];
    out[family] = { normal: file(normal), bold: file(bold), italics: file(normal), bolditalics: file(bold) };
  }
  return out;
}

/** The font file a PDF family is drawn with in a script (for the glyph check and the cards' own measuring). */
export function pdfFontFile(script: Script, family: PdfFamily, bold = false): FontFile {
  const f = FILES[script][family];
  return bold ? f.bold : f.normal;
}

/**
 * DOCX East Asian font names, as Chinese Word writes them. 简体: 宋体, 黑体, and for GB/T 9704 documents the names
 * official-document templates use, 仿宋_GB2312 and 楷体_GB2312 (installed on government machines; elsewhere Word
 * and WPS substitute by name); other profiles write 仿宋 / 楷体 (FangSong, KaiTi, shipped with Windows). 繁體: the
 * fonts Traditional Windows ships — 新細明體 (PMingLiU) for 宋体, 微軟正黑體 for 黑体, 標楷體 (DFKai-SB) for 楷体;
 * 仿宋 keeps its name (Taiwan has no standard one).
 */
const DOCX_EAST_ASIA: Record<Script, Record<Face, string>> = {
  hans: { 宋体: '宋体', 黑体: '黑体', 仿宋: '仿宋', 楷体: '楷体', 小标宋: '方正小标宋简体' },
  hant: { 宋体: '新細明體', 黑体: '微軟正黑體', 仿宋: '仿宋', 楷体: '標楷體', 小标宋: '新細明體' },
};
const GBT9704_NAMES: Partial<Record<Face, string>> = { 仿宋: '仿宋_GB2312', 楷体: '楷体_GB2312' };

export type FontContext = { script?: Script; profile?: ProfileId };

export function docxEastAsiaFont(face: Face, ctx: FontContext = {}): string {
  const script = ctx.script ?? 'hans';
  if (script === 'hans' && ctx.profile === 'gbt9704' && GBT9704_NAMES[face]) return GBT9704_NAMES[face];
  return DOCX_EAST_ASIA[script][face];
}

/** The DOCX's language: zh-CN or zh-TW for East Asian text (Word's proofing, line breaking and font fallback). */
export function docxLanguage(script: Script = 'hans') {
  return { value: 'en-US', eastAsia: script === 'hant' ? 'zh-TW' : 'zh-CN' };
}
