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

/** pdfmake's progress callback (set once, in configure()): drawing has begun, so relabel the contents now. */
export function onRenderProgress(): void {
  const labels = pending;
  pending = undefined;
  labels?.relabelContents();
}

export class BodyPageLabels {
  private offset = 0;

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
    return pages - this.offset;
  }
}
