// A bar of buttons whose labels may not fit (English labels are wider; a 1366-pixel laptop): when the bar's content
// runs past its edge, or a part of it marked data-fits runs past its own (编制's project name and tags, which would
// slide under the buttons), the secondary buttons show their icons only (their labels stay their accessible names and
// tooltips), and the labels come back once the bar is as wide as they needed.
import { type DependencyList, type RefObject, useLayoutEffect, useRef, useState } from 'react';

/** How far the bar's content, or a data-fits part's, runs past its edge (0: it fits). */
function overflowOf(bar: HTMLElement): number {
  const parts = [bar, ...bar.querySelectorAll<HTMLElement>('[data-fits]')];
  return Math.max(...parts.map((x) => x.scrollWidth - x.clientWidth));
}

export function useFitsLabels(bar: RefObject<HTMLElement | null>, labelsChange: DependencyList): boolean {
  const [fits, setFits] = useState(true);
  // The bar's width with every label shown, as measured while they were.
  const needed = useRef(0);
  // Other labels (another language): measured afresh, before the browser paints.
  useLayoutEffect(() => setFits(true), labelsChange);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const measure = () => {
      if (fits) {
        const over = overflowOf(el);
        if (over > 1) {
          needed.current = el.clientWidth + over;
          setFits(false);
        }
      } else if (el.clientWidth >= needed.current) setFits(true);
    };
    measure();
    // The bar's own size, and its items' (a name filled in, a count, a font arriving change the content's width).
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const item of el.children) observer.observe(item);
    return () => observer.disconnect();
  }, [bar, fits]);
  return fits;
}
