// Document blocks → pdfmake content nodes (plain JSON), laid out by the project's typesetting profile.
import type { Block, Run } from '../model/document.js';
import type { Typesetting } from '../model/typesetting.js';
import { FONT_LINE_EM } from './pdfMetrics.js';
import {
  columnAlign,
  columnWeights,
  isTotalRow,
  labelAndValue,
  signatureIndentEm,
  signatureRows,
  textEm,
  UNBREAKABLE,
} from './tableLayout.js';

export type PdfNode = Record<string, unknown>;

const inline = (runs: Run[]) => runs.map((r) => ({ text: r.text, bold: !!r.bold, italics: !!r.italic }));

/** Thin rules, as in the DOCX (pdfmake's default is 1 pt, heavy next to Word's ½ pt). */
export const TABLE_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * The height of table rows, estimated from their text (a little over rather than under: the rows must really fit
 * where the text before them asks room for them). `pad`: a row's padding and rule, in pt.
 */
function rowsHeight(rows: string[][], widths: number[], size: number, lineHeight: number, pad: number): number {
  const line = size * lineHeight * FONT_LINE_EM;
  const linesOf = (text: string, w: number) =>
    text.split('\n').reduce((a, l) => a + Math.max(1, Math.ceil((textEm(l) * size + size / 2) / Math.max(size, w))), 0);
  return rows.reduce((a, r) => a + pad + line * Math.max(1, ...r.map((c, i) => linesOf(c, widths[i] ?? size))), 0) + 2;
}

/** A signer's line in its cell: the label, then the value in a column of its own, so a wrapped name hangs under itself. */
function signatureCell(text: string, left: number, size: number): PdfNode {
  const { label, value } = labelAndValue(text);
  if (!value) return { text, style: 'signature', margin: [left, 0, 0, 0] };
  // The label's own width (pdfmake's 'auto' columns shrink inside a table cell and would wrap it).
  const label_ = { width: (textEm(label) + 0.3) * size, text: label, style: 'signature' };
  return { columns: [label_, { width: '*', text: value, style: 'signature' }], columnGap: 0, margin: [left, 0, 0, 0] };
}

/** A cell's text with its numbers, amounts, dates and phone numbers set noWrap: a line may end before or after one, never inside. */
function unbroken(text: string): string | PdfNode[] {
  const parts: PdfNode[] = [];
  let at = 0;
  for (const m of text.matchAll(UNBREAKABLE)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ text: m[0], noWrap: true });
    at = m.index + m[0].length;
  }
  if (!parts.length) return text;
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

export function blockToPdf(b: Block, t: Typesetting, textWidthPt: number): PdfNode {
  const indent = t.body.size * 2;
  switch (b.kind) {
    case 'heading':
      return {
        text: `${b.number}${b.text}`,
        style: `h${b.level}`,
        keep: 'whole',
        outline: true,
        headlineLevel: b.level,
        // The contents lists 一、 and （一） headings (and annexes), as the DOCX's TOC field does (levels 1–2).
        ...(b.level < 3 ? { listed: true } : {}),
        ...(b.annex ? { pageBreak: 'before' } : {}),
      };
    case 'paragraph':
      // A letter's addressee (致：采购人：) stands flush left; the body's paragraphs indent two characters.
      return { text: inline(b.runs), style: 'body', leadingIndent: b.role === 'addressee' ? 0 : indent, keep: 'lines' };
    case 'listItem': {
      // As in the DOCX list levels: the number in the first-line indent, wrapped lines at the (level's) margin.
      const gap = /[.•]$/.test(b.number) ? ' ' : '';
      return {
        text: [{ text: b.number + gap }, ...inline(b.runs)],
        style: 'body',
        leadingIndent: indent,
        margin: [indent * Math.max(0, b.depth - 1), 0, 0, 0],
        keep: 'lines',
      };
    }
    case 'table': {
      const weights = columnWeights(b, textWidthPt / t.table.size);
      const sum = weights.reduce((a, w) => a + w, 0);
      const align = columnAlign(b);
      const grey = '#f2f2f2';
      const widths = weights.map((w) => (textWidthPt * w) / sum - 8.5);
      return {
        // A sentence that introduces the table keeps its header and first row on its page.
        keepStart: rowsHeight([b.header, ...b.rows.slice(0, 1)], widths, t.table.size, 1.2, 4.5),
        table: {
          headerRows: 1,
          keepWithHeaderRows: 1,
          dontBreakRows: true,
          widths,
          body: [
            b.header.map((h) => ({ text: h, bold: true, alignment: 'center', fillColor: grey })),
            ...b.rows.map((r) => {
              const total = isTotalRow(r);
              return b.header.map((_, i) => ({
                text: unbroken(r[i] ?? ''),
                alignment: align[i] ?? 'left',
                ...(total ? { bold: true, fillColor: grey } : {}),
              }));
            }),
          ],
        },
        layout: TABLE_LAYOUT,
        style: 'table',
      };
    }
    case 'signature': {
      const line = t.body.size * 2 * FONT_LINE_EM; // the signature style's line
      if (b.parties.length === 1) {
        // One signer sits at the right, its longest line on one line.
        const lines = b.parties[0]!.lines;
        return {
          stack: lines.map((text) => ({ text, style: 'signature' })),
          margin: [signatureIndentEm(lines, textWidthPt / t.body.size) * t.body.size, 24, 0, 0],
          unbreakable: true,
          keepStart: lines.length * line,
        };
      }
      // 甲方 and 乙方 side by side as a borderless table: line i of each party shares a row, so when a long name
      // wraps, the lines after it stay level with the other party's.
      const rows = signatureRows(b.parties);
      const width = textWidthPt / b.parties.length - 8; // less the cells' padding
      return {
        // A long name wraps under itself, not under its label.
        table: {
          widths: b.parties.map(() => width),
          body: rows.map((r) => r.map((text, i) => signatureCell(text, i ? indent : 0, t.body.size))),
        },
        layout: 'noBorders',
        margin: [0, 24, 0, 0],
        unbreakable: true,
        keepStart:
          rowsHeight(
            rows,
            b.parties.map((_, i) => width - (i ? indent : 0)),
            t.body.size,
            2,
            4,
          ) + line, // + a line: hanging values wrap sooner
      };
    }
  }
}
