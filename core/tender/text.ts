// The shapes of tender text: item numbers, sentence ends, headings. Shared by the PDF and DOCX readers.

/** A line that begins a new item: ★/▲, 第一章, 一、, （一）, 1. / 1、 / 3.2.1, ①, 附件. */
export const ITEM_START =
  /^\s*(?:[★▲]|第[一二三四五六七八九十百\d]+[章节条篇部]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[.．]\d+)*(?:[、)）]|[.．](?!\d)|\s)|[①-⑳]|附件\s*\d|目\s*录$)/;
/** A line of the tender's own table of contents: a title, dot leaders (or a tab) and a page number. */
export const CONTENTS_LINE = /(?:\.{4,}|…{2,}|·{4,}|-{4,}|\t)\s*\d+\s*$/;

/** A paragraph that ends a sentence (or introduces a list with a colon). */
export const TERMINAL_END = /[。！？；;：:]\s*$/;

/** 条目号 at the start of a sentence (3.2.1, （五）, 2、), its ★/▲ mark, and the rest. */
const ITEM =
  /^\s*([★▲]\s*)?((?:\d+[.．])+\d*|\d+[、)）]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)?\s*([★▲]\s*)?/;

export function splitItem(text: string): { item?: string; mark?: '★' | '▲'; rest: string } {
  const m = ITEM.exec(text);
  const raw = m?.[2] ?? '';
  const item = /^[（(]/.test(raw) ? `（${raw.slice(1, -1)}）` : raw.replace(/[.．、)）]$/, '');
  const markText = `${m?.[1] ?? ''}${m?.[3] ?? ''}`;
  const mark = /★/.test(markText) ? '★' : /▲/.test(markText) ? '▲' : undefined;
  return { ...(item ? { item } : {}), ...(mark ? { mark } : {}), rest: text.slice(m?.[0].length ?? 0).trim() };
}

/** Sentences of a paragraph with their offsets: split after 。！？；; a colon stays inside its sentence. */
export function sentencesOf(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /[^。！？；;\n]+[。！？；;]?/g;
  for (const m of text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t.length >= 2) out.push({ text: t, at: m.index + lead });
  }
  return out;
}

/**
 * The outline level of a heading-shaped paragraph, or undefined for body text: 第一章 → 1, 一、 → 2, （一） → 3,
 * 3.2 → 3, 附件1 → 2; a styled heading (DOCX Heading n, a larger PDF size) keeps its level. Headings are short and
 * end without a full stop.
 */
export function headingLevel(text: string, styled?: number): number | undefined {
  const t = text.trim();
  if (t.length > 40 || /[。；;，,]$/.test(t) || /[。；;]/.test(t)) return undefined;
  if (/^第[一二三四五六七八九十百\d]+[章篇部]/.test(t)) return 1;
  if (styled) return styled;
  if (/^第[一二三四五六七八九十百\d]+节/.test(t)) return 2;
  if (/^附件\s*\d+|^附表\s*\d+/.test(t)) return 2;
  if (/^[一二三四五六七八九十]+、/.test(t) && t.length <= 30 && !/[，,：:]/.test(t)) return 2;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(t) && t.length <= 30 && !/[，,：:]/.test(t)) return 3;
  if (
    /^\d+(?:[.．]\d+)+\s*\S/.test(t) &&
    t.length <= 24 &&
    !/[，,：:]/.test(t) &&
    !/\d\s*(?:小时|天|年|个月|分钟)/.test(t)
  )
    return 3;
  return undefined;
}
