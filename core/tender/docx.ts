// DOCX → paragraphs and tables with their place, through mammoth.
// Why mammoth's document tree (the `transformDocument` hook of convertToHtml) rather than its HTML or raw text:
// the tree keeps tables as rows and cells, paragraph style names (headings) and explicit page breaks, while
// extractRawText flattens tables into loose paragraphs and the HTML drops page breaks. The HTML is discarded.
// mammoth's tree keeps a list paragraph's level but not its number: Word's automatic numbers (3.7, 第一条) are written
// into the paragraphs first (docxLabels.ts), so they read as if typed.
import mammoth from 'mammoth';
import type { CellLoc, TextBlock, TenderText } from './model.js';
import { withNumberLabels, withoutNumbering } from './docxLabels.js';
import { TextBudget, tenderError } from './limits.js';

/** The parts of mammoth's document model (lib/documents.js) this reader walks. */
type Node = {
  type: string;
  children?: Node[];
  value?: string;
  breakType?: string;
  styleName?: string | null;
  styleId?: string | null;
};

class Walk {
  page = 1;
  paragraph = 0;
  tables = 0;
  readonly blocks: TextBlock[] = [];
  constructor(readonly budget: TextBudget) {}

  /** A paragraph's text; page breaks inside it move the page counter on. */
  text(node: Node): string {
    if (node.type === 'text') return node.value ?? '';
    if (node.type === 'tab') return '\t';
    if (node.type === 'break') {
      if (node.breakType === 'page') this.page++;
      return node.breakType === 'line' ? '\n' : '';
    }
    if (node.type === 'table') return this.cellsText(node);
    return (node.children ?? []).map((c) => this.text(c)).join('');
  }

  /** A table nested in a cell: its cells' text, one per line. */
  cellsText(table: Node): string {
    return (table.children ?? [])
      .flatMap((row) => (row.children ?? []).map((cell) => (cell.children ?? []).map((p) => this.text(p)).join('\n')))
      .join('\n');
  }

  block(node: Node): void {
    if (node.type === 'paragraph') {
      const page = this.page;
      const text = this.text(node).trim();
      // Word's contents entries (styles TOC 1…9) list the tender's own chapters: not chapters themselves.
      if (!text || /^toc\s*\d|^目录\s*\d/i.test(node.styleName ?? '')) return;
      this.budget.take(text.length);
      this.paragraph++;
      const level = headingLevel(node);
      this.blocks.push({
        type: 'paragraph',
        text,
        loc: { page, ...(this.page > page ? { pageEnd: this.page } : {}), paragraph: this.paragraph },
        ...(level ? { heading: level } : {}),
      });
    } else if (node.type === 'table') {
      this.paragraph++;
      const table = ++this.tables;
      const loc = { page: this.page, paragraph: this.paragraph };
      const rows = (node.children ?? []).map((row, r) =>
        (row.children ?? []).map((cell, c) => {
          const cellPage = this.page;
          const text = (cell.children ?? [])
            .map((p) => this.text(p).trim())
            .filter(Boolean)
            .join('\n');
          this.budget.take(text.length);
          const where: CellLoc = { page: cellPage, paragraph: loc.paragraph, table, row: r + 1, column: c + 1 };
          return { text, loc: where };
        }),
      );
      this.blocks.push({ type: 'table', loc, table, rows });
    } else for (const c of node.children ?? []) this.block(c);
  }
}

/** Word's built-in heading styles (Heading 1, 标题 1) and the outline titles a tender uses. */
function headingLevel(p: Node): number | undefined {
  const name = `${p.styleName ?? ''} ${p.styleId ?? ''}`;
  const m = /(?:heading|标题)\s*(\d)/i.exec(name);
  if (m) return Number(m[1]);
  return /^\s*title\b/i.test(name) ? 1 : undefined;
}

/** The paragraphs and tables mammoth reads from these bytes. */
async function walkDocx(bytes: Uint8Array, fileName: string): Promise<Walk> {
  const walk = new Walk(new TextBudget(fileName));
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      // Images are never read: the default would inline each as base64 into HTML nobody uses.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      transformDocument: (doc: Node) => {
        walk.block(doc);
        return doc;
      },
    },
  );
  return walk;
}

export async function readDocx(bytes: Uint8Array, fileName: string): Promise<TenderText> {
  let walk: Walk;
  try {
    walk = await walkDocx((await withNumberLabels(bytes)) ?? bytes, fileName);
  } catch (e) {
    if (e instanceof Error && e.name === 'ApiError') throw e;
    // mammoth refuses a numbering part it cannot parse: the text is read without the numbering.
    const plain = await withoutNumbering(bytes);
    const retried = plain && (await walkDocx(plain, fileName).catch((again) => again as unknown));
    if (retried instanceof Walk) walk = retried;
    else {
      if (retried instanceof Error && retried.name === 'ApiError') throw retried;
      throw tenderError(
        'tender_unreadable',
        `无法读取 ${fileName}：它不是有效的 DOCX 文件（${e instanceof Error ? e.message : String(e)}）`,
        { fileName, kind: 'DOCX' },
      );
    }
  }
  return { format: 'docx', pages: walk.page, pageBasis: 'breaks', paragraphBasis: 'document', blocks: walk.blocks };
}
