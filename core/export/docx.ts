// Document → DOCX bytes with the `docx` library: named Word styles from the project's typesetting profile, real
// multi-level numbering, a table of contents, cover, header, footer and signature block.
import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  DocumentGridType,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  StyleLevel,
  Tab,
  TableOfContents,
  TabStopType,
  TextRun,
  type ISectionOptions,
} from 'docx';
import type { Block, Document, DocumentPackage } from '../model/document.js';
import { gridPitch, resolveTypesetting, type Typesetting } from '../model/typesetting.js';
import { copyMarkParagraphs, coverParagraphs } from './docxCover.js';
import { contentsNumbers, pageNumbersFrom } from './docxFields.js';
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
import { runOf, styles } from './docxStyles.js';
import { docxFont } from './faces.js';
import { docxLanguage } from './fontFamilies.js';
import { wantsContents, wantsCover, wording, type Wording } from './labels.js';
import { paginate } from './pdf.js';
import type { Pagination } from './pdfPageLabels.js';
import { docxProperties } from './metadata.js';

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
      // A letter's addressee (致：采购人：) stands flush left, above the indented body.
      return [
        new Paragraph({
          style: 'BodyText',
          ...keep,
          ...(b.role === 'addressee' ? { indent: { firstLine: 0 } } : {}),
          children: runs(b.runs),
        }),
      ];
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

/**
 * 第 X 页 共 Y 页 centred, or GB/T 9704's — X — on the outside edge (odd pages right, even pages left). `whole`: the
 * body is the whole document (a letter, a form, a card: no cover), so Y is NUMPAGES, which Word and LibreOffice count
 * from their own layout; else SECTIONPAGES (the body without the cover), whose result LibreOffice shows as written —
 * from our PDF's pagination, which Word and LibreOffice need not reproduce (they space CJK from Latin text).
 */
function footers(t: Typesetting, w: Wording, whole: boolean): NonNullable<ISectionOptions['footers']> {
  if (t.pageNumbers === 'centred') {
    return {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                size: 18,
                children: [
                  w.page[0],
                  PageNumber.CURRENT,
                  w.page[1],
                  whole ? PageNumber.TOTAL_PAGES : PageNumber.TOTAL_PAGES_IN_SECTION,
                  w.page[2],
                ],
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

/** A part's title paragraph (a letter's, a form's, a card's, or a bid package part's), or nothing (a lone report). */
function titleOf(doc: Document, packaged: boolean, first: boolean): Paragraph[] {
  if (!packaged && wantsCover(doc)) return [];
  return [
    new Paragraph({
      style: packaged ? 'PartTitle' : 'DocTitle',
      pageBreakBefore: packaged && !first,
      children: [new TextRun(doc.meta.projectName)],
    }),
  ];
}

/**
 * `pages`: the PDF's pagination of the same Document, when the caller has it (exportPdfWithPagination); without it
 * the PDF is laid out here (or its last export's pagination is reused).
 */
export async function exportDocx(doc: Document | DocumentPackage, pages?: Pagination): Promise<Uint8Array> {
  const pkg = 'parts' in doc ? doc : undefined;
  const head: Document = pkg ? { meta: pkg.meta, blocks: [] } : (doc as Document);
  const parts = pkg ? pkg.parts : [head];
  const t = resolveTypesetting(head.meta.typesetting);
  const w = wording(head);
  // Should the PDF layout fail, the DOCX is still written, its fields left for the reader to update.
  const known = pages ?? (await paginate(doc).catch(() => undefined));
  const lists = new ListPlacer();
  const front = !!pkg || wantsCover(head);
  const bodies = parts.map((part, k) => [
    // Without a cover, 正本 / 副本 goes atop the first page.
    ...(front || k > 0 ? [] : copyMarkParagraphs(t)),
    ...titleOf(part, !!pkg, k === 0),
    ...part.blocks.flatMap((b, i) => blockToDocx(b, lists, t, part.blocks[i + 1])),
  ]);
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
  // A report (and a bid package) opens with a cover and, when there is enough to list, the 目录; a letter, a form
  // and a card open with their title on page 1.
  const contents = pkg
    ? new TableOfContents(w.contents, {
        hyperlink: true,
        stylesWithLevels: [new StyleLevel('PartTitle', 1), new StyleLevel('Heading1', 2)],
      })
    : wantsContents(head)
      ? new TableOfContents(w.contents, { hyperlink: true, headingStyleRange: '1-2' })
      : undefined;
  // The body: one section (page numbers on through it), or one per part when a bid package numbers each from 1.
  const bodySection = (children: ISectionOptions['children']): ISectionOptions => ({
    properties: { page: { margin, pageNumbers: { start: 1 } }, ...grid },
    headers: { default: header(head, t, w), ...(t.pageNumbers === 'outside' ? { even: header(head, t, w) } : {}) },
    footers: footers(t, w, !front),
    children,
  });
  const perPart = pkg?.pageNumbers === 'per-part';
  const body = perPart ? bodies.map(bodySection) : [bodySection(bodies.flat())];
  const file = new DocxDocument({
    ...docxProperties(head.meta),
    // The contents and the page count are written filled in from the PDF's pagination, so every reader shows them
    // as they are; Word still offers to update them when the file opens.
    features: { updateFields: true },
    ...(known ? { pageNumbers: pageNumbersFrom(contentsNumbers(doc), known, { front, perPart }) } : {}),
    evenAndOddHeaderAndFooters: t.pageNumbers === 'outside',
    numbering: { config: numberingConfig(t.body.size * 2 * 20) },
    styles: {
      default: {
        document: {
          run: {
            ...runOf(t.body, { script: head.meta.script, profile: t.profile }),
            language: docxLanguage(head.meta.script),
          },
        },
      },
      paragraphStyles: styles(t, head.meta.script),
    },
    sections: [
      ...(front
        ? [
            {
              // The cover and the table of contents: no running header, no page number.
              properties: { page: { margin } },
              ...sealHeader,
              children: [
                ...coverParagraphs(head, t),
                ...(contents
                  ? [
                      new Paragraph({
                        style: 'TOCHeading',
                        pageBreakBefore: true,
                        children: [new TextRun(w.contents)],
                      }),
                      contents,
                    ]
                  : []),
              ],
            },
          ]
        : []),
      ...body,
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
