// A component's warranty period as a card prints it: in months, weeks or days, the unit the template or the project
// states it in, with its last day. Node-free, so the app's screens may import it.
import { z } from 'zod';
import { periodEnd as endOf } from '../commitments/time.js';
import { formatNumber } from '../format/zh.js';

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

/** The last day of a card's period that starts on the purchase (installation) date: core/commitments/time.ts. */
export function periodEnd(start: string, p: CardPeriod): string {
  return endOf(start, p)!;
}
