// Document → DOCX bytes with the `docx` library: named Word styles, East Asian fonts, header, footer 第 X 页 共 Y 页.
import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  Footer,
  Header,
  Packer,
  PageNumber,
  Tab,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { formatDate } from '../format/zh.js';
import { partyLabel, type Block, type Document, type Run } from '../model/document.js';

export const labelled = (label: string, value: string) => (label ? `${label}：${value}` : value);

const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEI = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };
// Half-points: 小四 = 12 pt, 三号 = 16 pt, 小三 = 15 pt, 五号 = 10.5 pt, 二号 = 22 pt.
const SIZE = { body: 24, h1: 32, h2: 30, h3: 24, table: 21, title: 44 };
const MM = 56.7; // twips per millimetre

/** Runs with their line breaks as real Word breaks (a "\n" inside w:t would show as a space). */
function runs(rs: Run[], extra: IRunOptions = {}): TextRun[] {
  return rs.flatMap((r) => r.text.split('\n').map((text, i) => new TextRun({ text, bold: r.bold, italics: r.italic, ...(i > 0 ? { break: 1 } : {}), ...extra })));
}

function tableOf(b: Extract<Block, { kind: 'table' }>): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const align = (i: number) => (b.align[i] === 'right' ? AlignmentType.RIGHT : b.align[i] === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      borders,
      children: [new Paragraph({ style: 'TableText', alignment: header ? AlignmentType.CENTER : align(i), children: runs([{ text, bold: header }]) })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((r) => new TableRow({ children: b.header.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}

function blockToDocx(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ style: `Heading${b.level}`, pageBreakBefore: !!b.annex, children: [new TextRun(`${b.number}${b.text}`)] })];
    case 'paragraph':
      return [new Paragraph({ style: 'BodyText', children: runs(b.runs) })];
    case 'listItem':
      return [
        new Paragraph({
          style: 'BodyText',
          indent: { firstLine: 0, left: 480 * b.depth, hanging: 480 },
          // The tab after the number lands on the hanging indent, so wrapped lines align with the text.
          children: [new TextRun({ children: [b.number, new Tab()] }), ...runs(b.runs)],
        }),
      ];
    case 'table':
      return [tableOf(b), new Paragraph({ style: 'BodyText', children: [] })];
    case 'signature': {
      const lines = (p: { lines: string[] }, style: string) => p.lines.map((line) => new Paragraph({ style, children: [new TextRun(line)] }));
      const spacer = new Paragraph({ style: 'BodyText', spacing: { before: 480 }, children: [] });
      // One party signs on the right half of the page.
      if (b.parties.length === 1) return [spacer, ...lines(b.parties[0]!, 'Signature')];
      // 甲方 and 乙方 side by side: a borderless table, one column per party.
      const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
      const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
      return [
        spacer,
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders,
          rows: [new TableRow({ children: b.parties.map((p) => new TableCell({ borders, children: lines(p, 'SignatureLine') })) })],
        }),
      ];
    }
  }
}

export async function exportDocx(doc: Document): Promise<Uint8Array> {
  const cover = [
    new Paragraph({ style: 'Title', spacing: { before: 2400 }, children: [new TextRun(doc.meta.title)] }),
    new Paragraph({ style: 'Subtitle', children: [new TextRun(doc.meta.projectName)] }),
    ...(doc.meta.projectNo ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(`项目编号：${doc.meta.projectNo}`)] })] : []),
    ...(doc.meta.bidder ? [new Paragraph({ style: 'Subtitle', spacing: { before: 1200 }, children: [new TextRun(labelled(partyLabel(doc.meta.docType), doc.meta.bidder))] })] : []),
    new Paragraph({ style: 'Subtitle', children: [new TextRun(formatDate(doc.meta.date))], pageBreakBefore: false }),
  ];
  const body = doc.blocks.flatMap(blockToDocx);
  const file = new DocxDocument({
    title: doc.meta.title,
    subject: doc.meta.projectName,
    creator: doc.meta.bidder || 'BidForge',
    styles: {
      default: { document: { run: { font: SONG, size: SIZE.body } } },
      paragraphStyles: [
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', run: { font: HEI, size: SIZE.title, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 480 } } },
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { font: SONG, size: 32 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'BodyText', quickFormat: true, run: { font: HEI, size: SIZE.h1, bold: false }, paragraph: { spacing: { before: 360, after: 240 }, keepNext: true, outlineLevel: 0 } },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'BodyText', quickFormat: true, run: { font: HEI, size: SIZE.h2 }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 1 } },
        { id: 'Heading3', name: 'Heading 3', basedOn: 'Normal', next: 'BodyText', quickFormat: true, run: { font: HEI, size: SIZE.h3 }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true, outlineLevel: 2 } },
        { id: 'BodyText', name: 'Body Text', basedOn: 'Normal', quickFormat: true, run: { font: SONG, size: SIZE.body }, paragraph: { spacing: { line: 360 }, indent: { firstLine: 480 }, alignment: AlignmentType.JUSTIFIED } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { font: SONG, size: SIZE.table }, paragraph: { spacing: { line: 276 } } },
        { id: 'Signature', name: 'Signature', basedOn: 'Normal', run: { font: SONG, size: SIZE.body }, paragraph: { indent: { left: 4320 }, spacing: { line: 480 } } },
        { id: 'SignatureLine', name: 'Signature Line', basedOn: 'Normal', run: { font: SONG, size: SIZE.body }, paragraph: { spacing: { line: 480 } } },
      ],
    },
    sections: [
      { properties: { page: { margin: { top: 26 * MM, bottom: 22 * MM, left: 25 * MM, right: 25 * MM } } }, children: cover },
      {
        properties: { page: { margin: { top: 26 * MM, bottom: 22 * MM, left: 25 * MM, right: 25 * MM }, pageNumbers: { start: 1 } } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.meta.title, size: 18 })] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 18, children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES_IN_SECTION, ' 页'] })] })],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
