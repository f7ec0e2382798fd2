// readTender: a tender's DOCX or PDF bytes → the rows proposed from it, each with its page and paragraph, and the
// requirement-like sentences of the service chapters that no phrasing recognised (for review). Proposals only.
import { createHash } from 'node:crypto';
import { classifyRow, classifySentence } from './classify.js';
import { readDocx } from './docx.js';
import { formRows, inFormatChapter } from './forms.js';
import { checkSize, tenderError } from './limits.js';
import type { TenderReading, TenderRow, TenderText } from './model.js';
import { readPdf } from './pdf.js';
import { tenderSentences } from './sentences.js';

/** What the file is, by its first bytes (a renamed file is read for what it is), else by its name. */
function formatOf(bytes: Uint8Array, fileName: string): 'docx' | 'pdf' | 'doc' | 'unknown' {
  const head = Array.from(bytes.subarray(0, 8));
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return 'pdf';
  // OLE2 compound file: Word 97–2003 .doc and WPS .wps
  if (head.join(',') === '208,207,17,224,161,177,26,225') return 'doc';
  if (head[0] === 0x50 && head[1] === 0x4b) return 'docx';
  return /\.(doc|wps)$/i.test(fileName) ? 'doc' : 'unknown';
}

export async function readTenderText(bytes: Uint8Array, fileName: string): Promise<TenderText> {
  checkSize(bytes, fileName);
  const format = formatOf(bytes, fileName);
  if (format === 'pdf') return readPdf(bytes, fileName);
  if (format === 'docx') return readDocx(bytes, fileName);
  if (format === 'doc')
    throw tenderError(
      'tender_old_word',
      `${fileName} 是旧版 Word（.doc）或 WPS（.wps）文件，无法直接读取；请在 Word 或 WPS 中“另存为” DOCX 或 PDF 后再导入`,
      { fileName },
    );
  throw tenderError('tender_unknown_format', `${fileName} 不是 DOCX 或 PDF 文件；招标文件请以 DOCX 或 PDF 导入`, {
    fileName,
  });
}

/** Rows in document order: the format chapters give forms and 目录 entries, the rest requirements and their kin. */
export function proposeRows(text: TenderText): { rows: TenderRow[]; review: TenderRow[]; sentences: number } {
  const sentences = tenderSentences(text);
  const rows: TenderRow[] = [];
  const review: TenderRow[] = [];
  const formSentences = sentences.filter(inFormatChapter);
  for (const s of sentences) {
    if (inFormatChapter(s)) continue;
    const c = s.cells ? classifyRow(s) : classifySentence(s);
    rows.push(...c.rows);
    if (c.review) review.push(c.review);
  }
  const forms = formRows(formSentences);
  const order = (r: TenderRow) => [r.loc.page, r.loc.paragraph, 'row' in r.loc ? r.loc.row : 0];
  const all = [...rows, ...forms].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
  return { rows: all, review, sentences: sentences.length };
}

export async function readTender(bytes: Uint8Array, fileName: string): Promise<TenderReading> {
  const text = await readTenderText(bytes, fileName);
  const { rows, review, sentences } = proposeRows(text);
  return {
    fileName,
    format: text.format,
    pages: text.pages,
    pageBasis: text.pageBasis,
    paragraphBasis: text.paragraphBasis,
    rows,
    review,
    sentences,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
