// A component's warranty period as a card prints it: in months, weeks or days, the unit the template or the project
// states it in, with its last day. Node-free, so the app's screens may import it.
import { z } from 'zod';
import { monthsOf, spanOf } from '../commitments/time.js';
import { addMonths, formatNumber } from '../format/zh.js';

/** The units a card prints a period in; years print as months (3年 → 36个月, as cards always did). */
export type CardPeriodUnit = '个月' | '周' | '天';
export type CardPeriod = { value: number; unit: CardPeriodUnit };

/** 50 years: the longest period a card prints, in each unit. */
const MAX_MONTHS = 600;
const MAX_DAYS = Math.floor((MAX_MONTHS / 12) * 365.25);
/** The longest period in each unit (the app's number boxes stop there too). */
export const PERIOD_MAX: Record<CardPeriodUnit, number> = {
  个月: MAX_MONTHS,
  周: Math.floor(MAX_DAYS / 7),
  天: MAX_DAYS,
};
const count = (max: number) => z.number().int().min(1).max(max).optional();

/** A component's period in a template or an edit: exactly one of the three (statesOnePeriod). */
export const periodFieldsShape = {
  /** Calendar months (36 = 3 years); the only unit before days and weeks, so every older template stays valid. */
  months: count(PERIOD_MAX.个月),
  /** Weeks of 7 days (6 → 6周, ends 42 days after the purchase date). */
  weeks: count(PERIOD_MAX.周),
  /** Calendar days (400 → 400天, ends 400 days after the purchase date). */
  days: count(PERIOD_MAX.天),
};
export type PeriodFields = { months?: number | undefined; weeks?: number | undefined; days?: number | undefined };
export const statesOnePeriod = (c: PeriodFields): boolean =>
  [c.months, c.weeks, c.days].filter((x) => x !== undefined).length === 1;
export const ONE_PERIOD_MESSAGE = '保修期写 months（月）、weeks（周）或 days（天）其中一项';

/** The period a component states (a template's schema guarantees exactly one of the three). */
export function periodOf(c: PeriodFields): CardPeriod {
  if (c.days !== undefined) return { value: c.days, unit: '天' };
  if (c.weeks !== undefined) return { value: c.weeks, unit: '周' };
  return { value: c.months ?? 0, unit: '个月' };
}

/** A period as a component's fields: { months: 36 }, { weeks: 6 } or { days: 400 }. */
export function periodFields(p: CardPeriod): { months: number } | { weeks: number } | { days: number } {
  return p.unit === '天' ? { days: p.value } : p.unit === '周' ? { weeks: p.value } : { months: p.value };
}

/**
 * A stated time (a commitment's {value, unit}) as a card can print it, or undefined: a card prints whole days, weeks
 * or months counted from the purchase date. Years become months, as cards printed them before (3年 → 36个月, 1.5年 →
 * 18个月). Working days (工作日) depend on the year's holidays, hours and minutes are no calendar period, and a
 * fraction (0.5个月, 2.5天) has no last day: none of them can print.
 */
export function cardPeriodOf(d: { value: number; unit: string }): CardPeriod | undefined {
  const whole = (value: number, unit: CardPeriodUnit) =>
    Number.isInteger(value) && value >= 1 ? { value, unit } : undefined;
  switch (d.unit) {
    case '个月':
      return whole(d.value, '个月');
    case '年':
      return whole(Math.round(d.value * 12 * 1e6) / 1e6, '个月');
    case '周':
      return whole(d.value, '周');
    case '天':
      return whole(d.value, '天');
    default:
      return undefined;
  }
}

/** The period's length in its unit words: "36个月", "6周", "400天" (a 繁體 card passes its own words). */
export function periodText(p: CardPeriod, words: Record<CardPeriodUnit, string> = UNIT_WORDS): string {
  return `${formatNumber(p.value)}${words[p.unit]}`;
}
const UNIT_WORDS: Record<CardPeriodUnit, string> = { 个月: '个月', 周: '周', 天: '天' };

const DAY_MS = 86_400_000;
/** start + n calendar days, as an ISO date. */
function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The last day of a warranty of `p` that starts on the purchase (installation) date `start`. One convention for
 * every unit (民法典 第二百零一条、第二百零三条): the start day itself is not counted, the period runs from the next day.
 * - months: the last day is the day of the final month with the start day's number, or that month's last day when
 *   it has none (2026-01-31 + 1个月 → 2026-02-28; 2024-02-29 + 12个月 → 2025-02-28), as warrantyEnd (dates.ts);
 * - days and weeks (7 days each): the last day is start + N calendar days (2026-11-24 + 400天 → 2027-12-29, the
 *   400th day after the purchase day), so 2周 ends as 14天 does, leap days counted as the calendar has them.
 * (Not "start + N − 1": that would count the purchase day, and months do not.)
 */
export function periodEnd(start: string, p: CardPeriod): string {
  return p.unit === '个月' ? addMonths(start, p.value) : addDays(start, p.unit === '周' ? p.value * 7 : p.value);
}

/**
 * Whether two stated times are the same length whatever the calendar: the same figure in the same unit, months and
 * years exactly (12个月 = 1年), fixed units by their length (2周 = 14天). 365天 and 1年 differ (a leap year has 366),
 * and working days equal only working days.
 */
export function sameLength(a: { value: number; unit: string }, b: { value: number; unit: string }): boolean {
  if (a.unit === b.unit) return a.value === b.value;
  const ma = monthsOf(a);
  const mb = monthsOf(b);
  if (ma !== undefined || mb !== undefined) return ma !== undefined && mb !== undefined && Math.abs(ma - mb) < 1e-9;
  // Other units by elapsed time, only when each has one length (not 工作日, whose length depends on the holidays).
  const sa = spanOf(a);
  const sb = spanOf(b);
  return !!sa && !!sb && sa.min === sa.max && sb.min === sb.max && Math.abs(sa.min - sb.min) < 1e-9;
}
