// The 投标文件格式 chapter: the forms the tender prescribes (售后服务承诺书, 偏离表 …) with their fixed wording and
// columns, and its mandated 目录 as one entry per row. Its sentences are the forms' text, never requirements.
import type { TenderRow, TenderSentence } from './model.js';

export const FORMAT_CHAPTER = /投标文件格式|响应文件格式|投标文件的?组成|格式附件|文件格式/;
const FORM_TITLE = /承诺书|承诺函|偏离表|声明|投标函|授权委托书|报价表|一览表|响应表/;
const TOC_TITLE = /^(?:投标文件|响应文件)?目\s*录$/;
const TOC_ENTRY = /^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[①-⑳])/;

export const inFormatChapter = (s: TenderSentence) => s.chapter.some((c) => FORMAT_CHAPTER.test(c));

type Form = { title: TenderSentence; level: number; lines: string[]; columns?: string[] };

/** Rows for the sentences of the format chapters, in order. */
export function formRows(sentences: TenderSentence[]): TenderRow[] {
  const rows: TenderRow[] = [];
  let toc: { level: number } | undefined;
  let form: Form | undefined;
  const close = () => {
    if (form)
      rows.push({
        kind: 'format',
        text: form.title.text,
        loc: form.title.loc,
        chapter: form.title.chapter,
        form: {
          title: form.title.text,
          text: form.lines.join('\n'),
          ...(form.columns ? { columns: form.columns } : {}),
        },
      });
    form = undefined;
  };
  for (const s of sentences) {
    const text = s.text.trim();
    if (TOC_TITLE.test(text.replace(/\s/g, ''))) {
      close();
      toc = { level: s.heading ?? 99 };
      continue;
    }
    if (toc) {
      const ends =
        /^(?:附件|格式|第[一二三四五六七八九十\d]+章)/.test(text) ||
        (s.heading !== undefined && s.heading <= toc.level && !TOC_ENTRY.test(text)) ||
        text.length > 40 ||
        /。/.test(text);
      if (!ends) {
        rows.push({ kind: 'toc', text, loc: s.loc, chapter: s.chapter });
        continue;
      }
      toc = undefined;
    }
    if (s.heading !== undefined && FORM_TITLE.test(text)) {
      close();
      form = { title: s, level: s.heading, lines: [] };
      continue;
    }
    if (!form) continue;
    if (s.heading !== undefined && s.heading <= form.level) {
      close();
      continue;
    }
    if (s.cells) form.columns ??= s.header;
    if (s.cells && s.cells.join('|') === s.header?.join('|')) continue;
    form.lines.push(s.cells ? s.cells.join('\t') : text);
  }
  close();
  return rows;
}
