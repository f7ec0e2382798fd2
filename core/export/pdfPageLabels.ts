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

/** Where the layout put things: pages before the body, body pages, and the body page of each contents entry. */
export type Pagination = { frontPages: number; bodyPages: number; entries: number[] };

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

export class BodyPageLabels {
  private offset = 0;
  private total = 0;
  /** Stop when drawing begins (see LayoutDone). */
  layoutOnly = false;
  /** Known once drawing has begun. */
  pagination: Pagination | undefined;

  /** `firstBodyNode`: the node that opens the body; `tocTargets`: the nodes the contents lists. */
  constructor(
    private readonly firstBodyNode: PositionedNode,
    private readonly tocTargets: PositionedNode[],
  ) {}

  /** Call when page 1's header is asked for, once per layout pass (pdfmake may lay out more than once). */
  settle(): void {
    this.offset = (this.firstBodyNode.positions?.[0]?.pageNumber ?? 1) - 1;
    pending = this;
  }

  relabelContents(): void {
    for (const node of this.tocTargets) {
      const first = node.positions?.[0];
      // A copy, not a mutation: the position object may be shared with pdfmake's line bookkeeping.
      if (first) node.positions![0] = { ...first, pageNumber: first.pageNumber - this.offset };
    }
  }

  /** The body page number of a physical page, or undefined on the cover and contents pages. */
  label(page: number): number | undefined {
    return page > this.offset ? page - this.offset : undefined;
  }

  /** How many body pages there are. */
  bodyPages(pages: number): number {
    this.total = pages;
    return pages - this.offset;
  }

  /** The pagination of the laid-out document (before the contents are relabelled). */
  measure(): Pagination {
    return {
      frontPages: this.offset,
      bodyPages: this.total - this.offset,
      entries: this.tocTargets.map((n) => (n.positions?.[0]?.pageNumber ?? this.offset + 1) - this.offset),
    };
  }
}
