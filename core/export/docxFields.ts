// The DOCX's fields written with their results: the 目录 entries with their page numbers and the footer's page count
// (SECTIONPAGES: the body's pages, not the cover's), from the PDF's own pagination. LibreOffice and WPS show a
// field's stored result until it is updated, so without them the footer read 「第 1 页 共 页」 and the 目录 stood
// empty. Word can still update them (Update Field, or on open).
//
// docx writes these results when the document is given `pageNumbers`, an estimator it calls with the formatted body:
// we find the headings' bookmarks there, in order, and give each the body page the PDF put that heading on.
import type { IContext, IXmlableObject, PageNumberEstimator } from 'docx';
import type { Document, DocumentPackage } from '../model/document.js';
import type { Pagination } from './pdfPageLabels.js';

type Xml = IXmlableObject | IXmlableObject[] | string | number | boolean | undefined;
type Heading = { bookmark: string; text: string };

/** The paragraph styles a 目录 lists: a bid package's part titles, and the 一、 and （一） headings. */
const LISTED_STYLES = new Set(['PartTitle', 'Heading1', 'Heading2']);

/**
 * The part title, Heading 1 and Heading 2 paragraphs of the formatted body that carry a bookmark, in order, with their text.
 * Headings stand at the top level of the body, so tables (thousands of cell paragraphs) are not searched.
 */
export function bookmarkedHeadings(body: Xml): Heading[] {
  const out: Heading[] = [];
  const top = (node: Xml): Xml[] => {
    if (Array.isArray(node)) return node;
    const inner = node && typeof node === 'object' ? (node as Record<string, Xml>)['w:body'] : undefined;
    return inner === undefined ? [] : Array.isArray(inner) ? inner : [inner];
  };
  for (const child of top(body)) {
    const p =
      child && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, Xml>)['w:p'] : undefined;
    if (p === undefined) continue;
    const style = find(p, 'w:pStyle')?.['w:val'];
    // The bookmark looked for in headings only: searching every body paragraph's runs for one it lacks was most of
    // this function's time.
    if (typeof style !== 'string' || !LISTED_STYLES.has(style)) continue;
    const mark = find(p, 'w:bookmarkStart')?.['w:name'];
    if (typeof mark === 'string') out.push({ bookmark: mark, text: texts(p) });
  }
  return out;
}

/** The attributes of the first `name` element under a node. */
function find(node: Xml, name: string): Record<string, unknown> | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const hit = find(n, name);
      if (hit) return hit;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  for (const key in node) {
    const value = (node as Record<string, unknown>)[key];
    if (key === name)
      return ((value as { _attr?: Record<string, unknown> } | undefined)?._attr ?? {}) as Record<string, unknown>;
    const hit = find(value as Xml, name);
    if (hit) return hit;
  }
  return undefined;
}

/** The text of a paragraph's w:t elements. */
function texts(node: Xml): string {
  if (Array.isArray(node)) return node.map(texts).join('');
  if (typeof node === 'string') return node;
  if (!node || typeof node !== 'object') return '';
  return Object.entries(node)
    .filter(([key]) => key === 'w:t' || key.startsWith('w:r') || key === 'w:hyperlink')
    .map(([, value]) => texts(value as Xml))
    .join('');
}

/**
 * The number each 目录 entry starts with, in order ('' for none): a report's 一、 and （一） headings; a bid package's
 * part titles (no number) each followed by its part's 一、 chapters.
 */
export function contentsNumbers(doc: Document | DocumentPackage): string[] {
  const headings = (d: Document, levels: number) =>
    d.blocks.flatMap((b) => (b.kind === 'heading' && b.level <= levels ? [b.number] : []));
  return 'parts' in doc ? doc.parts.flatMap((p) => ['', ...headings(p, 1)]) : headings(doc, 2);
}

/**
 * The estimator for docx: page numbers from the PDF's pagination (`pages.entries` are the contents entries, in order;
 * `numbers` their list numbers, from contentsNumbers), the page count of each section (`sections.front`: the document
 * opens with a cover section; `sections.perPart`: a bid package numbered per part has a section per part), and the numbers of list-numbered
 * headings (一、（一）) so their entries start with them, as Word writes an entry.
 */
export function pageNumbersFrom(
  numbers: string[],
  pages: Pagination,
  sections: { front: boolean; perPart: boolean } = { front: true, perPart: false },
): PageNumberEstimator {
  const estimate = (body: IXmlableObject, _context: IContext) => {
    const marks = bookmarkedHeadings(body);
    const bookmarkPageNumbers = new Map(
      marks.flatMap((m, i) => (pages.entries[i] === undefined ? [] : [[m.bookmark, pages.entries[i]!] as const])),
    );
    const bodies = sections.perPart && pages.parts ? pages.parts : [pages.bodyPages];
    return {
      bookmarks: new Map([...bookmarkPageNumbers].map(([k, v]) => [k, String(v)])),
      bookmarkPageNumbers,
      pageCount: pages.frontPages + pages.bodyPages,
      sectionPageCounts: [...(sections.front ? [pages.frontPages] : []), ...bodies],
    };
  };
  const listNumbers = (body: IXmlableObject) =>
    new Map(
      bookmarkedHeadings(body).flatMap((m, i) => {
        const number = numbers[i];
        // A heading whose number Word's list writes: its text in the body is the heading's text without the number.
        if (!number || m.text.startsWith(number)) return [];
        return [[m.bookmark, { text: number, separator: 'nothing' as const, width: 0 }] as const];
      }),
    );
  return Object.assign(estimate, { listNumbers });
}
