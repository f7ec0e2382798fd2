// PDF text items → lines → paragraphs and tables, across pages. Pure: the items come from pdf.ts.
// A PDF knows glyph positions, not paragraphs, so paragraphs are inferred from what a reader sees: an item marker, a
// line that stops short of the margin, an indent, a gap, a change of size. A sentence that runs over a page break
// continues the paragraph of the previous page (page headers and page numbers in between are dropped).
import type { CellLoc, PageMark, TextBlock } from './model.js';
import { ITEM_START, TERMINAL_END } from './text.js';

export type PdfItem = { str: string; x: number; y: number; w: number; size: number };
type Segment = { x: number; end: number; text: string };
export type Line = { y: number; x: number; end: number; size: number; segments: Segment[]; text: string };

const LATIN = /[A-Za-z0-9]$/;

/** Groups a page's items into lines (top to bottom); items far apart on one line are separate table cells. */
export function linesOf(items: PdfItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - it.y) < Math.max(2, it.size * 0.4)) row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const segments: Segment[] = [];
    for (const it of row) {
      const last = segments[segments.length - 1];
      const gap = last ? it.x - last.end : Infinity;
      if (last && gap < it.size * 1.5) {
        last.text += (gap > it.size * 0.2 && LATIN.test(last.text) && /^[A-Za-z0-9]/.test(it.str) ? ' ' : '') + it.str;
        last.end = Math.max(last.end, it.x + it.w);
      } else segments.push({ x: it.x, end: it.x + it.w, text: it.str });
    }
    for (const s of segments) s.text = s.text.trim();
    const size = Math.max(...row.map((i) => i.size));
    return {
      y: row[0]!.y,
      x: segments[0]!.x,
      end: segments[segments.length - 1]!.end,
      size,
      segments,
      text: segments.map((s) => s.text).join('\t'),
    };
  });
}

const PAGE_NUMBER =
  /^(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–]|\d+\s*(?:\/\s*\d+)?|page\s*\d+(?:\s*of\s*\d+)?)$/i;
const shape = (s: string) => s.replace(/\d+/g, '#').replace(/\s+/g, '');

/** Drops page numbers and running headers/footers: lines that recur at the top or bottom of most pages. */
export function dropFurniture(pages: Line[][]): Line[][] {
  const edgeCount = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([lines[0], lines[lines.length - 1]].filter((l): l is Line => !!l).map((l) => shape(l.text)));
    for (const e of edges) edgeCount.set(e, (edgeCount.get(e) ?? 0) + 1);
  }
  const running = (l: Line) => pages.length >= 3 && (edgeCount.get(shape(l.text)) ?? 0) > pages.length / 2;
  return pages.map((lines) =>
    lines.filter(
      (l, i) =>
        !PAGE_NUMBER.test(l.text.replace(/\t/g, ' ').trim()) && !((i === 0 || i === lines.length - 1) && running(l)),
    ),
  );
}

type Para = Extract<TextBlock, { type: 'paragraph' }> & { last: Line; size: number; right: number };
type Table = Extract<TextBlock, { type: 'table' }> & { columns: number[]; last: Line };

