// Quantities with units, and when two of them can be compared.
import { formatNumber } from '../format/zh.js';

export type Quantity = { value: number; unit: string };

/** How many working hours count as one 工作日 unless the project says otherwise. */
export const DEFAULT_WORKING_DAY_HOURS = 8;

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

const CALENDAR_MONTHS: Record<string, number> = { 个月: 1, 年: 12 };
// Day counts: a 工作日 counts as one day against 天 (5 days of training answer 5 working days of training).
const DAYS: Record<string, number> = { 工作日: 1, 天: 1, 个月: 30, 年: 365 };
const HOURS = (workingDayHours: number): Record<string, number> => ({
  分钟: 1 / 60,
  小时: 1,
  // Against hours, a working day is a span of working hours: 3 个工作日 at 8 h a day is 24 h of service time.
  工作日: workingDayHours,
  天: 24,
  个月: 24 * 30,
  年: 24 * 365,
});

export type Comparable = { ours: number; required: number; basis: 'months' | 'days' | 'hours' | 'same-unit'; converted: boolean };

/**
 * Puts two quantities on one scale, or says they cannot be compared (different count units). The coarsest
 * common scale wins, so approximations are used only where needed: months and years exactly (1年 = 12个月),
 * then days (a month as 30 days, a year as 365), then hours (a 工作日 as `workingDayHours`).
 */
export function comparable(ours: Quantity, required: Quantity, workingDayHours = DEFAULT_WORKING_DAY_HOURS): Comparable | undefined {
  const a = normalizeUnit(ours.unit);
  const b = normalizeUnit(required.unit);
  if (a === b) return { ours: ours.value, required: required.value, basis: 'same-unit', converted: false };
  const scales: [Comparable['basis'], Record<string, number>][] = [
    ['months', CALENDAR_MONTHS],
    ['days', DAYS],
    ['hours', HOURS(workingDayHours)],
  ];
  for (const [basis, scale] of scales) {
    const fa = scale[a];
    const fb = scale[b];
    if (fa !== undefined && fb !== undefined) return { ours: ours.value * fa, required: required.value * fb, basis, converted: true };
  }
  return undefined;
}

/** 2小时, 3个工作日, 36个月, 98% */
export function formatQuantity(q: Quantity): string {
  const unit = normalizeUnit(q.unit);
  return `${formatNumber(q.value)}${unit === '工作日' ? '个工作日' : q.unit.trim() === '' ? '' : unit}`;
}
