// Document → DOCX bytes with the `docx` library: named Word styles from the project's typesetting profile, real
// multi-level numbering, a table of contents, cover, header, footer and signature block.
import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  DocumentGridType,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TableOfContents,
  TabStopType,
  TextRun,
  type IParagraphStyleOptions,
  type ISectionOptions,
} from 'docx';
import type { Block, Document } from '../model/document.js';
import {
  gridCharSpacing,
  gridPitch,
  resolveTypesetting,
  type TextStyle,
  type Typesetting,
} from '../model/typesetting.js';
import { coverParagraphs } from './docxCover.js';
import { pageNumbersFrom } from './docxFields.js';
import { signatureToDocx, tableToDocx } from './docxTable.js';
import {
  BULLETS,
  HEADINGS,
  ListPlacer,
  MAX_LIST_LEVEL,
  numberingConfig,
  numberValue,
  ORDERED,
  type Placement,
} from './docxNumbering.js';
import { runs } from './docxRuns.js';
import { docxFont } from './faces.js';
import { wording, wantsContents, type Wording } from './labels.js';
import { paginate } from './pdf.js';
import type { Pagination } from './pdfPageLabels.js';

const MM = 1440 / 25.4; // twips per millimetre
const A4_WIDTH_MM = 210;

/** The text width of a page in twips. */
export const textWidthTwips = (t: Typesetting) => Math.round((A4_WIDTH_MM - t.margins.left - t.margins.right) * MM);

/** Paragraph numbering for a placement: the style's list, a list instance of its own, or none (number typed). */
function numberingOf(ref: typeof HEADINGS | typeof ORDERED | typeof BULLETS, level: number, p: Placement) {
  if (p.kind === 'style') return {};
  if (p.kind === 'typed') return { numbering: false as const };
  return { numbering: { reference: ref, level, instance: p.instance, custom: true } };
}

function blockToDocx(
  b: Block,
  lists: ListPlacer,
  t: Typesetting,
  next?: Block,
): ReturnType<typeof tableToDocx> | Paragraph[] {
  // The text before a signature block stays on its page (the block itself holds together with keepNext).
  const keep = next?.kind === 'signature' ? { keepNext: true } : {};
  switch (b.kind) {
    case 'heading': {
      // Annexes and level-3 headings carry no number: they leave the heading list, so they do not count in it.
      const numbered = b.level < 3 && !!b.number;
      const placement: Placement = numbered
        ? lists.place(HEADINGS, b.level - 1, numberValue(b.number))
        : { kind: 'typed' };
      const typed = placement.kind === 'typed' ? b.number : '';
      return [
        new Paragraph({
          style: `Heading${b.level}`,
          pageBreakBefore: !!b.annex,
          ...(b.level < 3 ? numberingOf(HEADINGS, b.level - 1, placement) : {}),
          children: [new TextRun(`${typed}${b.text}`)],
        }),
      ];
    }
    case 'paragraph':
      return [new Paragraph({ style: 'BodyText', ...keep, children: runs(b.runs) })];
    case 'listItem': {
      const bullet = numberValue(b.number) === undefined;
      const level = Math.min(Math.max(b.depth - 1, 0), MAX_LIST_LEVEL);
      const ref = bullet ? BULLETS : ORDERED;
      const placement = lists.place(ref, level, numberValue(b.number));
      const typed = placement.kind === 'typed' ? [new TextRun(b.number)] : [];
      return [
        new Paragraph({
          style: 'ListText',
          ...keep,
          ...numberingOf(ref, level, placement),
          children: [...typed, ...runs(b.runs)],
        }),
      ];
    }
    case 'table':
      return tableToDocx(b, t, textWidthTwips(t));
    case 'signature':
      return signatureToDocx(b, t, textWidthTwips(t));
  }
}

const half = (pt: number) => Math.round(pt * 2);

/** Run properties of a profile's text style. */
const runOf = (s: TextStyle) => ({ font: docxFont(s.face), size: half(s.size), bold: s.bold });

