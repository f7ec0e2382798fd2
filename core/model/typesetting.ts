// Typesetting profiles: how a document is laid out (page, fonts, sizes, spacing, page numbers), chosen per project.
// Plain data (no Node, no DOM) so the UI can show the choices and both exporters read the same numbers.
import { z } from 'zod';

/** Chinese type sizes (字号) and their points, largest first: what a tender's format instructions name. */
export const ZIHAO = [
  { name: '初号', pt: 42 },
  { name: '小初', pt: 36 },
  { name: '一号', pt: 26 },
  { name: '小一', pt: 24 },
  { name: '二号', pt: 22 },
  { name: '小二', pt: 18 },
  { name: '三号', pt: 16 },
  { name: '小三', pt: 15 },
  { name: '四号', pt: 14 },
  { name: '小四', pt: 12 },
  { name: '五号', pt: 10.5 },
  { name: '小五', pt: 9 },
  { name: '六号', pt: 7.5 },
  { name: '小六', pt: 6.5 },
  { name: '七号', pt: 5.5 },
  { name: '八号', pt: 5 },
] as const;

/** "小四（12 磅）" for a size that has a 字号 name, "13 磅" otherwise: shown beside every size in the UI. */
export function sizeLabel(pt: number): string {
  const z = ZIHAO.find((x) => x.pt === pt);
  return z ? `${z.name}（${pt} 磅）` : `${pt} 磅`;
}

/** The Chinese typefaces a format instruction names. Exporters map them to real fonts (DOCX) or embedded ones (PDF). */
export const FACES = ['宋体', '黑体', '仿宋', '楷体', '小标宋'] as const;
export type Face = (typeof FACES)[number];

export type TextStyle = { face: Face; size: number; bold: boolean };
export type Margins = { top: number; bottom: number; left: number; right: number };

export type Typesetting = {
  profile: ProfileId;
  /** Page margins in millimetres (A4 portrait). */
  margins: Margins;
  title: TextStyle;
  /** 一、 chapter titles */
  h1: TextStyle;
  /** （一） section titles */
  h2: TextStyle;
  h3: TextStyle;
  body: TextStyle;
  table: TextStyle;
  /** Body line spacing: a multiple of single spacing, or a fixed grid of lines per page (GB/T 9704: 22 × 28). */
  spacing: { kind: 'multiple'; multiple: number } | { kind: 'grid'; linesPerPage: number; charsPerLine: number };
  /** 'centred': 第 X 页 共 Y 页 in the middle; 'outside': — X — on the outer edge (right on odd, left on even pages). */
  pageNumbers: 'centred' | 'outside';
  /** 正本 / 副本 printed on the cover, or nothing. */
  copyMark: CopyMark;
  /** A 「（盖章处）」 placeholder on every page, for tenders that require each page to be stamped. */
  sealEveryPage: boolean;
};

