// Tables and the signature block in DOCX: repeated header rows, widths from content, amounts right, totals row.
import {
  AlignmentType,
  BorderStyle,
  FileChild,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IContext,
  type IXmlableObject,
} from 'docx';
import type { Block } from '../model/document.js';
import type { Typesetting } from '../model/typesetting.js';
import { cellRuns } from './docxRuns.js';
import {
  columnAlign,
  columnWeights,
  isTotalRow,
  labelAndValue,
  signatureIndentEm,
  signatureRows,
  textEm,
} from './tableLayout.js';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GREY = 'F2F2F2';

/**
 * A component made only when the body is written, and dropped as soon as it is written. Why: docx keeps every
 * component it is given for the whole export, beside the XML objects it builds from them and the text it builds from
 * those; a 1,500-row table is some 200,000 component objects (~30 MB), most of the live heap of a long document's
 * export. Made on the spot, one table's components live only while that table is written. The output is the same:
 * the same component is written, in the same place and order, with this one on docx's stack in its place (so what
 * docx looks up from the body's child, such as its section, finds it).
 */
class Deferred extends FileChild {
  constructor(
    rootKey: string,
    private readonly make: () => FileChild,
  ) {
    super(rootKey);
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const stack = context.stack as unknown[];
    stack.push(this);
    try {
      return this.make().prepForXml(context);
    } finally {
      stack.pop();
    }
  }
}

export function tableToDocx(
  b: Extract<Block, { kind: 'table' }>,
  t: Typesetting,
  width: number,
): (FileChild | Paragraph)[] {
  const weights = columnWeights(b, width / 20 / t.table.size);
  const sum = weights.reduce((a, w) => a + w, 0);
  const widths = weights.map((w) => Math.floor((width * w) / sum));
  const align = columnAlign(b);
  const borders = { top: line, bottom: line, left: line, right: line };
  const cell = (text: string, i: number, kind: 'header' | 'total' | 'body') =>
    new TableCell({
      borders,
      // No per-cell width or vertical alignment: the fixed layout's grid columns set the widths, and thousands of
      // extra cell properties in a long fee table cost export time (docx builds every element as an object).
      ...(kind !== 'body' ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: GREY } } : {}),
      children: [
        new Paragraph({
          style: 'TableText',
          alignment: kind === 'header' ? AlignmentType.CENTER : ALIGN[align[i] ?? 'left'],
          children: cellRuns(text, kind !== 'body'),
        }),
      ],
    });
  return [
    new Deferred(
      'w:tbl',
      () =>
        new Table({
          width: { size: width, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          rows: [
            // The header row repeats at the top of every page the table runs onto; no row splits across pages.
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: b.header.map((h, i) => cell(h, i, 'header')),
            }),
            ...b.rows.map(
              (r) =>
                new TableRow({
                  cantSplit: true,
                  children: b.header.map((_, i) => cell(r[i] ?? '', i, isTotalRow(r) ? 'total' : 'body')),
                }),
            ),
          ],
        }),
    ),
    // Word needs a paragraph between two tables; it also gives the table air before the next text.
    new Paragraph({ style: 'TableText', children: [] }),
  ];
}

/** 投标人（盖章）/ 法定代表人或授权代表（签字）/ 日期: one signer at the right; 甲方 and 乙方 side by side. */
export function signatureToDocx(
  b: Extract<Block, { kind: 'signature' }>,
  t: Typesetting,
  width: number,
): (Table | Paragraph)[] {
  // keepNext on all but the last line holds a signer's block together on one page.
  const lines = (p: { lines: string[] }, style: string, indent = 0) =>
    p.lines.map(
      (text, i) =>
        new Paragraph({
          style,
          indent: { left: indent },
          keepNext: i < p.lines.length - 1,
          children: [new TextRun(text)],
        }),
    );
  const spacer = new Paragraph({ style: 'Signature', spacing: { before: 480 }, keepNext: true, children: [] });
  const em = t.body.size * 20;
  if (b.parties.length === 1) {
    const party = b.parties[0]!;
    const indent = signatureIndentEm(party.lines, width / em) * em;
    return [spacer, ...lines(party, 'Signature', indent)];
  }
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const col = Math.floor(width / b.parties.length);
  // A row per line (line i of each party side by side): when a long name wraps, the lines after it stay level.
  const rows = signatureRows(b.parties);
  // A long name wraps under itself, not under its label: the label hangs.
  const hanging = (text: string) => {
    const { label, value } = labelAndValue(text);
    const w = value ? Math.round(textEm(label) * em) : 0;
    return { left: w, hanging: w };
  };
  return [
    spacer,
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: b.parties.map(() => col),
      layout: TableLayoutType.FIXED,
      borders,
      rows: rows.map(
        (r, i) =>
          new TableRow({
            cantSplit: true,
            children: r.map(
              (text) =>
                new TableCell({
                  borders,
                  width: { size: col, type: WidthType.DXA },
                  children: [
                    new Paragraph({
                      style: 'SignatureLine',
                      keepNext: i < rows.length - 1,
                      indent: hanging(text),
                      children: [new TextRun(text)],
                    }),
                  ],
                }),
            ),
          }),
      ),
    }),
  ];
}
