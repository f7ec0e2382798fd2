// Bounds on reading a tender, so a huge or hostile file is refused with a message instead of freezing the app.
import { ApiError } from '../api/envelope.js';

/** Tenders run 50–300 pages; 1,000 leaves room for annexes. */
export const MAX_PAGES = 1000;
/** Characters of text kept from the whole file (a 300-page tender has about 300,000). */
export const MAX_CHARS = 3_000_000;
/** The file itself: the API carries it base64 in a JSON body the host accepts up to 25 MB. */
export const MAX_BYTES = 18 * 1024 * 1024;

export const tenderError = (code: string, message: string, params: Record<string, unknown> = {}) =>
  new ApiError(code, message, params);

export function checkSize(bytes: Uint8Array, fileName: string): void {
  if (bytes.byteLength > MAX_BYTES)
    throw tenderError(
      'tender_too_large',
      `招标文件 ${fileName} 有 ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_BYTES / 1024 / 1024} MB 的上限；请去掉图片附件后再导入`,
      { fileName, mb: (bytes.byteLength / 1024 / 1024).toFixed(1), maxMb: MAX_BYTES / 1024 / 1024 },
    );
}

/** Counts text as it is read and stops at the limit. */
export class TextBudget {
  private used = 0;
  constructor(private readonly fileName: string) {}
  take(n: number): void {
    this.used += n;
    if (this.used > MAX_CHARS)
      throw tenderError(
        'tender_too_much_text',
        `招标文件 ${this.fileName} 的文字超过 ${MAX_CHARS.toLocaleString('en')} 字，无法一次读取；请拆分后分别导入`,
        { fileName: this.fileName, max: MAX_CHARS },
      );
  }
}