/** Body line spacing: a multiple of single spacing, or exactly the grid's pitch (GB/T 9704: 22 lines a page). */
function lineSpacing(t: Typesetting) {
  const pitch = gridPitch(t);
  return pitch
    ? { line: Math.round(pitch * 20), lineRule: LineRuleType.EXACT }
    : { line: Math.round(240 * (t.spacing.kind === 'multiple' ? t.spacing.multiple : 1)), lineRule: LineRuleType.AUTO };
}

/** On a grid, the character spacing (twips) that fits its characters a line. */
function bodySpacing(t: Typesetting) {
  const cs = gridCharSpacing(t);
  return cs === undefined ? {} : { characterSpacing: Math.round(cs * 20) };
}

function styles(t: Typesetting): IParagraphStyleOptions[] {
  const indent = t.body.size * 2 * 20; // two body characters, in twips
  const line = lineSpacing(t);
  // GB/T 9704 indents 一、 and （一） titles by two characters like the body; bid documents set them flush left.
  const headingIndent = t.profile === 'gbt9704' ? { indent: { firstLine: indent } } : {};
  const heading = (level: 1 | 2 | 3, s: TextStyle, before: number, after: number): IParagraphStyleOptions => ({
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'BodyText',
    quickFormat: true,
    run: runOf(s),
    paragraph: {
      spacing: { before, after, ...(gridPitch(t) ? line : {}) },
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
      ...headingIndent,
      // Linking Heading 1 and 2 to the heading list is what makes Word number (and renumber) them.
      ...(level < 3 ? { numbering: { reference: HEADINGS, level: level - 1 } } : {}),
    },
  });
  const small = { ...runOf(t.body), size: 32 };
  return [
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      run: { ...runOf(t.title), size: half(t.title.size) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360, line: 360, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      run: { ...runOf(t.h1), size: half(22) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
    },
    {
      id: 'CoverInfo',
      name: 'Cover Info',
      basedOn: 'Normal',
      run: small,
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } },
    },
    {
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { ...runOf(t.h1), size: half(t.h1.size) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } },
    },
    {
      id: 'TOC1',
      name: 'toc 1',
      basedOn: 'Normal',
      next: 'Normal',
      run: runOf({ ...t.body, size: Math.min(t.body.size, 14) }),
      paragraph: { spacing: { before: 60, after: 60 } },
    },
    {
      id: 'TOC2',
      name: 'toc 2',
      basedOn: 'Normal',
      next: 'Normal',
      run: runOf({ ...t.body, size: Math.min(t.body.size, 14) }),
      paragraph: { indent: { left: 480 }, spacing: { before: 30, after: 30 } },
    },
    heading(1, t.h1, 360, 240),
    heading(2, t.h2, 240, 120),
    heading(3, t.h3, 120, 60),
    {
      id: 'BodyText',
      name: 'Body Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { ...runOf(t.body), ...bodySpacing(t) },
      paragraph: { spacing: line, indent: { firstLine: indent }, alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: 'ListText',
      name: 'List Paragraph',
      basedOn: 'BodyText',
      run: { ...runOf(t.body), ...bodySpacing(t) },
      paragraph: { spacing: line, alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      run: runOf(t.table),
      paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO, before: 30, after: 30 } },
    },
    {
      id: 'Signature',
      name: 'Signature',
      basedOn: 'Normal',
      run: runOf(t.body),
      paragraph: { spacing: { line: 480, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'SignatureLine',
      name: 'Signature Line',
      basedOn: 'Signature',
      run: runOf(t.body),
      paragraph: { spacing: { line: 480, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'HeaderText',
      name: 'Header Text',
      basedOn: 'Normal',
      run: { ...runOf({ ...t.body, face: '宋体' }), size: 18 },
    },
  ];
}

/** The running header: the project title centred and, when every page must be stamped, a seal box at the right. */
function header(doc: Document, t: Typesetting, w: Wording): Header {
  const width = textWidthTwips(t);
  const seal = t.sealEveryPage
    ? [
        new TextRun({ children: [new Tab()] }),
        new TextRun({ text: w.seal, border: { style: BorderStyle.DASHED, size: 4, color: '808080' } }),
      ]
    : [];
  return new Header({
    children: [
      new Paragraph({
        style: 'HeaderText',
        tabStops: [
          { type: TabStopType.CENTER, position: Math.round(width / 2) },
          { type: TabStopType.RIGHT, position: width },
        ],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } },
        children: [new TextRun({ children: [new Tab(), doc.meta.title] }), ...seal],
      }),
    ],
  });
}

