// Fixed wording and cover content shared by the DOCX and PDF exporters, so the two cannot drift apart.
import { formatDate } from '../format/zh.js';
import { partyLabel, type Document } from '../model/document.js';
import type { CopyMark } from '../model/typesetting.js';

export const labelled = (label: string, value: string) => (label ? `${label}：${value}` : value);

/** The exporters' own wording, in the document's script (the clause text is converted by assembly). */
export type Wording = {
  /** The contents page's title (a full-width space between the two characters, as Chinese documents set it). */
  contents: string;
  /** The placeholder a tender's every-page stamp goes on. */
  seal: string;
  projectNo: string;
  /** The footer's words around the page number and the page count: 第 | 页 共 | 页. */
  page: [string, string, string];
  party: (docType: string) => string;
};

const HANS: Wording = {
  contents: '目　录',
  seal: '（盖章处）',
  projectNo: '项目编号',
  page: ['第 ', ' 页 共 ', ' 页'],
  party: partyLabel,
};
const HANT: Wording = {
  contents: '目　錄',
  seal: '（蓋章處）',
  projectNo: '項目編號',
  page: ['第 ', ' 頁 共 ', ' 頁'],
  party: (docType) => partyLabel(docType).replace('投标人', '投標人').replace('委托方', '委託方'),
};

export const wording = (doc: Document): Wording => (doc.meta.script === 'hant' ? HANT : HANS);

/**
 * Whether the document gets a table of contents: a short letter (a 承诺书 of two or three sections) reads better
 * without one; a plan or an agreement of four chapters or more needs it.
 */
export function wantsContents(doc: Document): boolean {
  return doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).length >= 4;
}

/**
 * A cover title broken into lines of equal length (as a typesetter would), rather than a full line and a
 * stray word: 滨江市第一人民医院净化空调机组采购 / 项目 becomes two lines of ten characters.
 */
export function balancedTitle(title: string, perLineEm: number): string {
  const chars = [...title];
  const em = chars.reduce((a, ch) => a + (ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1), 0);
  const lines = Math.ceil(em / Math.max(1, perLineEm));
  if (lines <= 1 || /\s/.test(title)) return title;
  const per = Math.ceil(chars.length / lines);
  return Array.from({ length: lines }, (_, i) => chars.slice(i * per, (i + 1) * per).join(''))
    .filter(Boolean)
    .join('\n');
}

export type Cover = {
  copyMark?: Exclude<CopyMark, 'none'>;
  title: string;
  subtitle: string;
  details: string[];
  date: string;
};

/** What the cover shows, top to bottom. */
export function coverOf(doc: Document, copyMark: CopyMark, titlePerLineEm = Infinity): Cover {
  const m = doc.meta;
  return {
    ...(copyMark !== 'none' ? { copyMark } : {}),
    title: balancedTitle(m.title, titlePerLineEm),
    subtitle: m.projectName,
    details: [
      ...(m.projectNo ? [`${wording(doc).projectNo}：${m.projectNo}`] : []),
      ...(m.bidder ? [labelled(wording(doc).party(m.docType), m.bidder)] : []),
    ],
    date: formatDate(m.date),
  };
}

/** Pixel size of a PNG or JPEG, read from its header; undefined when it is neither. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length > 24 && dv.getUint32(0) === 0x89504e47) return { width: dv.getUint32(16), height: dv.getUint32(20) };
  if (bytes.length > 4 && dv.getUint16(0) === 0xffd8) {
    // Walk the JPEG segments to the first start-of-frame marker, which holds the size.
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return undefined;
      const marker = bytes[i + 1]!;
      const len = dv.getUint16(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { height: dv.getUint16(i + 5), width: dv.getUint16(i + 7) };
      i += 2 + len;
    }
  }
  return undefined;
}

/** The cover logo's bytes and its size scaled to at most `maxHeight` × `maxWidth` (any unit). */
export function logoOf(
  doc: Document,
  maxWidth: number,
  maxHeight: number,
): { bytes: Uint8Array; type: 'png' | 'jpg'; width: number; height: number } | undefined {
  if (!doc.meta.logo) return undefined;
  const bytes = Uint8Array.from(atob(doc.meta.logo.base64), (c) => c.charCodeAt(0));
  const size = imageSize(bytes);
  if (!size?.width || !size.height) return undefined;
  const scale = Math.min(maxWidth / size.width, maxHeight / size.height);
  return {
    bytes,
    type: doc.meta.logo.type,
    width: Math.round(size.width * scale),
    height: Math.round(size.height * scale),
  };
}
