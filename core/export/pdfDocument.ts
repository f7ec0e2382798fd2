// The pdfmake document definition of a Document: cover, contents, body, running header and footer, styles.
import type { Document, DocumentPackage } from '../model/document.js';
import {
  gridCharSpacing,
  gridPitch,
  resolveTypesetting,
  type TextStyle,
  type Typesetting,
} from '../model/typesetting.js';
import { PDF_FACES } from './faces.js';
import { coverOf, logoOf, wantsContents, wantsCover, wording } from './labels.js';
import { blockToPdf, type PdfNode } from './pdfBlocks.js';
import { contentsNodes } from './pdfContents.js';
import { keepWithNext } from './pdfKeepNext.js';
import { A4, FONT_LINE_EM, MM } from './pdfMetrics.js';
import { BodyPageLabels } from './pdfPageLabels.js';
import { pdfInfo } from './metadata.js';

export type PdfContent = Record<string, unknown> | string | PdfContent[];
export type PdfDefinition = Record<string, unknown> & { content: PdfContent[] };

/** A profile's text style as pdfmake style properties, with the line height the profile asks for. */
function styleOf(s: TextStyle, t: Typesetting, lineHeight = 1.2, onGrid = false): PdfNode {
  const face = PDF_FACES[s.face];
  // Only the body and its headings sit on GB/T 9704's line grid; the cover and contents keep their own spacing.
  const pitch = onGrid ? gridPitch(t) : undefined;
  return {
    font: face.font,
    bold: face.bold || s.bold,
    fontSize: s.size,
    lineHeight: pitch ? pitch / (FONT_LINE_EM * s.size) : lineHeight,
  };
}

/** 正本 / 副本, boxed at the top right: on the cover, or atop page 1 of a letter, a form or a card (no cover). */
function copyMark(mark: string | undefined): PdfContent[] {
  if (!mark) return [];
  return [
    {
      columns: [
        { width: '*', text: '' },
        {
          width: 'auto',
          table: { body: [[{ text: mark, style: 'copyMark' }]] },
          layout: { hLineWidth: () => 1.5, vLineWidth: () => 1.5 },
        },
      ],
    },
  ];
}

function cover(doc: Document, t: Typesetting): PdfContent[] {
  const c = coverOf(doc, t.copyMark, (210 - t.margins.left - t.margins.right) / (25.4 / 72) / t.title.size - 1);
  const logo = logoOf(doc, 120, 60);
  return [
    ...copyMark(c.copyMark),
    ...(logo
      ? [
          {
            image: `data:image/${logo.type === 'png' ? 'png' : 'jpeg'};base64,${doc.meta.logo!.base64}`,
            width: logo.width,
            height: logo.height,
            alignment: 'center',
            margin: [0, 12, 0, 0],
          },
        ]
      : []),
    { text: c.title, style: 'title', margin: [0, logo ? 80 : 140, 0, 18] },
    { text: c.subtitle, style: 'subtitle' },
    ...c.details.map((d, i) => ({ text: d, style: 'coverInfo', margin: [0, i === 0 ? 180 : 0, 0, 10] })),
    { text: c.date, style: 'coverInfo', margin: [0, c.details.length ? 0 : 180, 0, 10] },
  ];
}

/** The contents entries after their title, in the entry style (the body face, at most 四号). */
function contents(items: PdfNode[], t: Typesetting, textWidth: number): PdfNode[] {
  const style = { ...styleOf({ ...t.body, size: Math.min(t.body.size, 14) }, t, 1), lineHeight: 1 };
  const entries = items.map((n) => ({
    id: String(n.id),
    text: String(n.text),
    level: Number(n.tocLevel ?? n.headlineLevel),
  }));
  const pageHeight = (297 - t.margins.top - t.margins.bottom) * MM;
  const titleHeight = t.h1.size * 1.2 * FONT_LINE_EM + 18;
  return contentsNodes(
    entries,
    { size: Math.min(t.body.size, 14), width: textWidth, pageHeight, titleHeight, indent: t.body.size * 2 },
    style,
  );
}

