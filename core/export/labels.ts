// Fixed wording and cover content shared by the DOCX and PDF exporters, so the two cannot drift apart.
import { formatDate } from '../format/zh.js';
import { documentLayout, partyLabel, type Document } from '../model/document.js';
import { textEm } from './tableLayout.js';
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
 * Whether the document gets a table of contents: only a report does (a letter, a form and a card never), and only
 * with four chapters or more (a short report reads better without one).
 */
export function wantsContents(doc: Document): boolean {
  return (
    documentLayout(doc) === 'report' && doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).length >= 4
  );
}

/** Whether the document opens with a cover page (a report); a letter, a form and a card open with their title. */
export const wantsCover = (doc: Document): boolean => documentLayout(doc) === 'report';

const OPENING = /^[（(《“‘〈【[]+$/;
const CLOSING = /^[）)》”’〉】\]、，。：；！？,.:;!?]+$/;

/**
 * The title's words (Intl.Segmenter's Chinese word boundaries, from the ICU that Node and Chromium carry), with
 * brackets and punctuation kept on the word they belong to: a line may break between two of them, never inside one.
 */
export function titleWords(title: string): string[] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  const raw = Segmenter
    ? [...new Segmenter('zh', { granularity: 'word' }).segment(title)].map((s) => s.segment)
    : [...title];
  const words: string[] = [];
  let open = '';
  for (const w of raw) {
    if (OPENING.test(w)) open += w;
    else if (CLOSING.test(w) && words.length && !open) words[words.length - 1] += w;
    else {
      words.push(open + w);
      open = '';
    }
  }
  if (open) words.length ? (words[words.length - 1] += open) : words.push(open);
  return words;
}

/**
 * A cover title broken into lines at word boundaries and as even as the words allow (as a typesetter would), rather
 * than a full line and a stray word, or a line ending inside a word: 滨江市第一人民医院净化空调机组采购项目 becomes
 * 滨江市第一人民医院 / 净化空调机组采购项目, never 「…医院净 / 化空调…」.
 */
export function balancedTitle(title: string, perLineEm: number): string {
  const per = Math.max(1, perLineEm);
  if (textEm(title) <= per || /\s/.test(title)) return title;
  const words = titleWords(title);
  const em = words.map(textEm);
  const width = (from: number, to: number) => em.slice(from, to).reduce((a, w) => a + w, 0);
  // The fewest lines that can hold the words, then the break points that make the longest line shortest (ties:
  // the lines closest to equal), by dynamic programming over the word boundaries.
  for (let lines = Math.ceil(textEm(title) / per); lines <= words.length; lines++) {
    const best = splitEvenly(words.length, lines, width, per);
    if (best) return best.map(([a, b]) => words.slice(a, b).join('')).join('\n');
  }
  return title;
}

type Cost = { max: number; squares: number; cuts: [number, number][] };

/** Words 0…n in exactly `lines` lines of at most `per` em each, the longest as short as can be; undefined if none fits. */
function splitEvenly(
  n: number,
  lines: number,
  width: (from: number, to: number) => number,
  per: number,
): [number, number][] | undefined {
  // best[k][i]: the first i words in k lines.
  const best: (Cost | undefined)[][] = Array.from({ length: lines + 1 }, () => []);
  best[0]![0] = { max: 0, squares: 0, cuts: [] };
  for (let k = 1; k <= lines; k++)
    for (let i = k; i <= n; i++)
      for (let j = k - 1; j < i; j++) {
        const before = best[k - 1]![j];
        const w = width(j, i);
        if (!before || w > per) continue;
        const c = { max: Math.max(before.max, w), squares: before.squares + w * w, cuts: [...before.cuts, [j, i]] };
        const now = best[k]![i];
        if (!now || c.max < now.max - 1e-9 || (Math.abs(c.max - now.max) < 1e-9 && c.squares < now.squares))
          best[k]![i] = c as Cost;
      }
  return best[lines]![n]?.cuts;
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
