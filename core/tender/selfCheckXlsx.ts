// The self-check as an XLSX (exceljs): one sheet, the headers in the report's language (Chinese by default), one row
// per finding with the tender's page and paragraph, so the team can tick the list off before the bid goes out.
import ExcelJS from 'exceljs';
import { placeText, type TenderLang } from './messages.js';
import type { ProjectTender } from './projectTender.js';
import type { SelfCheckRow } from './selfCheck.js';
import { SELF_CHECK_HEADER, SELF_CHECK_KIND, SEVERITY_LABEL, selfCheckWords } from './selfCheckMessages.js';

export const SELF_CHECK_SHEET: Record<TenderLang, string> = { zh: '投标自查表', en: 'Self-check' };

export async function selfCheckXlsx(
  rows: SelfCheckRow[],
  opts: { title: string; tender?: Pick<ProjectTender, 'fileName' | 'paragraphBasis'>; lang?: TenderLang },
): Promise<Uint8Array> {
  const lang = opts.lang ?? 'zh';
  const book = new ExcelJS.Workbook();
  // The program as creator, never an account name.
  book.creator = 'BidForge';
  book.lastModifiedBy = 'BidForge';
  const sheet = book.addWorksheet(SELF_CHECK_SHEET[lang]);
  sheet.columns = [{ width: 6 }, { width: 10 }, { width: 14 }, { width: 60 }, { width: 22 }, { width: 46 }];
  const header = sheet.addRow(SELF_CHECK_HEADER[lang]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  rows.forEach((r, i) => {
    const words = lang === 'zh' ? { text: r.text, todo: r.todo } : selfCheckWords(r.code, r.params, lang);
    const where = r.where && opts.tender ? placeText(r.where, opts.tender.paragraphBasis, lang) : '';
    const line = sheet.addRow([
      i + 1,
      SEVERITY_LABEL[r.severity][lang],
      SELF_CHECK_KIND[r.kind][lang],
      words.text,
      where,
      words.todo,
    ]);
    line.alignment = { vertical: 'top', wrapText: true };
    if (r.severity === 'error') line.getCell(2).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.headerFooter = { oddHeader: opts.title };
  return new Uint8Array(await book.xlsx.writeBuffer());
}
