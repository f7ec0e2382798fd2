// Pagination rules inside pdfmake's own layout pass: widow and orphan control, headings kept with what follows.
//
// pdfmake offers `pageBreakBefore`, but each page break it asks for lays the whole document out again (one full
// layout per orphan heading or widow: a dozen on a long plan), and it can only move a node whole, never break a
// paragraph one line earlier. So text nodes that carry `keep` (set by our mapper) are laid out here: their lines are
// built first (the width is the same on every page), planBreaks() decides where pages turn, and pdfmake's own
// processLeaf then places the lines, turning the page where the plan says. One layout pass, as without the rules.
// This leans on pdfmake 0.3's LayoutBuilder (processLeaf, buildNextLine, writer); the pagination scan in the tests
// reads every sample's pages, so a change in pdfmake shows up there.
import { createRequire } from 'node:module';
import { planBreaks } from './pdfKeep.js';

type Line = { getHeight(): number };
type Context = {
  y: number;
  availableHeight: number;
  availableWidth: number;
  pageMargins: { top: number; bottom: number };
  getCurrentPage(): { pageSize: { height: number } } | null;
};
type Writer = { transactionLevel: number; context(): Context; moveToNextPage(orientation?: unknown): void };
/** A laid-out node as pdfmake holds it after measuring, with what our mapper put on it. */
export type KeepNode = {
  _inlines?: Record<string, unknown>[];
  _margin?: [number, number, number, number] | null;
  /** 'lines': two-line widow/orphan control; 'whole': all lines on one page (a heading). */
  keep?: 'lines' | 'whole';
  /** Height (pt) the node needs at the top of a page before it may start there: a table's header and first row. */
  keepStart?: number;
  /** What must follow on the same page (non-enumerable: pdfmake walks and copies nodes). */
  keepNext?: KeepNode;
};
type Builder = {
  writer: Writer;
  processLeaf(node: KeepNode): void;
  buildNextLine(node: KeepNode): Line | null;
};

let installed = false;

/** Installs the rules on pdfmake's layout builder (once per process). */
export function installKeepRules(): void {
  if (installed) return;
  installed = true;
  const LB = (createRequire(import.meta.url)('pdfmake/js/LayoutBuilder.js') as { default: { prototype: Builder } })
    .default.prototype;
  const processLeaf = LB.processLeaf;
  const buildNextLine = LB.buildNextLine;
  LB.processLeaf = function (this: Builder, node: KeepNode) {
    // Inside an unbreakable block or a table cell pdfmake pages nothing itself: leave those alone.
    if (!node.keep || this.writer.transactionLevel > 0) return processLeaf.call(this, node);
    const lines: Line[] = [];
    for (let l = buildNextLine.call(this, node); l; l = buildNextLine.call(this, node)) lines.push(l);
    const ctx = this.writer.context();
    const page = ctx.getCurrentPage();
    const pageRoom = page ? page.pageSize.height - ctx.pageMargins.top - ctx.pageMargins.bottom : Infinity;
    const atTop = ctx.y <= ctx.pageMargins.top + 0.5;
    const tail = node.keepNext
      ? (node._margin?.[3] ?? 0) +
        startHeight(this, buildNextLine, node.keepNext, ctx.availableWidth + sideMargins(node), 0)
      : 0;
    const whole = node.keep === 'whole' ? lines.length : 2;
    const breaks = new Set(
      planBreaks(
        lines.map((l) => l.getHeight()),
        ctx.availableHeight,
        pageRoom,
        { minFirst: whole, minLast: whole, tail },
        atTop,
      ),
    );
    let i = 0;
    // pdfmake's processLeaf asks for each line in turn: hand it the built lines, turning the page where planned.
    this.buildNextLine = () => {
      if (i >= lines.length) return null;
      if (breaks.has(i)) this.writer.moveToNextPage();
      return lines[i++]!;
    };
    try {
      processLeaf.call(this, node);
    } finally {
      delete (this as Partial<Builder>).buildNextLine;
    }
  };
}

const sideMargins = (n: KeepNode) => (n._margin?.[0] ?? 0) + (n._margin?.[2] ?? 0);

/**
 * The height the next node needs on this page: a paragraph's first two lines (all of them when it has three or
 * fewer, as it cannot split then), a heading whole with what follows it, a table's header and first row.
 */
function startHeight(
  b: Builder,
  build: Builder['buildNextLine'],
  next: KeepNode,
  fullWidth: number,
  depth: number,
): number {
  const top = next._margin?.[1] ?? 0;
  if (!next._inlines) return top + (next.keepStart ?? 0);
  const heights = lineHeights(b, build, next, fullWidth - sideMargins(next));
  const whole = next.keep === 'whole' || heights.length <= 3;
  const own = heights.slice(0, whole ? heights.length : 2).reduce((a, h) => a + h, 0);
  // Taken whole, it brings along what it keeps with (a short sentence that introduces a table brings the table's
  // first row, so the heading before it is not left behind when the two move on).
  const after =
    whole && next.keepNext && depth < 3
      ? (next._margin?.[3] ?? 0) + startHeight(b, build, next.keepNext, fullWidth, depth + 1)
      : 0;
  return top + own + after;
}

/** The heights of a text node's first four lines at a width, built on copies (building consumes the inlines). */
function lineHeights(b: Builder, build: Builder['buildNextLine'], node: KeepNode, width: number): number[] {
  const ctx = b.writer.context();
  const saved = ctx.availableWidth;
  ctx.availableWidth = width;
  try {
    const copy: KeepNode = { _inlines: node._inlines!.map((inline) => ({ ...inline })) };
    const out: number[] = [];
    for (let l = build.call(b, copy); l && out.length < 4; l = build.call(b, copy)) out.push(l.getHeight());
    return out;
  } finally {
    ctx.availableWidth = saved;
  }
}
