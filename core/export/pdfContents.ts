// The PDF's contents page: one line per 一、 and （一） heading (and annex), dot leaders to a right-aligned page number,
// and pages filled so that no entry or two stand alone on a page of their own.
//
// pdfmake's own `toc` draws no leaders and breaks wherever its table runs out of room, so the contents are our own
// tables: each entry's number is a pageReference to the heading (relabelled to body pages by BodyPageLabels).
import { FONT_LINE_EM } from './pdfMetrics.js';
import type { PdfNode } from './pdfBlocks.js';
import { textEm } from './tableLayout.js';

export type ContentsEntry = { id: string; text: string; level: number };
export type ContentsMeasures = {
  /** Entry font size (pt) and the text width, the page's inner height and the title's height (pt). */
  size: number;
  width: number;
  pageHeight: number;
  titleHeight: number;
  /** The indent of a second-level entry (pt). */
  indent: number;
};

/** Room around each entry (pt): as much as the pages allow, between these. */
const GAP = { most: 4, least: 1.5 };
/** A last contents page holds at least this many entries. */
const MIN_LAST = 3;

/**
 * How many entries go on each contents page, and the room around each entry: all on one page when they fit with the
 * entries drawn a little closer; otherwise full pages, with the last one given at least MIN_LAST entries.
 */
export function contentsPages(count: number, m: ContentsMeasures): { pages: number[]; gap: number } {
  const line = m.size * FONT_LINE_EM;
  const linesThatFit = (room: number, gap: number) => Math.max(1, Math.floor(room / (line + 2 * gap)));
  if (count <= linesThatFit(m.pageHeight - m.titleHeight, GAP.least)) {
    const gap = Math.min(GAP.most, Math.max(GAP.least, ((m.pageHeight - m.titleHeight) / count - line) / 2 - 0.01));
    return { pages: [count], gap };
  }
  const first = linesThatFit(m.pageHeight - m.titleHeight, GAP.most);
  const rest = linesThatFit(m.pageHeight, GAP.most);
  const pages: number[] = [];
  let left = count;
  for (let cap = first; left > 0; cap = rest) {
    let take = Math.min(cap, left);
    if (left - take > 0 && left - take < MIN_LAST) take = left - MIN_LAST;
    pages.push(take);
    left -= take;
  }
  return { pages, gap: GAP.most };
}

/** The contents page(s) as pdfmake nodes, after the title. */
export function contentsNodes(entries: ContentsEntry[], m: ContentsMeasures, style: PdfNode): PdfNode[] {
  const { pages, gap } = contentsPages(entries.length, m);
  const numberWidth = m.size * 3; // room for pdfmake's placeholder '00000' while it lays out
  const space = m.size * 0.3;
  // A title's width from its characters (a full-width character is 1 em), a little over so it never wraps.
  const own = (e: ContentsEntry) => (textEm(e.text) + 0.6) * m.size + (e.level === 2 ? m.indent : 0);
  let from = 0;
  return pages.map((n, p) => {
    const chunk = entries.slice(from, (from += n));
    // One table per page, its title column as wide as the page's widest title needs; each leader starts where its
    // own title ends (reaching back into the title column) and stops short of the number (two digits and a space).
    const titleColumn = Math.min(m.width - numberWidth - m.size * 2, Math.max(...chunk.map(own)));
    const leaderColumn = m.width - titleColumn - numberWidth;
    const baseline = gap + m.size * 1.15; // below the entry's top room, the Noto fonts' ascent
    const row = (e: ContentsEntry) => [
      { ...style, text: e.text, margin: [e.level === 2 ? m.indent : 0, gap, 0, gap], linkToDestination: e.id },
      {
        canvas: [
          {
            type: 'line',
            x1: Math.min(own(e), titleColumn) - titleColumn + space,
            y1: baseline,
            x2: leaderColumn + numberWidth - m.size * 1.4,
            y2: baseline,
            lineWidth: 0.9,
            lineCap: 'round',
            dash: { length: 0.01, space: m.size * 0.3 },
          },
        ],
      },
      {
        ...style,
        text: '',
        pageReference: e.id,
        alignment: 'right',
        noWrap: true,
        margin: [0, gap, 0, gap],
        linkToDestination: e.id,
      },
    ];
    return {
      ...(p > 0 ? { pageBreak: 'before' } : {}),
      table: { dontBreakRows: true, widths: [titleColumn, leaderColumn, numberWidth], body: chunk.map(row) },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: () => 0,
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 0,
        paddingBottom: () => 0,
      },
    };
  });
}
