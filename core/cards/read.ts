// Data file (CSV in UTF-8/GBK, XLSX) → card rows, each validated with its row number and column named.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { BidForgeError, type Problem } from '../model/problem.js';
import { badCardFile, cardRefusal } from './cardsText.js';
import { parseCardDate } from './dates.js';
import { CARD_FIELDS, FIELD_LABELS, headerScore, mapColumns, type CardField, type CardMapping } from './fields.js';
import { checkXlsxLimits, XLSX_LIMITS } from './zipLimits.js';

/** One card's data. `row` is the row number as the user sees it in Excel (the header row being row 1 in a plain file). */
export type CardRow = { row: number } & Record<Exclude<CardField, 'date'>, string> & {
    /** ISO "YYYY-MM-DD": the purchase or installation date the warranty counts from. */
    date: string;
  };

/** A problem in a data file; `row` and `column` say where, as the user sees it. */
export type CardProblem = Problem & { row?: number; column?: string };

export type CellValue = string | number | Date | null;
/** A sheet as rows of cells, each with its 1-based row number. */
export type Grid = { rowNumber: number; cells: CellValue[] }[];

export type ReadCardsResult = {
  /** The valid rows, in file order: these can be exported even when others have errors. */
  rows: CardRow[];
  problems: CardProblem[];
  /** field → header text used, for the fields that were found. */
  columns: CardMapping;
  /** All header texts of the header row. */
  headers: string[];
  headerRow: number;
  /** Data rows that were not empty (valid + invalid). */
  dataRows: number;
  /** "utf-8", "gb18030", "utf-16le" or "xlsx". */
  encoding: string;
  /** The worksheet read, for XLSX. */
  sheet?: string;
  /** "安装日期" when the date column speaks of installation, else "购买日期". */
  dateLabel: string;
};

/** Fields a card cannot do without; a file lacking one of these columns is rejected as a whole. */
export const REQUIRED_FIELDS: readonly CardField[] = ['customer', 'serial', 'date'];
/** Longer values may not fit their box on the card: a warning. */
const MAX_LENGTH: Record<CardField, number> = {
  customer: 30,
  phone: 30,
  address: 60,
  product: 30,
  model: 30,
  serial: 30,
  date: 30,
  dealer: 40,
};

// ---------------------------------------------------------------- decoding

/** Text of a CSV file: UTF-16 with BOM, valid UTF-8 (BOM or not) as UTF-8, anything else as GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030'),
      encoding: 'gb18030',
    };
  }
}

export function csvGrid(text: string, file: string): Grid {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, dynamicTyping: false });
  const fatal = parsed.errors.filter((e) => e.code === 'MissingQuotes');
  if (fatal.length) {
    const e = fatal[0]!;
    throw badCardFile('csv_quotes', { file, ...(e.row === undefined ? {} : { row: e.row + 1 }) });
  }
  // Each CSV record is one spreadsheet row (a quoted field may span lines), so the record index gives the row number.
  return parsed.data.map((cells, i) => ({ rowNumber: i + 1, cells: cells.map((c) => c) }));
}

function excelCell(v: ExcelJS.CellValue): CellValue {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return excelCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? '');
    if ('error' in v) return null;
  }
  return String(v);
}

/** The first worksheet with data; merged cells read as their merged (top-left) value. */
export async function xlsxGrid(bytes: Uint8Array, file: string): Promise<{ grid: Grid; sheet: string }> {
  checkXlsxLimits(bytes, file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    // exceljs's reason is English (“Cannot read properties of undefined”): the Chinese message sums it up.
    throw badCardFile('not_xlsx', { file, reasonEn: (e as Error).message });
  }
  const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.actualRowCount > 0) ?? wb.worksheets[0];
  if (!ws) throw badCardFile('no_sheet', { file });
  const grid: Grid = [];
  const width = ws.columnCount;
  // One stray cell in column XFD would make every row 16,384 cells wide.
  if (ws.actualRowCount * width > 4 * XLSX_LIMITS.cells)
    throw cardRefusal(
      'card_file_too_big',
      `${file}：工作表有 ${ws.actualRowCount} 行 × ${width} 列，超出可读取的范围；请删去多余的行列或另存为 CSV`,
      { file, rows: ws.actualRowCount, columns: width, stage: 'sheet' },
    );
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    // A merged cell that is not the top-left one returns the top-left cell's value in exceljs.
    for (let c = 1; c <= width; c++) cells.push(excelCell(row.getCell(c).value));
    grid.push({ rowNumber, cells });
  });
  return { grid, sheet: ws.name };
}

// ---------------------------------------------------------------- rows

export function cellText(v: CellValue | undefined): string {
  if (v == null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  return v
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
}

const isEmptyRow = (cells: CellValue[]) => cells.every((c) => cellText(c) === '');

/** Serial numbers compare without case, width or spaces: "sn 001" and "ＳＮ001" are the same unit. */
const serialKey = (s: string) => s.normalize('NFKC').toUpperCase().replace(/\s+/g, '');

function sniffKind(bytes: Uint8Array, fileName: string): 'xlsx' | 'xls' | 'csv' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  return 'csv';
}

