// The tender reader's words in both languages: row kinds, places and refusals. core/ messages are Chinese; the
// English here is for the CLI's --lang en and the app's English UI.
import type { CellLoc, Loc, RowKind, TenderReading } from './model.js';

export type TenderLang = 'zh' | 'en';

export const KIND_LABEL: Record<RowKind, Record<TenderLang, string>> = {
  requirement: { zh: '要求', en: 'requirement' },
  star: { zh: '★实质性条款', en: '★ substantive item' },
  triangle: { zh: '▲重要条款', en: '▲ important item' },
  disqualify: { zh: '废标条款', en: 'disqualification' },
  scoring: { zh: '评分项', en: 'scoring item' },
  format: { zh: '指定格式', en: 'mandated form' },
  toc: { zh: '指定目录', en: 'mandated contents entry' },
};

/** Where a row is, as a reader looks it up: 第2页第3段 in a PDF; 第9段 (with its page counted from page breaks) in a DOCX. */
export function placeText(loc: Loc | CellLoc, basis: TenderReading['paragraphBasis'], lang: TenderLang): string {
  const cell =
    'table' in loc ? (lang === 'zh' ? `表${loc.table}第${loc.row}行` : `, table ${loc.table} row ${loc.row}`) : '';
  const pages = loc.pageEnd ? `${loc.page}–${loc.pageEnd}` : `${loc.page}`;
  if (basis === 'page')
    return lang === 'zh' ? `第${pages}页第${loc.paragraph}段${cell}` : `p. ${pages} ¶${loc.paragraph}${cell}`;
  return lang === 'zh'
    ? `第${loc.paragraph}段（第${pages}页起）${cell}`
    : `¶${loc.paragraph} (from p. ${pages})${cell}`;
}

const EN: Record<string, (p: Record<string, unknown>) => string> = {
  tender_too_large: (p) =>
    `${p.fileName} is ${p.mb} MB, over the ${p.maxMb} MB limit; remove image annexes and import it again`,
  tender_too_much_text: (p) => `${p.fileName} has more than ${p.max} characters of text; split it and import the parts`,
  tender_too_many_pages: (p) =>
    `${p.fileName} has ${p.pages} pages, over the ${p.max}-page limit; import the tender's main text only`,
  tender_scanned: (p) =>
    `${p.fileName} has almost no text (${p.chars} characters on ${p.pages} pages): it is probably a scan. Text in images is not read yet; ask the purchaser for a text PDF or a DOCX`,
  tender_encrypted: (p) => `${p.fileName} is password-protected; export an unencrypted PDF and import that`,
  tender_unreadable: (p) => `${p.fileName} cannot be read: it is not a valid ${p.kind ?? 'DOCX or PDF'} file`,
  tender_old_word: (p) =>
    `${p.fileName} is an old Word (.doc) or WPS (.wps) file; save it as DOCX or PDF in Word or WPS and import that`,
  tender_unknown_format: (p) => `${p.fileName} is neither a DOCX nor a PDF file; import the tender as DOCX or PDF`,
};

/** A refusal in the reader's language: the Chinese message as core wrote it, or its English wording by code. */
export function tenderErrorText(
  e: { code?: string; message: string; params?: Record<string, unknown> },
  lang: TenderLang,
): string {
  const en = lang === 'en' && e.code ? EN[e.code] : undefined;
  return en ? en(e.params ?? {}) : e.message;
}

export const isTenderError = (code: string | undefined) => !!code && code.startsWith('tender_');
