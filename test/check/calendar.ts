// An independent reading of stated times for the order tests: how long a time really runs from one start day
// (months by the calendar, 1月31日 + 1个月 = 2月28日; working days skip weekends only, a week without holidays), and
// coarse bounds that hold in any calendar. Written apart from core/commitments/time.ts so the tests check it.
import fc from 'fast-check';

export type Stated = { value: number; unit: string };
export const UNITS = ['分钟', '小时', '工作日', '天', '周', '个月', '年'] as const;

const DAY = 86_400_000;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();

/** Every start day of 2024–2027, a leap year and three common ones. */
export const START_DAYS: number[] = Array.from(
  { length: (Date.UTC(2028, 0, 1) - Date.UTC(2024, 0, 1)) / DAY },
  (_, i) => Date.UTC(2024, 0, 1) + i * DAY,
);

/** Days a time runs from `start` (ms, UTC midnight) in this calendar; whole figures for days, months, years. */
export function elapsedDays(d: Stated, start: number): number {
  switch (d.unit) {
    case '分钟':
      return d.value / 1440;
    case '小时':
      return d.value / 24;
    case '天':
      return d.value;
    case '周':
      return d.value * 7;
    case '工作日': {
      // Whole weeks of five working days, then day by day through the rest.
      const weeks = Math.floor((d.value - 1) / 5);
      let day = start + weeks * 7 * DAY;
      for (let left = d.value - weeks * 5; left > 0; ) {
        day += DAY;
        const wd = new Date(day).getUTCDay();
        if (wd !== 0 && wd !== 6) left--;
      }
      return (day - start) / DAY;
    }
    default: {
      const months = d.unit === '年' ? d.value * 12 : d.value;
      const from = new Date(start);
      const y = from.getUTCFullYear();
      const m = from.getUTCMonth() + months;
      const target = Date.UTC(y, m, Math.min(from.getUTCDate(), daysInMonth(y, m)));
      return (target - start) / DAY;
    }
  }
}

/** Bounds in days that hold in any calendar, holidays included (a working day: a day, at most three and a bit). */
export function coarseDays(d: Stated): { min: number; max: number } {
  const v = d.value;
  switch (d.unit) {
    case '工作日':
      return { min: v, max: 3 * v + 10 };
    case '个月':
      return { min: 28 * v, max: 31 * v };
    case '年':
      return { min: 365 * v, max: 366 * v };
    default:
      return { min: elapsedDays(d, 0), max: elapsedDays(d, 0) };
  }
}

/** a is longer than b whatever the calendar (coarse bounds, so a pair said certain here is certain). */
export const certainlyLonger = (a: Stated, b: Stated) => coarseDays(a).min > coarseDays(b).max + 1e-9;

/** A start day on which a runs no longer than b: a reading that proves "a is surely longer" false. */
export const startWhereNotLonger = (a: Stated, b: Stated) =>
  START_DAYS.find((s) => elapsedDays(a, s) <= elapsedDays(b, s) + 1e-9);
/** A start day on which a runs longer than b: a reading that proves "a may take longer". */
export const startWhereLonger = (a: Stated, b: Stated) =>
  START_DAYS.find((s) => elapsedDays(a, s) > elapsedDays(b, s) + 1e-9);

/** Roughly how many of a unit make a day, to draw times of comparable length in different units. */
const PER_DAY: Record<string, number> = {
  分钟: 1440,
  小时: 24,
  工作日: 5 / 7,
  天: 1,
  周: 1 / 7,
  个月: 12 / 365,
  年: 1 / 365,
};

/** A whole figure in any unit, about `days` long. */
const near = (days: number) =>
  fc.tuple(fc.constantFrom(...UNITS), fc.double({ min: 0.8, max: 1.25, noNaN: true })).map(
    ([unit, jitter]): Stated => ({
      unit,
      value: Math.min(100_000, Math.max(1, Math.round(days * PER_DAY[unit]! * jitter))),
    }),
  );

/** Two times of about the same length, often in different units: the pairs whose order is hard to read. */
export const closePair = (maxDays: number) =>
  fc.integer({ min: 1, max: maxDays }).chain((days) => fc.tuple(near(days), near(days)));