/** Among the first non-empty rows, the one naming the most card fields (a title row above the header is skipped). */
export function findHeader(grid: Grid, mapping: CardMapping = {}): number {
  let best = -1;
  let bestScore = 0;
  let seen = 0;
  for (let i = 0; i < grid.length && seen < 10; i++) {
    if (isEmptyRow(grid[i]!.cells)) continue;
    if (best < 0) best = i;
    seen++;
    const score = headerScore(grid[i]!.cells.map(cellText), mapping);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Reads a data file's bytes into validated card rows.
 * Throws BidForgeError (bad input) for a file that cannot be read, has no header, lacks a required column or whose
 * mapping names a missing column; returns per-row problems (errors and warnings) with the valid rows.
 */
export async function readCardRows(
  bytes: Uint8Array,
  fileName: string,
  mapping: CardMapping = {},
): Promise<ReadCardsResult> {
  const { grid, ...meta } = await readCardGrid(bytes, fileName);
  return rowsFromGrid(grid, fileName, mapping, meta);
}

/** A data file's cells before any mapping (the app shows the headers so the user can map them). */
export async function readCardGrid(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ grid: Grid; encoding: string; sheet?: string }> {
  const kind = sniffKind(bytes, fileName);
  if (kind === 'xls') throw badCardFile('xls', { file: fileName });
  if (kind === 'xlsx') return { ...(await xlsxGrid(bytes, fileName)), encoding: 'xlsx' };
  const decoded = decodeText(bytes);
  return { grid: csvGrid(decoded.text, fileName), encoding: decoded.encoding };
}

export function rowsFromGrid(
  grid: Grid,
  file: string,
  mapping: CardMapping = {},
  meta: { encoding: string; sheet?: string } = { encoding: 'utf-8' },
): ReadCardsResult {
  const h = findHeader(grid, mapping);
  if (h < 0) throw badCardFile('empty', { file });
  const headerRow = grid[h]!;
  const headers = headerRow.cells.map(cellText);
  const map = mapColumns(headers, mapping, file);
  const missing = REQUIRED_FIELDS.filter((f) => map[f] === undefined);
  if (missing.length) {
    const problems: CardProblem[] = missing.map((f) => ({
      severity: 'error',
      code: 'card_missing_column',
      message: `找不到“${FIELD_LABELS[f]}”列（第 ${headerRow.rowNumber} 行表头：${headers.filter(Boolean).join('、') || '空'}）；请修改表头或指定列映射`,
      params: { label: FIELD_LABELS[f], row: headerRow.rowNumber, headers: headers.filter(Boolean).join(', ') },
      file,
      field: f,
      row: headerRow.rowNumber,
    }));
    throw new BidForgeError('card_missing_column', problems.map((p) => p.message).join('；'), problems);
  }
  const columns: CardMapping = {};
  for (const f of CARD_FIELDS) if (map[f] !== undefined) columns[f] = headers[map[f]!];
  const colName = (f: CardField) => (map[f] !== undefined ? headers[map[f]!] || FIELD_LABELS[f] : FIELD_LABELS[f]);

  const rows: CardRow[] = [];
  const problems: CardProblem[] = [];
  const serialRows = new Map<string, number>();
  let dataRows = 0;
  const err = (
    row: number,
    f: CardField,
    code: string,
    what: string,
    severity: CardProblem['severity'] = 'error',
    params: Record<string, string | number> = {},
  ) => {
    const column = colName(f);
    problems.push({
      severity,
      code,
      message: `第 ${row} 行，“${column}”列：${what}`,
      params: { row, column, ...params },
      file,
      field: f,
      row,
      column,
    });
  };

  for (const { rowNumber, cells } of grid.slice(h + 1)) {
    const raw = (f: CardField) => (map[f] === undefined ? undefined : cells[map[f]!]);
    const text = (f: CardField) => cellText(raw(f));
    // A row with no card field filled (blank, or only a remark or a total in another column) is not a card.
    if (CARD_FIELDS.every((f) => text(f) === '')) continue;
    dataRows++;
    let ok = true;
    const customer = text('customer');
    if (!customer) {
      err(rowNumber, 'customer', 'card_missing_customer', '缺少客户名称');
      ok = false;
    }
    const serial = text('serial');
    if (!serial) {
      err(rowNumber, 'serial', 'card_missing_serial', '缺少序列号');
      ok = false;
    } else {
      const key = serialKey(serial);
      const first = serialRows.get(key);
      if (first !== undefined) {
        err(rowNumber, 'serial', 'card_duplicate_serial', `序列号“${serial}”与第 ${first} 行重复`, 'error', {
          serial,
          first,
        });
        ok = false;
      } else serialRows.set(key, rowNumber);
    }
    const dateRaw = raw('date');
    const dateText = text('date');
    let date: string | null = null;
    if (!dateText) {
      err(rowNumber, 'date', 'card_missing_date', '缺少日期，无法计算保修期');
      ok = false;
    } else {
      date = parseCardDate(typeof dateRaw === 'string' ? dateText : (dateRaw ?? null));
      if (!date) {
        err(
          rowNumber,
          'date',
          'card_bad_date',
          `无法识别的日期“${dateText}”（请写作 2026-11-24、2026/11/24 或 2026年11月24日）`,
          'error',
          { text: dateText },
        );
        ok = false;
      }
    }
    for (const f of CARD_FIELDS) {
      const v = f === 'date' ? '' : text(f);
      if (v.length > MAX_LENGTH[f])
        err(rowNumber, f, 'card_long_value', `内容较长（${v.length} 字），打印时可能超出卡片上的格子`, 'warning', {
          length: v.length,
        });
    }
    if (!ok) continue;
    rows.push({
      row: rowNumber,
      customer,
      phone: text('phone'),
      address: text('address'),
      product: text('product'),
      model: text('model'),
      serial,
      date: date!,
      dealer: text('dealer'),
    });
  }
  const dateHeader = columns.date ?? '';
  return {
    rows,
    problems,
    columns,
    headers,
    headerRow: headerRow.rowNumber,
    dataRows,
    encoding: meta.encoding,
    ...(meta.sheet ? { sheet: meta.sheet } : {}),
    dateLabel: /安装|install/i.test(dateHeader) ? '安装日期' : '购买日期',
  };
}
