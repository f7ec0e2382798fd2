// Quantities with units, and when two of them can be compared.
import { formatNumber } from '../format/zh.js';
import { dayCountOf, monthsOf, spanOf } from '../commitments/time.js';

export type Quantity = { value: number; unit: string };

const ALIASES: Record<string, string> = {
  分: '分钟',
  分钟: '分钟',
  min: '分钟',
  h: '小时',
  时: '小时',
  小时: '小时',
  个小时: '小时',
  学时: '小时',
  工作日: '工作日',
  个工作日: '工作日',
  天: '天',
  日: '天',
  日历日: '天',
  个日历日: '天',
  自然日: '天',
  月: '个月',
  个月: '个月',
  年: '年',
  周年: '年',
  周: '周',
  星期: '周',
  个星期: '周',
  名: '人',
  人: '人',
  次: '次',
  '%': '%',
  '％': '%',
};

/** The canonical form of a unit (天 for 日, 个月 for 月 …); unknown units are kept as written. */
export const normalizeUnit = (unit: string | undefined): string => {
  const u = (unit ?? '').trim();
  return ALIASES[u] ?? ALIASES[u.toLowerCase()] ?? u;
};

export type Direction = 'lower' | 'higher';
/**
 * What a time measures: an `amount` of days spent (training: a working day of training is a day of training), or
 * `elapsed` calendar time (a deadline, a period, notice given ahead: 1天 ahead may be no working day ahead at all).
 */
export type Measure = 'amount' | 'elapsed';
export type Comparable = {
  ours: number;
  required: number;
  basis: 'months' | 'days' | 'hours' | 'same-unit';
  converted: boolean;
};

const TIME_UNITS = new Set(['分钟', '小时', '工作日', '天', '周', '个月', '年']);
const DAY_UNITS = new Set(['工作日', '天', '周']);
export const isTimeUnit = (unit: string | undefined): boolean => TIME_UNITS.has(normalizeUnit(unit));

/**
 * Puts two quantities on one scale, reading each the way that is worse for the bidder, or says they cannot be
 * compared. Months and years compare exactly (1年 = 12个月). A limit (lower is better) compares our longest
 * elapsed time with the tender's shortest: a 工作日 is at least a calendar day and, over a weekend, more — never
 * "8 hours", so 24小时 against 3个工作日 is better. A minimum (higher is better) of an amount counts days as days
 * (5 days of training answer 5 working days of training) and otherwise takes our shortest reading against the
 * tender's longest.
 */
export function comparable(
  ours: Quantity,
  required: Quantity,
  direction?: Direction,
  measure: Measure = 'amount',
): Comparable | undefined {
  const a = normalizeUnit(ours.unit);
  const b = normalizeUnit(required.unit);
  if (a === b) return { ours: ours.value, required: required.value, basis: 'same-unit', converted: false };
  const ma = monthsOf({ value: ours.value, unit: a });
  const mb = monthsOf({ value: required.value, unit: b });
  if (ma !== undefined && mb !== undefined) return { ours: ma, required: mb, basis: 'months', converted: true };
  if (!TIME_UNITS.has(a) || !TIME_UNITS.has(b)) return undefined;
  if (direction !== 'lower' && measure === 'amount' && DAY_UNITS.has(a) && DAY_UNITS.has(b))
    return {
      ours: dayCountOf({ value: ours.value, unit: a })!,
      required: dayCountOf({ value: required.value, unit: b })!,
      basis: 'days',
      converted: true,
    };
  const sa = spanOf({ value: ours.value, unit: a });
  const sb = spanOf({ value: required.value, unit: b });
  if (!sa || !sb) return undefined;
  if (direction === 'lower') return { ours: sa.max, required: sb.min, basis: 'hours', converted: true };
  // A minimum of training in hours against days of training cannot be read safely either way: the writer says.
  if (direction === 'higher')
    return DAY_UNITS.has(a) !== DAY_UNITS.has(b) && (a === '小时' || b === '小时' || a === '分钟' || b === '分钟')
      ? undefined
      : { ours: sa.min, required: sb.max, basis: 'hours', converted: true };
  // An exact requirement between units whose readings vary (hours against working days) has no safe answer.
  return sa.min === sa.max && sb.min === sb.max
    ? { ours: sa.min, required: sb.min, basis: 'hours', converted: true }
    : undefined;
}

/** 2小时, 3个工作日, 36个月, 98% */
export function formatQuantity(q: Quantity): string {
  const unit = normalizeUnit(q.unit);
  return `${formatNumber(q.value)}${unit === '工作日' ? '个工作日' : q.unit.trim() === '' ? '' : unit}`;
}
