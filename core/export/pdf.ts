// Document → PDF bytes with pdfmake: a pure mapping to a document definition, then one call that packs bytes.
import { createRequire } from 'node:module';
import { formatDate } from '../format/zh.js';
import { partyLabel, type Block, type Document, type Run } from '../model/document.js';
import { labelled } from './docx.js';
import { fontBytes } from './fonts.js';

// pdfmake ships no types and is CommonJS: declare the little we use.
type PdfMake = {
  virtualfs: { writeFileSync(name: string, data: Buffer): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(def: PdfDefinition): { getBuffer(): Promise<Buffer> };
};
export type PdfContent = Record<string, unknown> | string | PdfContent[];
export type PdfDefinition = Record<string, unknown> & { content: PdfContent[] };

const pdfmake = createRequire(import.meta.url)('pdfmake') as PdfMake;
let configured = false;
export function configure(): PdfMake {
  if (!configured) {
    // Fonts go into pdfmake's in-memory file system, so it never needs to read a path or fetch a URL.
    for (const name of ['serifRegular', 'serifBold', 'sansBold'] as const) pdfmake.virtualfs.writeFileSync(`${name}.ttf`, fontBytes(name));
    const serif = { normal: 'serifRegular.ttf', bold: 'serifBold.ttf', italics: 'serifRegular.ttf', bolditalics: 'serifBold.ttf' };
    const sans = { normal: 'sansBold.ttf', bold: 'sansBold.ttf', italics: 'sansBold.ttf', bolditalics: 'sansBold.ttf' };
    pdfmake.setFonts({ NotoSerifSC: serif, NotoSansSC: sans });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    configured = true;
  }
  return pdfmake;
}

const MM = 72 / 25.4;
// Points: 小四 12, 三号 16, 小三 15, 五号 10.5, 二号 22.
const SIZE = { body: 12, h1: 16, h2: 15, h3: 12, table: 10.5, title: 22 };

const inline = (runs: Run[]) => runs.map((r) => ({ text: r.text, bold: !!r.bold, italics: !!r.italic }));

function blockToPdf(b: Block): PdfContent {
  switch (b.kind) {
    case 'heading':
      return { text: `${b.number}${b.text}`, style: `h${b.level}`, outline: true, headlineLevel: b.level, ...(b.annex ? { pageBreak: 'before' } : {}) };
    case 'paragraph':
      return { text: inline(b.runs), style: 'body', leadingIndent: SIZE.body * 2 };
    case 'listItem':
      return {
        columns: [
          { text: b.number, width: SIZE.body * 2, style: 'body' },
          { text: inline(b.runs), width: '*', style: 'body' },
        ],
        columnGap: 0,
        margin: [SIZE.body * 2 * (b.depth - 1), 0, 0, 0],
      };
    case 'table':
      return {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: b.header.map(() => '*'),
          body: [
            b.header.map((h) => ({ text: h, bold: true, alignment: 'center', fillColor: '#eeeeee' })),
            ...b.rows.map((r) => b.header.map((_, i) => ({ text: r[i] ?? '', alignment: b.align[i] ?? 'left' }))),
          ],
        },
        style: 'table',
      };
    case 'signature': {
      // One party sits on the right; two or more (甲方/乙方) sit side by side.
      const party = (p: { lines: string[] }) => ({ stack: p.lines.map((line) => ({ text: line, style: 'body', margin: [0, 6, 0, 6] })) });
      return b.parties.length === 1
        ? { ...party(b.parties[0]!), margin: [SIZE.body * 16, 30, 0, 0], unbreakable: true }
        : { columns: b.parties.map(party), columnGap: SIZE.body * 2, margin: [0, 30, 0, 0], unbreakable: true };
    }
  }
}

export function pdfDefinition(doc: Document): PdfDefinition {
  const cover: PdfContent[] = [
    { text: doc.meta.title, style: 'title', margin: [0, 160, 0, 24] },
    { text: doc.meta.projectName, style: 'subtitle' },
    ...(doc.meta.projectNo ? [{ text: `项目编号：${doc.meta.projectNo}`, style: 'subtitle' }] : []),
    ...(doc.meta.bidder ? [{ text: labelled(partyLabel(doc.meta.docType), doc.meta.bidder), style: 'subtitle', margin: [0, 80, 0, 8] }] : []),
    { text: formatDate(doc.meta.date), style: 'subtitle', pageBreak: 'after' },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [25 * MM, 26 * MM, 25 * MM, 22 * MM],
    info: { title: doc.meta.title, author: doc.meta.bidder || 'BidForge', subject: doc.meta.projectName, creator: 'BidForge' },
    ...(doc.meta.draft ? { watermark: { text: '草稿', color: '#999999', opacity: 0.15, bold: true, fontSize: 120 } } : {}),
    header: (page: number) => (page === 1 ? '' : { text: doc.meta.title, alignment: 'center', fontSize: 9, margin: [0, 12 * MM, 0, 0] }),
    footer: (page: number, pages: number) =>
      page === 1 ? '' : { text: `第 ${page - 1} 页 共 ${pages - 1} 页`, alignment: 'center', fontSize: 9, margin: [0, 8 * MM, 0, 0] },
    content: [...cover, ...doc.blocks.map(blockToPdf)],
    // Keep a heading with what follows it: never leave one alone at the foot of a page.
    pageBreakBefore: (node: { headlineLevel?: number }, nodes: { getFollowingNodesOnPage(): unknown[]; getNodesOnNextPage(): unknown[] }) =>
      !!node.headlineLevel && nodes.getFollowingNodesOnPage().length === 0 && nodes.getNodesOnNextPage().length > 0,
    defaultStyle: { font: 'NotoSerifSC', fontSize: SIZE.body, lineHeight: 1.5 },
    styles: {
      title: { font: 'NotoSansSC', fontSize: SIZE.title, alignment: 'center' },
      subtitle: { fontSize: 16, alignment: 'center', margin: [0, 0, 0, 8] },
      h1: { font: 'NotoSansSC', fontSize: SIZE.h1, margin: [0, 12, 0, 6] },
      h2: { font: 'NotoSansSC', fontSize: SIZE.h2, margin: [0, 8, 0, 4] },
      h3: { font: 'NotoSansSC', fontSize: SIZE.h3, margin: [0, 4, 0, 2] },
      body: { alignment: 'justify' },
      table: { fontSize: SIZE.table, lineHeight: 1.2, margin: [0, 4, 0, 10] },
    },
  };
}

export async function exportPdf(doc: Document): Promise<Uint8Array> {
  const buffer = await configure().createPdf(pdfDefinition(doc)).getBuffer();
  return new Uint8Array(buffer);
}
