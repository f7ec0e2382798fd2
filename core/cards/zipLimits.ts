// An XLSX is a zip: before exceljs inflates it, the sizes its central directory declares are checked, then each entry
// is inflated with a cap at its declared size (so a lying header stops at once) and the worksheets' cells counted.
// A 0.5 MB decompression bomb used to keep the host busy for a minute at 3.5 GB; now it is refused before any inflating.
import { inflateRawSync } from 'node:zlib';
import { BidForgeError } from '../model/problem.js';
import { badCardFile } from './cardsText.js';

export const XLSX_LIMITS = {
  /** Everything the workbook would inflate to. A 20,000-row card list is ~15 MB of XML. */
  totalBytes: 48 * 1024 * 1024,
  entries: 2000,
  /** Cells in all worksheets (<c> elements): 50,000 rows of 10 columns. */
  cells: 500_000,
};

type Entry = { name: string; method: number; compressed: number; size: number; offset: number };

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function tooBig(file: string, what: string, params: Record<string, string | number>): BidForgeError {
  // The problem says all the error does: errorText words an error from its problems, in Chinese too.
  const message = `${file}：${what}，已拒绝读取（可能是“压缩炸弹”文件）；请在 Excel 中删去多余的工作表或另存为 CSV`;
  return new BidForgeError('card_file_too_big', message, [
    { severity: 'error', code: 'card_file_too_big', message, params: { file, ...params } },
  ]);
}

/** The central directory's entries: names and declared sizes, read without inflating anything. */
export function zipEntries(bytes: Uint8Array, file: string): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw badCardFile('not_zip', { file });
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff)
    throw tooBig(file, '文件使用 ZIP64 格式（超过 4 GB 的内容）', { stage: 'declared' });
  if (count > XLSX_LIMITS.entries)
    throw tooBig(file, `压缩包内有 ${count} 个文件（上限 ${XLSX_LIMITS.entries}）`, {
      stage: 'declared',
      entries: count,
    });
  const entries: Entry[] = [];
  const dec = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw badCardFile('zip_damaged', { file });
    const nameLen = view.getUint16(p + 28, true);
    const size = view.getUint32(p + 24, true);
    const compressed = view.getUint32(p + 20, true);
    if (size === 0xffffffff || compressed === 0xffffffff)
      throw tooBig(file, '文件使用 ZIP64 格式（超过 4 GB 的内容）', { stage: 'declared' });
    entries.push({
      name: dec.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: view.getUint16(p + 10, true),
      compressed,
      size,
      offset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

/** `<c` followed by a space, `>` or `/`: one cell element of a worksheet's XML. */
function countCells(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('<c'); i >= 0; i = xml.indexOf('<c', i + 2)) {
    const next = xml[i + 2];
    if (next === 0x20 || next === 0x3e || next === 0x2f) n++;
  }
  return n;
}

/**
 * Throws a BidForgeError (card_file_too_big, a Chinese message naming the sizes) when the workbook would inflate to
 * more than XLSX_LIMITS allow. The declared sizes are checked first, with no inflating at all; then each entry is
 * inflated with its declared size as the most it may produce, so an entry that lies about its size is stopped there.
 */
export function checkXlsxLimits(bytes: Uint8Array, file: string): void {
  const entries = zipEntries(bytes, file);
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > XLSX_LIMITS.totalBytes)
    throw tooBig(file, `解压后有 ${MB(declared)}（上限 ${MB(XLSX_LIMITS.totalBytes)}）`, {
      stage: 'declared',
      bytes: declared,
      max: XLSX_LIMITS.totalBytes,
    });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let cells = 0;
  for (const e of entries) {
    if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== 0x04034b50)
      throw badCardFile('entry_misplaced', { file, entry: e.name });
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    const data = bytes.subarray(start, start + e.compressed);
    let out: Buffer;
    if (e.method === 0) out = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    else if (e.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          throw tooBig(file, `“${e.name}”解压后超过它声明的 ${MB(e.size)}`, { stage: 'inflate', entry: e.name });
        throw badCardFile('entry_inflate', { file, entry: e.name });
      }
    } else continue; // exceljs refuses methods it does not know
    if (out.length !== e.size)
      throw tooBig(file, `“${e.name}”解压后的大小与声明不符`, { stage: 'inflate', entry: e.name });
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) cells += countCells(out);
    if (cells > XLSX_LIMITS.cells)
      throw tooBig(file, `工作表中有超过 ${XLSX_LIMITS.cells.toLocaleString('en-US')} 个单元格`, {
        stage: 'cells',
        max: XLSX_LIMITS.cells,
      });
  }
}
