// Runs a callback each time an element becomes visible: the shell keeps screens mounted and only hides them,
// so 首页 refreshes its recent list when the user comes back to it.
import { useEffect, useRef, type RefObject } from 'react';

export function useOnShown(ref: RefObject<HTMLElement | null>, onShown: () => void): void {
  const cb = useRef(onShown);
  cb.current = onShown;
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    let visible = true; // the first report (visible on mount) is skipped: the screen loads its data anyway
    const io = new IntersectionObserver(([e]) => {
      if (e?.isIntersecting && !visible) cb.current();
      visible = !!e?.isIntersecting;
    });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
}
