// Page labels for the PDF: the body counts from 1 after the cover and contents, in the footer and in the contents.
//
// pdfmake's table of contents prints each heading's absolute page number and has no option for another count, and
// the number of contents pages is only known after layout. pdfmake lays a pass out, then asks the header and footer
// functions for each page: at that moment the body's first node knows its page (node.positions, filled in by the
// layout), so the footers can count from it. The contents entries are relabelled later, when drawing starts (the
// first progress callback): relabelling during layout would mislead pdfmake's own page-break pass, which reads the
// same positions. Layout and drawing run in one synchronous stretch, so the pending labels belong to the document
// being drawn. This leans on pdfmake 0.3's `positions`; the tests compare the contents' numbers with the footers
// of the pages the headings land on, so a change in pdfmake shows up there.

type Position = { pageNumber: number } & Record<string, unknown>;
export type PositionedNode = Record<string, unknown> & { positions?: Position[] };

let pending: BodyPageLabels | undefined;

/**
 * Where the layout put things: pages before the body, body pages, and the body page of each contents entry (as the
 * page shows it: in a bid package numbered per part, the page within its part); `parts`: the pages of each part of a
 * bid package, in order.
 */
export type Pagination = { frontPages: number; bodyPages: number; entries: number[]; parts?: number[] };

/** Thrown when drawing begins on a layout-only run: the pagination is known, the drawing is not wanted. */
export class LayoutDone extends Error {
  constructor(readonly pagination: Pagination) {
    super('layout done');
  }
}

/** pdfmake's progress callback (set once, in configure()): drawing has begun, so relabel the contents now. */
export function onRenderProgress(): void {
  const labels = pending;
  pending = undefined;
  if (!labels) return;
  labels.pagination = labels.measure();
  labels.relabelContents();
  if (labels.layoutOnly) throw new LayoutDone(labels.pagination);
}

const firstPage = (node: PositionedNode | undefined) => node?.positions?.[0]?.pageNumber;

export class BodyPageLabels {
  /** The physical page each part starts on (the body's first page first). */
  private starts: number[] = [1];
  private total = 0;
  /** Stop when drawing begins (see LayoutDone). */
  layoutOnly = false;
  /** Known once drawing has begun. */
  pagination: Pagination | undefined;

  /**
   * `partStarts`: the node that opens each part of the body (one for a single document); `tocTargets`: the nodes the
   * contents lists; `perPart`: pages numbered from 1 in each part (a bid package's choice), else on through the body.
   */
  constructor(
    private readonly partStarts: PositionedNode[],
    private readonly tocTargets: PositionedNode[],
    private readonly perPart = false,
  ) {}

  /** Call when page 1's header is asked for, once per layout pass (pdfmake may lay out more than once). */
  settle(): void {
    this.starts = this.partStarts.map((n, i) => firstPage(n) ?? (i ? Number.POSITIVE_INFINITY : 1));
    pending = this;
  }

  private get offset(): number {
    return this.starts[0]! - 1;
  }

  /** The part a physical page belongs to. */
  private partOf(page: number): number {
    let k = 0;
    while (k + 1 < this.starts.length && this.starts[k + 1]! <= page) k++;
    return k;
  }

  relabelContents(): void {
    for (const node of this.tocTargets) {
      const first = node.positions?.[0];
      // A copy, not a mutation: the position object may be shared with pdfmake's line bookkeeping.
      if (first) node.positions![0] = { ...first, pageNumber: this.label(first.pageNumber) ?? first.pageNumber };
    }
  }

  /** The page number a physical page shows, or undefined on the cover and contents pages. */
  label(page: number): number | undefined {
    if (page <= this.offset) return undefined;
    return this.perPart ? page - this.starts[this.partOf(page)]! + 1 : page - this.offset;
  }

  /** How many pages the count in a page's footer says: the body's, or (numbered per part) its part's. */
  bodyPages(pages: number, page?: number): number {
    this.total = pages;
    if (!this.perPart || page === undefined) return pages - this.offset;
    const k = this.partOf(page);
    return Math.min(this.starts[k + 1] ?? pages + 1, pages + 1) - this.starts[k]!;
  }

  /** The pagination of the laid-out document (before the contents are relabelled). */
  measure(): Pagination {
    const parts = this.starts.map((s, k) => Math.min(this.starts[k + 1] ?? this.total + 1, this.total + 1) - s);
    return {
      frontPages: this.offset,
      bodyPages: this.total - this.offset,
      entries: this.tocTargets.map((n) => this.label(firstPage(n) ?? this.offset + 1) ?? 1),
      ...(this.starts.length > 1 ? { parts } : {}),
    };
  }
}
