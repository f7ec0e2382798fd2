// Card dates: what a spreadsheet cell may hold, and the warranty end dates computed from it.
import { addMonths } from '../format/zh.js';
import { type CardPeriod, periodEnd, periodOf, periodText } from './period.js';
import type { CardComponent, CardTemplate } from './template.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > last ? null : `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Excel's serial day number (1900 date system, as exceljs and Excel store it) → ISO date. */
export function excelSerialToIso(serial: number): string | null {
  // Day 60 is Excel's fictitious 1900-02-29; from day 61 on, day 0 is 1899-12-30. Earlier days are not purchase dates.
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A purchase or installation date as found in a cell → "YYYY-MM-DD", or null when it is not a real date.
 * Accepts 2026-11-24, 2026/11/24, 2026.11.24, 2026年11月24日 (full-width digits too, an optional time after it),
 * 20261124, a JS Date (exceljs gives date-formatted cells so, at UTC midnight) and an Excel serial number.
 */
export function parseCardDate(v: string | number | Date | null | undefined): string | null {
  if (v == null) return null;
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? null : isoOf(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 22001231)
      return isoOf(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    return excelSerialToIso(v);
  }
  const s = v.normalize('NFKC').trim().replace(/\s+/g, ' ');
  let m =
    /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      s,
    );
  if (!m) m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? isoOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * The last day of a warranty of `months` months that starts with the purchase (installation) date `start`.
 *
 * Convention (民法典 第二百零一条、第二百零三条): the start day itself is not counted, the period runs from the
 * next day, and its last day is the day in the final month with the same number as the start day; when the final
 * month has no such day, the last day of that month. So 2026-11-24 + 12 months → 2027-11-24, 2026-01-31 + 1 → 2026-02-28,
 * 2024-02-29 + 12 → 2025-02-28, 2024-02-29 + 48 → 2028-02-29. This is exactly addMonths with month-end clamping.
 * (The "start + months − 1 day" convention goes wrong after clamping: 2024-02-28 and 2024-02-29 would both end 2025-02-27.)
 * Periods in days and weeks keep the same convention: they end start + N days (period.ts periodEnd).
 */
export function warrantyEnd(start: string, months: number): string {
  return addMonths(start, months);
}

/** A component with its period in the card's words ("36个月", "400天") and its computed last day (ISO). */
export type ComponentPeriod = CardComponent & { label: string; end: string };

/** 36 → "36个月"; a period in weeks or days in its own unit: "6周", "400天". */
export function periodLabel(period: number | CardPeriod): string {
  return periodText(typeof period === 'number' ? { value: period, unit: '个月' } : period);
}

/** Each component's period and computed end date for a card starting on `start` (periodEnd: one convention). */
export function componentPeriods(template: Pick<CardTemplate, 'components'>, start: string): ComponentPeriod[] {
  return template.components.map((c) => {
    const p = periodOf(c);
    return { ...c, label: periodText(p), end: periodEnd(start, p) };
  });
}