/** 第 X 页 共 Y 页 centred, or GB/T 9704's — X — on the outside edge (odd pages right, even pages left). */
function footers(t: Typesetting, w: Wording): NonNullable<ISectionOptions['footers']> {
  if (t.pageNumbers === 'centred') {
    return {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                size: 18,
                children: [w.page[0], PageNumber.CURRENT, w.page[1], PageNumber.TOTAL_PAGES_IN_SECTION, w.page[2]],
              }),
            ],
          }),
        ],
      }),
    };
  }
  const dash = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Footer({
      children: [
        new Paragraph({
          alignment,
          children: [new TextRun({ size: 28, font: docxFont('宋体'), children: ['— ', PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });
  return { default: dash(AlignmentType.RIGHT), even: dash(AlignmentType.LEFT) };
}

/**
 * `pages`: the PDF's pagination of the same Document, when the caller has it (exportPdfWithPagination); without it
 * the PDF is laid out here (or its last export's pagination is reused).
 */
export async function exportDocx(doc: Document, pages?: Pagination): Promise<Uint8Array> {
  const t = resolveTypesetting(doc.meta.typesetting);
  const w = wording(doc);
  // Should the PDF layout fail, the DOCX is still written, its fields left for the reader to update.
  const known = pages ?? (await paginate(doc).catch(() => undefined));
  const lists = new ListPlacer();
  const body = doc.blocks.flatMap((b, i) => blockToDocx(b, lists, t, doc.blocks[i + 1]));
  const margin = {
    top: Math.round(t.margins.top * MM),
    bottom: Math.round(t.margins.bottom * MM),
    left: Math.round(t.margins.left * MM),
    right: Math.round(t.margins.right * MM),
  };
  const pitch = gridPitch(t);
  // GB/T 9704's 22 lines come from the body's exact line spacing (the grid's pitch) and its 28 characters from the
  // body's character spacing. The section records the pitch but does not snap to a grid: LibreOffice snaps table
  // lines and larger characters to whole grid cells too, which spreads titles out and doubles table rows.
  const grid = pitch ? { grid: { type: DocumentGridType.DEFAULT, linePitch: Math.round(pitch * 20) } } : {};
  const sealHeader = t.sealEveryPage ? { headers: { default: sealOnly(w) } } : {};
  const file = new DocxDocument({
    title: doc.meta.title,
    subject: doc.meta.projectName,
    creator: doc.meta.bidder || 'BidForge',
    description: `${doc.meta.projectName} ${doc.meta.projectNo}`.trim(),
    // The contents and the page count are written filled in from the PDF's pagination, so every reader shows them
    // as they are; Word still offers to update them when the file opens.
    features: { updateFields: true },
    ...(known ? { pageNumbers: pageNumbersFrom(doc, known) } : {}),
    evenAndOddHeaderAndFooters: t.pageNumbers === 'outside',
    numbering: { config: numberingConfig(t.body.size * 2 * 20) },
    styles: { default: { document: { run: runOf(t.body) } }, paragraphStyles: styles(t) },
    sections: [
      {
        // The cover and the table of contents: no running header, no page number.
        properties: { page: { margin } },
        ...sealHeader,
        children: [
          ...coverParagraphs(doc, t),
          ...(wantsContents(doc)
            ? [
                new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, children: [new TextRun(w.contents)] }),
                new TableOfContents(w.contents, { hyperlink: true, headingStyleRange: '1-2' }),
              ]
            : []),
        ],
      },
      {
        properties: { page: { margin, pageNumbers: { start: 1 } }, ...grid },
        headers: { default: header(doc, t, w), ...(t.pageNumbers === 'outside' ? { even: header(doc, t, w) } : {}) },
        footers: footers(t, w),
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

/** On the cover and contents pages, a seal box alone (they carry no running title). */
function sealOnly(w: Wording): Header {
  return new Header({
    children: [
      new Paragraph({
        style: 'HeaderText',
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ text: w.seal, border: { style: BorderStyle.DASHED, size: 4, color: '808080' } })],
      }),
    ],
  });
}
