// Document blocks → pdfmake content nodes (plain JSON), laid out by the project's typesetting profile.
import type { Block, Run } from '../model/document.js';
import type { Typesetting } from '../model/typesetting.js';
import { columnAlign, columnWeights, isTotalRow, signatureIndentEm } from './tableLayout.js';

export type PdfNode = Record<string, unknown>;

const inline = (runs: Run[]) => runs.map((r) => ({ text: r.text, bold: !!r.bold, italics: !!r.italic }));

/** Thin rules, as in the DOCX (pdfmake's default is 1 pt, heavy next to Word's ½ pt). */
export const TABLE_LAYOUT = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

export function blockToPdf(b: Block, t: Typesetting, textWidthPt: number): PdfNode {
  const indent = t.body.size * 2;
  switch (b.kind) {
    case 'heading':
      return {
        text: `${b.number}${b.text}`,
        style: `h${b.level}`,
        outline: true,
        headlineLevel: b.level,
        // The contents lists 一、 and （一） headings (and annexes), as the DOCX's TOC field does (levels 1–2).
        ...(b.level < 3 ? { tocItem: true, tocStyle: `toc${b.level}`, tocMargin: [b.level === 2 ? indent : 0, 1, 0, 1] } : {}),
        ...(b.annex ? { pageBreak: 'before' } : {}),
      };
    case 'paragraph':
      return { text: inline(b.runs), style: 'body', leadingIndent: indent };
    case 'listItem': {
      // As in the DOCX list levels: the number in the first-line indent, wrapped lines at the (level's) margin.
      const gap = /[.•]$/.test(b.number) ? ' ' : '';
      return { text: [{ text: b.number + gap }, ...inline(b.runs)], style: 'body', leadingIndent: indent, margin: [indent * Math.max(0, b.depth - 1), 0, 0, 0] };
    }
    case 'table': {
      const weights = columnWeights(b, textWidthPt / t.table.size);
      const sum = weights.reduce((a, w) => a + w, 0);
      const align = columnAlign(b);
      const grey = '#f2f2f2';
      return {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: weights.map((w) => (textWidthPt * w) / sum - 8.5),
          body: [
            b.header.map((h) => ({ text: h, bold: true, alignment: 'center', fillColor: grey })),
            ...b.rows.map((r) => {
              const total = isTotalRow(r);
              return b.header.map((_, i) => ({ text: r[i] ?? '', alignment: align[i] ?? 'left', ...(total ? { bold: true, fillColor: grey } : {}) }));
            }),
          ],
        },
        layout: TABLE_LAYOUT,
        style: 'table',
      };
    }
    case 'signature': {
      // One signer sits at the right; two or more (甲方/乙方) sit side by side.
      const party = (p: { lines: string[] }) => ({ stack: p.lines.map((line) => ({ text: line, style: 'signature' })) });
      if (b.parties.length === 1) {
        const lines = b.parties[0]!.lines;
        return { ...party(b.parties[0]!), margin: [signatureIndentEm(lines, textWidthPt / t.body.size) * t.body.size, 24, 0, 0], unbreakable: true };
      }
      return { columns: b.parties.map(party), columnGap: indent, margin: [0, 24, 0, 0], unbreakable: true };
    }
  }
}
