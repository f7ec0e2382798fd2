// How long a stated time can really take, as elapsed hours between its shortest and its longest reading.
// Months and years differ in length, and working days skip rest days: "3个工作日内" is at least 3 calendar days
// and, over weekends, longer. Comparisons take the reading that is worse for the bidder, never an average.

/** Elapsed hours: the shortest and the longest reading of a stated time. */
export type Span = { min: number; max: number };

const HOUR: Record<string, number> = { 分钟: 1 / 60, 小时: 1, 天: 24, 周: 24 * 7 };

/** The fewest and most days that n calendar months can span (n may be a fraction: half a year). */
function monthDays(n: number): Span {
  if (n <= 0) return { min: 0, max: 0 };
  let min = Infinity;
  let max = 0;
  // Every start month of a four-year cycle, so February 29th is seen once.
  for (let start = 0; start < 48; start++) {
    const from = Date.UTC(2024, start, 1);
    const whole = Math.floor(n);
    const to = Date.UTC(2024, start + whole, 1);
    const fracDays = (n - whole) * ((Date.UTC(2024, start + whole + 1, 1) - to) / 86_400_000);
    const days = (to - from) / 86_400_000 + fracDays;
    min = Math.min(min, days);
    max = Math.max(max, days);
  }
  return { min, max };
}

/**
 * Working days as elapsed time: at least one calendar day each; at most with every weekend they can straddle
 * (a notice on Friday evening starts the count on Monday), i.e. two rest days for each started five.
 */
function workingDayDays(n: number): Span {
  return { min: n, max: n + 2 * Math.ceil(n / 5) };
}

/** Elapsed hours of a stated time; undefined for a unit that is not a time. */
export function spanOf(q: { value: number; unit: string }): Span | undefined {
  const u = q.unit;
  const fixed = HOUR[u];
  if (fixed !== undefined) return { min: q.value * fixed, max: q.value * fixed };
  if (u === '工作日') {
    const d = workingDayDays(q.value);
    return { min: d.min * 24, max: d.max * 24 };
  }
  if (u === '个月' || u === '年') {
    const d = monthDays(q.value * (u === '年' ? 12 : 1));
    return { min: d.min * 24, max: d.max * 24 };
  }
  return undefined;
}

/** Exact months for months and years (1年 = 12个月), so warranties compare without day approximations. */
export function monthsOf(q: { value: number; unit: string }): number | undefined {
  return q.unit === '个月' ? q.value : q.unit === '年' ? q.value * 12 : undefined;
}

/** Days counted as days (training length, a warranty in days): a working day of training is a day of training. */
export function dayCountOf(q: { value: number; unit: string }): number | undefined {
  switch (q.unit) {
    case '天':
    case '工作日':
      return q.value;
    case '周':
      return q.value * 7;
    default:
      return undefined;
  }
}

/** "a is surely no later than b": a's longest reading does not exceed b's shortest. */
export const surelyWithin = (a: Span, b: Span): boolean => a.max <= b.min + 1e-9;
/** "a is surely later than b": even a's shortest reading exceeds b's longest. */
export const surelyLonger = (a: Span, b: Span): boolean => a.min > b.max + 1e-9;
