// Chinese display formats for typed values: money, RMB uppercase, numerals, dates, durations.
import Nzh from 'nzh';
import type { Duration, ScalarType, ScalarValue } from '../model/variables.js';

export { formatMoney } from './money.js';
import { formatMoney } from './money.js';

/** 1280000 fen → "人民币壹万贰仟捌佰元整" (nzh does the digits; we hand it a canonical decimal so 整 is placed right). */
export function rmbUppercase(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`cannot write ${fen} fen in RMB uppercase`);
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  const decimal = cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
  return Nzh.cn.toMoney(decimal, { outSymbol: true });
}

/** 36 → "三十六" */
export function chineseNumeral(n: number): string {
  return Nzh.cn.encodeS(n);
}

/** "2026-11-24" → "2026年11月24日" */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Calendar months with month-end clamping: 2026-01-31 + 1 → 2026-02-28. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const td = Math.min(d, lastDay);
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}

/** start + n calendar days, as an ISO date (2026-11-24 + 15 → 2026-12-09). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 2小时, 3个工作日, 24个月, 30分钟 */
export function formatDuration(d: Duration): string {
  return `${formatNumber(d.value)}${d.unit === '工作日' ? '个工作日' : d.unit}`;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

export function formatPercent(n: number): string {
  return `${formatNumber(n)}%`;
}

/** The default way a value prints when a clause says just {{key}}. */
export function formatScalar(type: ScalarType, v: ScalarValue): string {
  switch (type) {
    case 'money':
      return formatMoney(v as number);
    case 'date':
      return formatDate(v as string);
    case 'duration':
      return formatDuration(v as Duration);
    case 'percent':
      return formatPercent(v as number);
    case 'integer':
    case 'number':
      return formatNumber(v as number);
    case 'boolean':
      return v ? '是' : '否';
    default:
      return String(v);
  }
}

/** A duration in hours, for comparing promises (工作日 = 8 h of work but counted as a calendar day here). */
export function durationHours(d: Duration): number {
  const perUnit: Record<Duration['unit'], number> = {
    分钟: 1 / 60,
    小时: 1,
    工作日: 24,
    天: 24,
    个月: 24 * 30,
    年: 24 * 365,
  };
  return d.value * perUnit[d.unit];
}
