// PDF → paragraphs and tables with their page, through pdfjs-dist (getTextContent per page; no rendering, no OCR).
import type { TenderText } from './model.js';
import { MAX_PAGES, TextBudget, tenderError } from './limits.js';
import { blocksOf, dropFurniture, linesOf, type Line } from './pdfLines.js';

// The little of pdfjs this reader uses. The module is loaded only when a PDF is read (the CLI and the app start
// without it), by a name TypeScript does not follow, so pdfjs's browser-facing declarations stay out of the Node program.
type TextItem = { str: string; transform: number[]; width: number; height: number };
type PdfPage = { getTextContent(): Promise<{ items: (TextItem | { type: string })[] }>; cleanup(): void };
type PdfDoc = { numPages: number; getPage(n: number): Promise<PdfPage>; destroy(): Promise<void> };
type PdfJs = { getDocument(src: Record<string, unknown>): { promise: Promise<PdfDoc> } };
const PDFJS = 'pdfjs-dist/legacy/build/pdf.mjs';
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = () => (pdfjs ??= import(PDFJS) as Promise<PdfJs>);

/** Fewer characters than this per page on average means the pages are images: a scan. */
const SCANNED_CHARS_PER_PAGE = 20;

export async function readPdf(bytes: Uint8Array, fileName: string): Promise<TenderText> {
  const budget = new TextBudget(fileName);
  // pdfjs takes the buffer over; a copy keeps the caller's bytes intact. No eval, no fonts loaded: text only.
  const task = (await loadPdfJs()).getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PdfDoc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException')
      throw tenderError('tender_encrypted', `${fileName} 有打开密码，无法读取；请导出一份不加密的 PDF 再导入`, {
        fileName,
      });
    throw tenderError(
      'tender_unreadable',
      `无法读取 ${fileName}：它不是有效的 PDF 文件（${e instanceof Error ? e.message : String(e)}）`,
      { fileName, kind: 'PDF' },
    );
  }
  try {
    if (doc.numPages > MAX_PAGES)
      throw tenderError(
        'tender_too_many_pages',
        `${fileName} 有 ${doc.numPages} 页，超过 ${MAX_PAGES} 页的上限；请只导入招标文件正文`,
        { fileName, pages: doc.numPages, max: MAX_PAGES },
      );
    const pages: Line[][] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items
        .filter((i): i is TextItem => 'str' in i)
        .map((i) => ({
          str: i.str,
          x: i.transform[4]!,
          y: i.transform[5]!,
          w: i.width,
          size: Math.hypot(i.transform[2]!, i.transform[3]!) || i.height || 10,
        }));
      const text = items.reduce((s, i) => s + i.str.trim().length, 0);
      budget.take(text);
      chars += text;
      pages.push(linesOf(items));
      page.cleanup();
    }
    if (chars < SCANNED_CHARS_PER_PAGE * doc.numPages)
      throw tenderError(
        'tender_scanned',
        `${fileName} 几乎没有可读取的文字（${doc.numPages} 页共 ${chars} 字），可能是扫描件；本软件暂不识别图片中的文字，请向招标方索取文字版 PDF 或 DOCX`,
        { fileName, pages: doc.numPages, chars },
      );
    return {
      format: 'pdf',
      pages: doc.numPages,
      pageBasis: 'layout',
      paragraphBasis: 'page',
      blocks: blocksOf(dropFurniture(pages)),
    };
  } finally {
    await doc.destroy();
  }
}