/** Paragraphs and tables of every page, in reading order; `paragraph` counts blocks on the page where each starts. */
export function blocksOf(pages: Line[][]): TextBlock[] {
  const out: (Para | Table)[] = [];
  let tables = 0;
  pages.forEach((lines, p) => {
    const page = p + 1;
    let onPage = 0;
    const left = Math.min(...lines.filter((l) => l.segments.length === 1).map((l) => l.x));
    const right = Math.max(...lines.map((l) => l.end));
    lines.forEach((line, i) => {
      const prev: Para | Table | undefined = out[out.length - 1];
      const first = i === 0;
      if (line.segments.length > 1 || (prev?.type === 'table' && continuesTable(prev, line))) {
        if (prev?.type === 'table' && !startsTableAgain(prev, line)) {
          addRow(prev, line, page);
          return;
        }
        const table = ++tables;
        const t: Table = {
          type: 'table',
          table,
          loc: { page, paragraph: ++onPage },
          rows: [],
          columns: line.segments.map((s) => s.x),
          last: line,
        };
        addRow(t, line, page);
        out.push(t);
        return;
      }
      if (prev?.type === 'paragraph' && continues(prev, line, first, left)) {
        const at = prev.text.length;
        prev.text += joiner(prev.text, line.text) + line.text;
        if (first && page !== prev.loc.page) {
          prev.pages = [...(prev.pages ?? []), { at, page } satisfies PageMark];
          prev.loc = { ...prev.loc, pageEnd: page };
        }
        prev.last = line;
        prev.right = right;
        return;
      }
      out.push({
        type: 'paragraph',
        text: line.text,
        loc: { page, paragraph: ++onPage },
        last: line,
        size: line.size,
        right,
      });
    });
  });
  const level = headingLevels(out);
  return out.map((b) =>
    b.type === 'table'
      ? { type: 'table', table: b.table, loc: b.loc, rows: b.rows }
      : {
          type: 'paragraph',
          text: b.text,
          loc: b.loc,
          ...(b.pages ? { pages: b.pages } : {}),
          ...(level(b.size) ? { heading: level(b.size) } : {}),
        },
  );
}

/** Text larger than the body is a heading: the largest size level 1, the next level 2 … */
function headingLevels(blocks: (Para | Table)[]): (size: number) => number | undefined {
  const body = bodySize(blocks);
  const sizes = [
    ...new Set(
      blocks.flatMap((b) => (b.type === 'paragraph' && Math.round(b.size) > body + 1 ? [Math.round(b.size)] : [])),
    ),
  ].sort((a, b) => b - a);
  return (size) => {
    const i = sizes.indexOf(Math.round(size));
    return i < 0 ? undefined : i + 1;
  };
}

/** The most common paragraph size: the body text. */
function bodySize(blocks: (Para | Table)[]): number {
  const n = new Map<number, number>();
  for (const b of blocks)
    if (b.type === 'paragraph') n.set(Math.round(b.size), (n.get(Math.round(b.size)) ?? 0) + b.text.length);
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/** Whether a line carries on the paragraph before it (on this page, or from the previous page's last line). */
function continues(prev: Para, line: Line, firstOnPage: boolean, left: number): boolean {
  if (TERMINAL_END.test(prev.text) || ITEM_START.test(line.text) || Math.abs(line.size - prev.size) > 1) return false;
  // The previous line stopped short of its margin: its paragraph ended there, on this page or the last.
  if (prev.last.end < prev.right - line.size * 2) return false;
  if (firstOnPage) return true;
  const gap = prev.last.y - line.y;
  const indented = line.x > left + line.size * 1.5;
  return !indented && gap < line.size * 2.2;
}

const joiner = (a: string, b: string) => (/[A-Za-z0-9,.;:]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? ' ' : '');

/** A wrapped cell: a line of the table's columns whose first column is empty. */
function continuesTable(t: Table, line: Line): boolean {
  return line.x > t.columns[0]! + line.size && line.x >= t.columns[1]! - line.size;
}

/** A row with another number of columns, starting at the left, begins another table. */
function startsTableAgain(t: Table, line: Line): boolean {
  return line.segments.length > 1 && line.segments.length !== t.columns.length && line.x <= t.columns[0]! + line.size;
}

const columnOf = (t: Table, x: number, size: number) => {
  let c = 0;
  t.columns.forEach((cx, i) => {
    if (x >= cx - size) c = i;
  });
  return c;
};

function addRow(t: Table, line: Line, page: number): void {
  const wrapped = t.rows.length > 0 && line.x > t.columns[0]! + line.size;
  const row = wrapped
    ? t.rows[t.rows.length - 1]!
    : t.columns.map((_, c): { text: string; loc: CellLoc } => ({
        text: '',
        loc: { page, paragraph: t.loc.paragraph, table: t.table, row: t.rows.length + 1, column: c + 1 },
      }));
  for (const s of line.segments) {
    const cell = row[columnOf(t, s.x, line.size)]!;
    cell.text += (cell.text ? joiner(cell.text, s.text) : '') + s.text;
  }
  if (!wrapped) t.rows.push(row);
  t.last = line;
}
