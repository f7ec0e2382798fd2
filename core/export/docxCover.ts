// The DOCX cover page: 正本/副本 mark, logo, title, document name, project number, bidder and date.
import { AlignmentType, BorderStyle, ImageRun, Paragraph, TextRun } from 'docx';
import type { Document } from '../model/document.js';
import { MM_PER_PT, type Typesetting } from '../model/typesetting.js';
import { runs } from './docxRuns.js';
import { docxFont } from './faces.js';
import { coverOf, logoOf } from './labels.js';

/**
 * The copy mark (正本 / 副本) boxed at the top right, where a tender committee looks for it: on the cover, or atop
 * page 1 of a letter, a form or a card, which have no cover.
 */
export function copyMarkParagraphs(t: Typesetting): Paragraph[] {
  if (t.copyMark === 'none') return [];
  const box = { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 };
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: t.copyMark, font: docxFont('黑体'), size: 36, bold: true, border: box })],
    }),
  ];
}

export function coverParagraphs(doc: Document, t: Typesetting): Paragraph[] {
  const c = coverOf(doc, t.copyMark, (210 - t.margins.left - t.margins.right) / MM_PER_PT / t.title.size - 1);
  const logo = logoOf(doc, 160, 80); // pixels at 96 dpi: at most about 42 × 21 mm
  return [
    ...copyMarkParagraphs(t),
    ...(logo
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240 },
            children: [
              new ImageRun({
                type: logo.type,
                data: logo.bytes,
                transformation: { width: logo.width, height: logo.height },
              }),
            ],
          }),
        ]
      : []),
    new Paragraph({ style: 'Title', spacing: { before: logo ? 1600 : 2800 }, children: runs([{ text: c.title }]) }),
    new Paragraph({ style: 'Subtitle', children: [new TextRun(c.subtitle)] }),
    ...c.details.map(
      (d, i) =>
        new Paragraph({ style: 'CoverInfo', spacing: i === 0 ? { before: 3600 } : {}, children: [new TextRun(d)] }),
    ),
    new Paragraph({
      style: 'CoverInfo',
      spacing: c.details.length ? {} : { before: 3600 },
      children: [new TextRun(c.date)],
    }),
  ];
}
