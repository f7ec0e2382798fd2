// The DOCX cover page: 正本/副本 mark, logo, title, document name, project number, bidder and date.
import { AlignmentType, BorderStyle, ImageRun, Paragraph, TextRun } from 'docx';
import type { Document } from '../model/document.js';
import { MM_PER_PT, type Typesetting } from '../model/typesetting.js';
import { runs } from './docxRuns.js';
import { docxFont } from './faces.js';
import { coverOf, logoOf } from './labels.js';

export function coverParagraphs(doc: Document, t: Typesetting): Paragraph[] {
  const c = coverOf(doc, t.copyMark, (210 - t.margins.left - t.margins.right) / MM_PER_PT / t.title.size - 1);
  const box = { style: BorderStyle.SINGLE, size: 12, color: '000000', space: 4 };
  const logo = logoOf(doc, 160, 80); // pixels at 96 dpi: at most about 42 × 21 mm
  return [
    // The copy mark sits boxed at the top right, where a tender committee looks for it.
    ...(c.copyMark
      ? [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: c.copyMark, font: docxFont('黑体'), size: 36, bold: true, border: box })],
          }),
        ]
      : []),
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