export function pdfDefinition(doc: Document | DocumentPackage): PdfDefinition {
  return build(doc).definition;
}

/** One part's nodes: its title (a letter's, a form's, or a part's of a bid package), then its blocks. */
type PartNodes = { nodes: PdfNode[]; listed: PdfNode[] };

/**
 * A document's body as pdfmake nodes. `k`: its place in a bid package (undefined alone). Bookmarks nest as the
 * headings do — each （一） under its 一、, and in a bid package each 一、 under its part's title — by pdfmake's
 * parent ids; the contents lists a lone report's 一、 and （一）, a package's part titles and their 一、 chapters.
 */
function partNodes(doc: Document, t: Typesetting, textWidth: number, k?: number): PartNodes {
  const body = doc.blocks.map((b) => blockToPdf(b, t, textWidth));
  keepWithNext(doc, body);
  const packaged = k !== undefined;
  const prefix = packaged ? `p${k}-` : '';
  const titled = packaged || !wantsCover(doc);
  const part = titled
    ? {
        text: doc.meta.projectName,
        style: 'docTitle',
        keep: 'whole',
        ...(packaged ? { outline: true, id: `p${k}`, headlineLevel: 1, tocLevel: 1 } : {}),
      }
    : undefined;
  // Each heading's bookmark under the nearest heading above it of a higher level, else under the part's title.
  const above: (string | undefined)[] = [part?.id as string | undefined];
  body.forEach((n, i) => {
    const level = Number(n.headlineLevel);
    if (!n.outline || !level) return;
    const parent = above.slice(0, level).reverse().find(Boolean);
    n.id = `${prefix}h-${i}`;
    if (parent) n.outlineParentId = parent;
    if (level === 1 && part) n.tocLevel = 2;
    above[level] = n.id as string;
    above.length = level + 1;
  });
  const listed = packaged
    ? [part!, ...body.filter((n) => n.headlineLevel === 1)]
    : wantsContents(doc)
      ? body.filter((n) => n.listed)
      : [];
  listed.forEach((n, i) => (n.id ??= `${prefix}c-${i}`));
  if (!part) return { nodes: body, listed };
  // The title stays with what follows it (non-enumerable: pdfmake walks and copies a node's own properties).
  if (body[0]) Object.defineProperty(part, 'keepNext', { value: body[0], enumerable: false, writable: true });
  return { nodes: [part, ...body], listed };
}

