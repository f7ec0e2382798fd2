// How long a stated time can really take, as elapsed hours between its shortest and its longest reading.
// Months and years differ in length, and working days skip rest days: "3个工作日内" is at least 3 calendar days
// and, over a weekend or a public holiday, much longer. Comparisons take the reading that is worse for the bidder,
// never an average.

import { addDays, addMonths } from '../format/zh.js';

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
 * The longest run of rest days the State Council's holiday arrangements give, weekends moved next to the holiday
 * included: 春节 2026 ran nine days (2月15日至23日), 国庆 with 中秋 eight (2025年10月1日至8日).
 */
export const LONGEST_HOLIDAY_REST_DAYS = 9;

/**
 * Working days as elapsed days. At least one calendar day each: counted from the day after the event, on working
 * days in a row, the period can end n days after an event late in the day. At most: the day of the event itself is
 * not counted (民法典第二百零一条), then the longest holiday break (nine rest days in place of a two-day weekend),
 * a weekend for every five working days, and one more rest day for every twelve working days after the first,
 * because shorter holidays fall close to the long ones (中秋 three days before 国庆). Checked against the official
 * arrangements of 2024–2026 in test/commitments/working-day-checks.test.ts.
 */
export function workingDayDays(n: number): Span {
  if (n <= 0) return { min: 0, max: 0 };
  const weekends = 2 * Math.ceil(n / 5);
  const holiday = LONGEST_HOLIDAY_REST_DAYS - 2;
  const nearHolidays = Math.max(0, Math.ceil((n - 1) / 12));
  return { min: n, max: 1 + n + weekends + holiday + nearHolidays };
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

type Stated = { value: number; unit: string };

/**
 * "a may take longer than b", two times running from the same event in the same calendar. The same unit compares
 * by its figures (2个工作日 is never shorter than 1个工作日, whatever weekends fall between), months and years
 * exactly; other units by elapsed time, a's longest reading against b's shortest. Undefined when either is not a time.
 */
export function mayTakeLonger(a: Stated, b: Stated): boolean | undefined {
  return longer(a, b, (sa, sb) => !surelyWithin(sa, sb));
}

/**
 * "a is surely longer than b", two periods from the same start: the same unit by its figures, months and years
 * exactly, other units only when a's shortest reading exceeds b's longest (400天 is longer than 1年 in any year,
 * 366天 is not). False when the order depends on the calendar; undefined when either is not a time.
 */
export function surelyTakesLonger(a: Stated, b: Stated): boolean | undefined {
  return longer(a, b, surelyLonger);
}

/** Same units by figures, months and years exactly, anything else by `bySpans` on their elapsed spans. */
function longer(a: Stated, b: Stated, bySpans: (a: Span, b: Span) => boolean): boolean | undefined {
  if (a.unit === b.unit) return a.value > b.value + 1e-9;
  const ma = monthsOf(a);
  const mb = monthsOf(b);
  if (ma !== undefined && mb !== undefined) return ma > mb + 1e-9;
  const sa = spanOf(a);
  const sb = spanOf(b);
  return sa && sb ? bySpans(sa, sb) : undefined;
}

/**
 * Whether two stated times are the same length whatever the calendar: the same figure in the same unit, months and
 * years exactly (12个月 = 1年), fixed units by their length (2周 = 14天). 365天 and 1年 differ (a leap year has 366),
 * and working days equal only working days.
 */
export function sameLength(a: Stated, b: Stated): boolean {
  return mayTakeLonger(a, b) === false && mayTakeLonger(b, a) === false;
}

/**
 * The last day of a period of whole 天, 周, 个月 or 年 that starts on `start` (ISO), or undefined for any other (工作日,
 * hours, a fraction). One convention for every unit (民法典 第二百零一条、第二百零三条): the start day itself is not
 * counted, the period runs from the next day.
 * - months and years: the day of the final month with the start day's number, or that month's last day when it has
 *   none (2026-01-31 + 1个月 → 2026-02-28; 2024-02-29 + 12个月 → 2025-02-28);
 * - days and weeks (7 days each): start + N calendar days (2026-11-24 + 400天 → 2027-12-29, the 400th day after the
 *   start day), so 2周 ends as 14天 does, leap days counted as the calendar has them.
 * (Not "start + N − 1": that would count the start day, and months do not.)
 */
export function periodEnd(start: string, p: Stated): string | undefined {
  if (!Number.isInteger(p.value)) return undefined;
  switch (p.unit) {
    case '个月':
      return addMonths(start, p.value);
    case '年':
      return addMonths(start, p.value * 12);
    case '周':
      return addDays(start, p.value * 7);
    case '天':
      return addDays(start, p.value);
    default:
      return undefined;
  }
}
