// Export progress for one API call that reports none: an estimate from the card count, finished when the call returns.
import { useCallback, useEffect, useRef, useState } from 'react';

/** Roughly what the bench measures per card on a 2-core machine, plus start-up (fonts, layout). */
const MS_PER_CARD = 8;
const START_MS = 600;

export function useExportProgress() {
  const [percent, setPercent] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  const stop = () => clearInterval(timer.current);
  useEffect(() => stop, []);

  const run = useCallback(async <T>(cards: number, job: () => Promise<T>): Promise<T> => {
    const expected = START_MS + cards * MS_PER_CARD;
    const started = Date.now();
    setPercent(0);
    stop();
    // Eases towards 95 % over the expected time and never claims to be done before the call returns.
    timer.current = setInterval(
      () => setPercent(Math.min(95, Math.round(95 * (1 - Math.exp(-(Date.now() - started) / expected))))),
      100,
    );
    try {
      const r = await job();
      setPercent(100);
      return r;
    } finally {
      stop();
      setTimeout(() => setPercent(null), 1200);
    }
  }, []);

  return { percent, run };
}