export function build(input: Document | DocumentPackage): { definition: PdfDefinition; labels: BodyPageLabels } {
  const pkg = 'parts' in input ? input : undefined;
  const doc: Document = pkg ? { meta: pkg.meta, blocks: [] } : (input as Document);
  const t = resolveTypesetting(doc.meta.typesetting);
  const m = t.margins;
  const textWidth = A4.width - (m.left + m.right) * MM;
  const parts = (pkg ? pkg.parts : [doc]).map((d, k) => partNodes(d, t, textWidth, pkg ? k : undefined));
  const front = pkg || wantsCover(doc) ? cover(doc, t) : [];
  // Without a cover, 正本 / 副本 goes atop the first page.
  if (!front.length && t.copyMark !== 'none') parts[0]!.nodes.unshift(...(copyMark(t.copyMark) as PdfNode[]));
  const tocItems = parts.flatMap((p) => p.listed);
  // Each part opens on a fresh page: after the cover (and the contents), and after the part before it.
  for (const p of parts) if (!p.nodes[0]) p.nodes.push({ text: ' ' });
  const starts = parts.map((p) => p.nodes[0]!);
  starts.forEach((n, k) => {
    if (k > 0 || front.length) n.pageBreak = 'before';
  });
  const body = parts.flatMap((p) => p.nodes);
  const labels = new BodyPageLabels(starts, tocItems, pkg?.pageNumbers === 'per-part');
  const w = wording(doc);
  // The seal placeholder: a small dashed box at the right of the header, as the DOCX draws it.
  const dashed = () => ({ dash: { length: 2 } });
  const sealBox = {
    width: 'auto',
    table: { body: [[{ text: w.seal, fontSize: 9, lineHeight: 1 }]] },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#808080',
      vLineColor: () => '#808080',
      hLineStyle: dashed,
      vLineStyle: dashed,
    },
  };
  const seal = t.sealEveryPage ? [{ width: '*', text: '' }, sealBox] : [];
  const definition = {
    pageSize: 'A4',
    pageMargins: [m.left * MM, m.top * MM, m.right * MM, m.bottom * MM],
    info: pdfInfo(doc.meta),
    ...(doc.meta.draft
      ? { watermark: { text: '草稿', color: '#999999', opacity: 0.15, bold: true, fontSize: 120 } }
      : {}),
    header: (page: number) => {
      if (page === 1) labels.settle();
      const margin = [m.left * MM, 12.5 * MM, m.right * MM, 0];
      if (labels.label(page) === undefined) return seal.length ? { columns: seal, margin } : '';
      return {
        margin,
        stack: [
          {
            columns: [
              { width: '*', text: '' },
              { width: 'auto', text: doc.meta.title, fontSize: 9 },
              { width: '*', columns: seal },
            ],
          },
          { canvas: [{ type: 'line', x1: 0, y1: 2, x2: textWidth, y2: 2, lineWidth: 0.5 }] },
        ],
      };
    },
    footer: (page: number, pages: number) => {
      const n = labels.label(page);
      if (n === undefined) return '';
      if (t.pageNumbers === 'outside')
        return {
          text: `— ${n} —`,
          font: 'NotoSerifSC',
          fontSize: 14,
          alignment: n % 2 ? 'right' : 'left',
          margin: [m.left * MM, 7 * MM, m.right * MM, 0],
        };
      return {
        text: `${w.page[0]}${n}${w.page[1]}${labels.bodyPages(pages, page)}${w.page[2]}`,
        alignment: 'center',
        fontSize: 9,
        margin: [0, 8 * MM, 0, 0],
      };
    },
    content: [
      ...front,
      ...(tocItems.length
        ? [{ text: w.contents, style: 'tocTitle', pageBreak: 'before' }, ...contents(tocItems, t, textWidth)]
        : []),
      ...body,
    ],
    defaultStyle: { ...styleOf(t.body, t, 1.2, true) },
    styles: {
      title: { ...styleOf(t.title, t, 1.3), alignment: 'center' },
      subtitle: { ...styleOf({ ...t.h1, size: 22 }, t, 1.3), alignment: 'center' },
      coverInfo: { ...styleOf({ ...t.body, size: 16 }, t, 1.3), alignment: 'center' },
      copyMark: { ...styleOf({ face: '黑体', size: 18, bold: true }, t, 1.1), margin: [6, 2, 6, 2] },
      tocTitle: { ...styleOf(t.h1, t), alignment: 'center', margin: [0, 0, 0, 18] },
      // A letter's, a form's or a card's title atop its first page (小二 at most), and a bid package part's.
      docTitle: {
        ...styleOf({ ...t.title, size: Math.min(t.title.size, 22) }, t, 1.3),
        alignment: 'center',
        margin: [0, 0, 0, 18],
      },
      h1: { ...styleOf(t.h1, t, 1.2, true), margin: [t.profile === 'gbt9704' ? t.body.size * 2 : 0, 14, 0, 8] },
      h2: { ...styleOf(t.h2, t, 1.2, true), margin: [t.profile === 'gbt9704' ? t.body.size * 2 : 0, 10, 0, 4] },
      h3: { ...styleOf(t.h3, t, 1.2, true), margin: [0, 4, 0, 2] },
      body: {
        ...styleOf(t.body, t, t.spacing.kind === 'multiple' ? t.spacing.multiple : 1.5, true),
        alignment: 'justify',
        characterSpacing: gridCharSpacing(t) ?? 0,
      },
      signature: { ...styleOf(t.body, t), lineHeight: 2 },
      table: { ...styleOf(t.table, t), lineHeight: 1.2, margin: [0, 4, 0, 10] },
    },
  };
  return { definition, labels };
}
