// Where a paragraph's lines break across pages, as a typesetter decides it: no line left alone at the foot of a page
// (orphan) or at the head of the next (widow), and room after the last line for what must stay with it (the first
// lines after a heading, the table a sentence introduces, the signature after the closing words).

export type KeepRule = {
  /** Lines that must open the paragraph on one page (2; all of them for a heading). */
  minFirst: number;
  /** Lines that must close it on one page (2; all of them for a heading). */
  minLast: number;
  /** Height needed on the same page after the last line (0 when nothing is kept with it). */
  tail: number;
};

/**
 * Line indices before which a new page starts (0: the whole paragraph moves on), given each line's height, the room
 * left on the current page, a full page's room and whether the paragraph already stands at the top of a page (then
 * nothing is gained by moving it, and it stays).
 */
export function planBreaks(
  heights: number[],
  room: number,
  pageRoom: number,
  rule: KeepRule,
  atTop: boolean,
): number[] {
  const n = heights.length;
  const breaks: number[] = [];
  const fits = (from: number, space: number) => {
    let k = 0;
    for (let used = 0; from + k < n && used + heights[from + k]! <= space + 0.01; k++) used += heights[from + k]!;
    return k;
  };
  const height = (from: number, to: number) => heights.slice(from, to).reduce((a, h) => a + h, 0);
  let i = 0;
  let space = room;
  let top = atTop;
  while (i < n) {
    const left = n - i;
    let k = fits(i, space);
    if (k >= left) {
      // The rest fits; what follows must fit too, or the last lines go over with it.
      if (top || height(i, n) + rule.tail <= space + 0.01) break;
      k = Math.max(0, left - rule.minLast);
    } else if (left - k < rule.minLast) k = left - rule.minLast; // a widow: take lines along
    const opening = i === 0 ? Math.min(rule.minFirst, n) : 1;
    if (k < opening) {
      if (top)
        k = Math.max(1, fits(i, space)); // a page cannot hold it: break where it must
      else k = 0; // an orphan: start on the next page
    }
    if (k >= left) break;
    breaks.push(i + k);
    i += k;
    space = pageRoom;
    top = true;
  }
  return breaks;
}
