// A bar of buttons whose labels may not fit (English labels are wider; a 1366-pixel laptop): when the bar's content
// runs past its edge, the secondary buttons show their icons only (their labels stay their accessible names and
// tooltips), and the labels come back once the bar is wide enough for the width they needed.
import { type DependencyList, type RefObject, useLayoutEffect, useRef, useState } from 'react';

export function useFitsLabels(bar: RefObject<HTMLElement | null>, labelsChange: DependencyList): boolean {
  const [fits, setFits] = useState(true);
  // The content's width with every label shown, measured while they were.
  const needed = useRef(0);
  // Other labels (another language): measured afresh, before the browser paints.
  useLayoutEffect(() => setFits(true), labelsChange);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const measure = () => {
      if (fits) {
        if (el.scrollWidth > el.clientWidth + 1) {
          needed.current = el.scrollWidth;
          setFits(false);
        }
      } else if (el.clientWidth >= needed.current) setFits(true);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [bar, fits]);
  return fits;
}
