// Document → PDF bytes with pdfmake: a pure mapping to a document definition, then one call that packs bytes.
import { createRequire } from 'node:module';
import type { Document, DocumentPackage } from '../model/document.js';
import { pdfFonts, type Script } from './fontFamilies.js';
import { countCharacterSpacing } from './pdfGrid.js';
import { build, type PdfDefinition } from './pdfDocument.js';
import { installKeepRules } from './pdfKeepLayout.js';
import { speedUpPdfmake } from './pdfmakeSpeed.js';
import { LayoutDone, onRenderProgress, type Pagination } from './pdfPageLabels.js';

export { pdfDefinition, type PdfContent, type PdfDefinition } from './pdfDocument.js';

// pdfmake ships no types and is CommonJS: declare the little we use.
type PdfMake = {
  virtualfs: { storage?: Record<string, unknown>; writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  setProgressCallback(cb: (progress: number) => void): void;
  createPdf(def: PdfDefinition): { getStream(): Promise<PdfKitDocument> };
};
/** The PDFKit document pdfmake draws on: a stream of the PDF's bytes once ended. */
type PdfKitDocument = NodeJS.ReadableStream & { end(): void; _pdfMakePages?: unknown };

const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;
let configured = false;
/** Sets pdfmake up once per process, on the first export (the fonts are read then, not at start-up). */
export function configure(): PdfMake {
  if (!configured) {
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    pdfmake.setProgressCallback(onRenderProgress);
    installKeepRules();
    countCharacterSpacing();
    speedUpPdfmake();
    configured = true;
  }
  // Fonts go into pdfmake's in-memory file system, so it never needs to read a path or fetch a URL; 简体 unless
  // configureFor says otherwise (each call, so a 繁體 export leaves no TC fonts for the next caller).
  pdfmake.setFonts(pdfFonts('hans', pdfmake.virtualfs));
  return pdfmake;
}

/** pdfmake set up for a document in its script: Noto SC for 简体, Noto TC for 繁體 (fontFamilies.ts). */
export function configureFor(script: Script | undefined): PdfMake {
  const p = configure();
  p.setFonts(pdfFonts(script ?? 'hans', p.virtualfs));
  return p;
}

/** A Document's PDF, or a bid package's as one file (one cover, one 目录, each part from a new page, a bookmark per part). */
export async function exportPdf(doc: Document | DocumentPackage): Promise<Uint8Array> {
  return (await exportPdfWithPagination(doc)).bytes;
}

/** The PDF and where its layout put the body's pages and headings (for a DOCX of the same Document). */
export async function exportPdfWithPagination(
  doc: Document | DocumentPackage,
): Promise<{ bytes: Uint8Array; pagination: Pagination }> {
  const { definition, labels } = build(doc);
  const pdf = await configureFor(doc.meta.script).createPdf(definition).getStream();
  if (!labels.pagination) throw new Error('PDF layout gave no pagination');
  remember(doc, labels.pagination);
  // Drawn by now. pdfmake leaves every laid-out page on the document (one object per character of CJK text, tens
  // of MB for 100 pages) and nothing reads them again: let them go before the fonts are subset and the file is
  // written, the costliest part of the export for memory after the layout itself.
  delete pdf._pdfMakePages;
  // As pdfmake's getBuffer() collects the bytes.
  const buffer = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('readable', () => {
      let chunk: Buffer | null;
      while ((chunk = pdf.read() as Buffer | null) !== null) chunks.push(chunk);
    });
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
  return { bytes: new Uint8Array(buffer), pagination: labels.pagination };
}

/**
 * Where the PDF's layout puts the body's pages and headings, for the DOCX's page count and contents: from the last
 * PDF export of the same Document when there was one, else from a layout run that stops before drawing.
 */
export async function paginate(doc: Document | DocumentPackage): Promise<Pagination> {
  const known = paginations.get(JSON.stringify(doc));
  if (known) return known;
  const { definition, labels } = build(doc);
  labels.layoutOnly = true;
  try {
    await configureFor(doc.meta.script).createPdf(definition).getStream();
  } catch (e) {
    if (!(e instanceof LayoutDone)) throw e;
  }
  if (!labels.pagination) throw new Error('PDF layout gave no pagination');
  return remember(doc, labels.pagination);
}

/** The last few paginations by the Document's content (an export of both formats lays the PDF out once). */
const paginations = new Map<string, Pagination>();
function remember(doc: Document | DocumentPackage, p: Pagination): Pagination {
  paginations.set(JSON.stringify(doc), p);
  if (paginations.size > 4) paginations.delete(paginations.keys().next().value!);
  return p;
}