export const PROFILE_IDS = ['bid', 'gbt9704'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
export const COPY_MARKS = ['正本', '副本', 'none'] as const;
export type CopyMark = (typeof COPY_MARKS)[number];

const s = (face: Face, size: number, bold = false): TextStyle => ({ face, size, bold });

export const PROFILES: Record<ProfileId, Typesetting & { label: string }> = {
  // What most bid offices hand in when the tender prescribes nothing.
  bid: {
    profile: 'bid',
    label: '投标文件通用格式',
    margins: { top: 26, bottom: 22, left: 25, right: 25 },
    // The cover title: 一号 bold 黑体, the size bid covers commonly use.
    title: s('黑体', 26, true),
    h1: s('黑体', 16),
    h2: s('黑体', 15),
    h3: s('黑体', 12),
    body: s('宋体', 12),
    table: s('宋体', 10.5),
    spacing: { kind: 'multiple', multiple: 1.5 },
    pageNumbers: 'centred',
    copyMark: 'none',
    sealEveryPage: false,
  },
  // GB/T 9704-2012, the format of Chinese official documents, which some government tenders ask for.
  gbt9704: {
    profile: 'gbt9704',
    label: 'GB/T 9704 公文格式',
    margins: { top: 37, bottom: 35, left: 28, right: 26 },
    title: s('小标宋', 22),
    h1: s('黑体', 16),
    h2: s('楷体', 16),
    h3: s('仿宋', 16, true),
    body: s('仿宋', 16),
    table: s('仿宋', 12),
    spacing: { kind: 'grid', linesPerPage: 22, charsPerLine: 28 },
    pageNumbers: 'outside',
    copyMark: 'none',
    sealEveryPage: false,
  },
};

const textStyleOverride = z
  .object({ face: z.enum(FACES), size: z.number().min(5).max(72), bold: z.boolean() })
  .partial();

/** What a project stores: a profile, what the tender prescribes differently, and the bid-office extras. */
export const typesettingChoiceSchema = z.object({
  profile: z.enum(PROFILE_IDS),
  overrides: z
    .object({
      margins: z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() }).partial(),
      title: textStyleOverride,
      h1: textStyleOverride,
      h2: textStyleOverride,
      h3: textStyleOverride,
      body: textStyleOverride,
      table: textStyleOverride,
      lineSpacing: z.number().min(1).max(3),
      pageNumbers: z.enum(['centred', 'outside']),
    })
    .partial()
    .optional(),
  copyMark: z.enum(COPY_MARKS).optional(),
  sealEveryPage: z.boolean().optional(),
});
export type TypesettingChoice = z.infer<typeof typesettingChoiceSchema>;

/** The profile a project chose, with its overrides applied; the bid default when it chose nothing. */
export function resolveTypesetting(choice?: TypesettingChoice): Typesetting {
  const { label: _label, ...base } = PROFILES[choice?.profile ?? 'bid'];
  const o = choice?.overrides ?? {};
  const style = (k: 'title' | 'h1' | 'h2' | 'h3' | 'body' | 'table'): TextStyle => ({ ...base[k], ...o[k] });
  return {
    ...base,
    margins: { ...base.margins, ...o.margins },
    title: style('title'),
    h1: style('h1'),
    h2: style('h2'),
    h3: style('h3'),
    body: style('body'),
    table: style('table'),
    // A prescribed line spacing replaces the grid: the tender's number wins over the profile's.
    spacing: o.lineSpacing ? { kind: 'multiple', multiple: o.lineSpacing } : base.spacing,
    pageNumbers: o.pageNumbers ?? base.pageNumbers,
    copyMark: choice?.copyMark ?? 'none',
    sealEveryPage: choice?.sealEveryPage ?? false,
  };
}

/** Millimetres per typographic point. */
export const MM_PER_PT = 25.4 / 72;

/**
 * Extra space between body characters in points so a line holds exactly the grid's characters (GB/T 9704: 156 mm
 * / 28 = 15.79 pt for 16 pt characters, so −0.21 pt); undefined without a grid. Rounded down to a twip (1/20 pt,
 * what DOCX stores): −0.2 pt would make 28 characters 0.2 pt wider than the line, and Word and our PDF would set 27;
 * at −0.25 pt 28 fit with 1.2 pt to spare and a 29th never does.
 */
export function gridCharSpacing(t: Typesetting): number | undefined {
  if (t.spacing.kind !== 'grid') return undefined;
  const exact = (210 - t.margins.left - t.margins.right) / MM_PER_PT / t.spacing.charsPerLine - t.body.size;
  return Math.floor(exact * 20) / 20;
}

/**
 * The body's line pitch in points: on a grid, the text height divided by the lines per page (GB/T 9704: 225 mm / 22
 * = 28.99 pt), rounded down to a twip as DOCX stores it (28.95 pt: 29 pt made 22 lines 0.2 pt taller than the page's
 * text area, and LibreOffice set 21); otherwise undefined (the exporter applies the multiple to the font's own line
 * height).
 */
export function gridPitch(t: Typesetting): number | undefined {
  if (t.spacing.kind !== 'grid') return undefined;
  const exact = (297 - t.margins.top - t.margins.bottom) / MM_PER_PT / t.spacing.linesPerPage;
  return Math.floor(exact * 20) / 20;
}
