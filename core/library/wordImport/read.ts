// A Word file → paragraphs and tables, read by core/tender/docx.ts (mammoth's document tree) with bounds of its own:
// the file's size, the zip's unpacked size (read from its central directory before anything is unpacked, so a zip
// bomb is refused at once) and the text's length. Every refusal names the file. Old Word (.doc) and WPS (.wps) files
// are refused with what to do; the shells convert them first when LibreOffice is installed (convert.ts).
import { ApiError } from '../../api/envelope.js';
import { readDocx } from '../../tender/docx.js';
import type { TenderText } from '../../tender/model.js';
import { WORD_MAX_BYTES } from './model.js';

/**
 * Unpacked size of the zip's XML parts, which mammoth parses whole (about 0.5 s and 25 MB of heap per MB): a 300-page
 * contract has a few MB. Images and other parts are never unpacked, so they do not count.
 */
export const WORD_MAX_XML = 12 * 1024 * 1024;
const MAX_ENTRIES = 20_000;

export const wordError = (code: string, message: string, params: Record<string, unknown>) =>
  new ApiError(code, message, params);

/** What the file is by its first bytes (a renamed file is read for what it is), else by its name. */
export function wordFormatOf(bytes: Uint8Array, fileName: string): 'docx' | 'old' | 'unknown' {
  const head = Array.from(bytes.subarray(0, 8));
  // OLE2 compound file: Word 97–2003 .doc and WPS .wps
  if (head.join(',') === '208,207,17,224,161,177,26,225') return 'old';
  if (head[0] === 0x50 && head[1] === 0x4b) return 'docx';
  return /\.(doc|wps|wpt|dot)$/i.test(fileName) ? 'old' : 'unknown';
}

export const oldWordError = (fileName: string) =>
  wordError(
    'word_old_format',
    `${fileName} 是旧版 Word（.doc）或 WPS（.wps）文件，无法直接读取：请在 Word 或 WPS 中“另存为” DOCX 后再导入（安装 LibreOffice 后可自动转换）`,
    { fileName },
  );

const unreadable = (fileName: string, why: string) =>
  wordError('word_unreadable', `无法读取 ${fileName}：它不是有效的 DOCX 文件（${why}）`, { fileName, why });

/** The sum of the XML parts' unpacked sizes, from the zip's central directory; refuses what is too big or no zip. */
export function checkZip(bytes: Uint8Array, fileName: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw unreadable(fileName, '找不到 zip 目录');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (entries > MAX_ENTRIES) throw unreadable(fileName, `zip 内有 ${entries} 个部件`);
  let total = 0;
  for (let e = 0; e < entries; e++) {
    if (at + 46 > n || view.getUint32(at, true) !== 0x02014b50) throw unreadable(fileName, 'zip 目录损坏');
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (/\.(xml|rels)$/i.test(name)) total += size === 0xffffffff ? Infinity : size;
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (total > WORD_MAX_XML)
    throw wordError(
      'word_too_large',
      `${fileName} 的正文解压后超过 ${WORD_MAX_XML / 1024 / 1024} MB，无法一次导入；请拆分后分别导入`,
      { fileName, maxMb: WORD_MAX_XML / 1024 / 1024 },
    );
}

/** The file's paragraphs (with heading levels) and tables, in order. */
export async function readWord(bytes: Uint8Array, fileName: string): Promise<TenderText> {
  if (bytes.byteLength > WORD_MAX_BYTES)
    throw wordError(
      'word_too_large',
      `${fileName} 有 ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB，超过 ${WORD_MAX_BYTES / 1024 / 1024} MB 的上限；请删去图片等附件或拆分后再导入`,
      { fileName, maxMb: WORD_MAX_BYTES / 1024 / 1024 },
    );
  const format = wordFormatOf(bytes, fileName);
  if (format === 'old') throw oldWordError(fileName);
  if (format === 'unknown')
    throw wordError('word_not_docx', `${fileName} 不是 Word 文档（DOCX）；请以 DOCX 格式导入`, { fileName });
  checkZip(bytes, fileName);
  try {
    return await readDocx(bytes, fileName);
  } catch (e) {
    const code = e instanceof ApiError ? e.code : undefined;
    if (code === 'tender_too_much_text')
      throw wordError(
        'word_too_much_text',
        `${fileName} 的文字超过 ${e instanceof ApiError ? String(e.params.max) : ''} 字，无法一次导入；请拆分后分别导入`,
        {
          fileName,
          max: e instanceof ApiError ? e.params.max : 0,
        },
      );
    if (code === 'tender_unreadable' && e instanceof ApiError)
      throw unreadable(fileName, String(/（(.*)）$/.exec(e.message)?.[1] ?? e.message));
    throw e;
  }
}
