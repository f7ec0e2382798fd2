// 工作日 at their longest: the bound in core/commitments/time.ts must hold on the real calendar. The State Council's
// holiday arrangements for 2024–2026 (rest days, and the weekend days worked in their place) are replayed, and every
// "N个工作日内" counted from any day of those years must end within the bound: the day of the event is not counted
// (民法典第二百零一条), the period ends with the Nth working day after it.
import { describe, expect, it } from 'vitest';
import { LONGEST_HOLIDAY_REST_DAYS, mayTakeLonger, spanOf, workingDayDays } from '@core/commitments/time.js';

/** Rest days of the official arrangements (first and last day of each break, weekends moved next to it included). */
const REST: [string, string][] = [
  ['2023-12-30', '2024-01-01'],
  ['2024-02-10', '2024-02-17'],
  ['2024-04-04', '2024-04-06'],
  ['2024-05-01', '2024-05-05'],
  ['2024-06-08', '2024-06-10'],
  ['2024-09-15', '2024-09-17'],
  ['2024-10-01', '2024-10-07'],
  ['2025-01-01', '2025-01-01'],
  ['2025-01-28', '2025-02-04'],
  ['2025-04-04', '2025-04-06'],
  ['2025-05-01', '2025-05-05'],
  ['2025-05-31', '2025-06-02'],
  ['2025-10-01', '2025-10-08'],
  ['2026-01-01', '2026-01-03'],
  ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'],
  ['2026-05-01', '2026-05-05'],
  ['2026-06-19', '2026-06-21'],
  ['2026-09-25', '2026-09-27'],
  ['2026-10-01', '2026-10-07'],
];
/** Weekend days worked in exchange (调休上班). */
const WORKED = new Set([
  '2024-02-04',
  '2024-02-18',
  '2024-04-07',
  '2024-04-28',
  '2024-05-11',
  '2024-09-14',
  '2024-09-29',
  '2024-10-12',
  '2025-01-26',
  '2025-02-08',
  '2025-04-27',
  '2025-09-28',
  '2025-10-11',
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
]);
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const rest = new Set(
  REST.flatMap(([a, b]) => {
    const out: string[] = [];
    for (let t = Date.parse(`${a}T00:00:00Z`); t <= Date.parse(`${b}T00:00:00Z`); t += DAY) out.push(iso(t));
    return out;
  }),
);
const isWorkingDay = (t: number) => WORKED.has(iso(t)) || (!rest.has(iso(t)) && new Date(t).getUTCDay() % 6 !== 0);

/**
 * Elapsed days from the first moment of day `start` to the end of "n个工作日内": the day itself not counted, then
 * whole working days (a half working day ends at noon of the next one).
 */
function elapsedDays(start: number, n: number): number {
  let t = start;
  let left = n;
  for (;;) {
    t += DAY;
    if (!isWorkingDay(t)) continue;
    if (left <= 1) return (t - start) / DAY + left;
    left -= 1;
  }
}
const FIRST = Date.parse('2024-01-01T00:00:00Z');
const LAST = Date.parse('2026-11-30T00:00:00Z');
const longestOn = (n: number) => {
  let max = 0;
  for (let d = FIRST; d < LAST; d += DAY) max = Math.max(max, elapsedDays(d, n));
  return max;
};

describe('N个工作日最长可能多久：以2024—2026年国务院放假安排验证', () => {
  const NS = [0.5, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 60];
  it.each(NS)('%s个工作日：实际最长不超过 workingDayDays 的上限', (n) => {
    expect(longestOn(n)).toBeLessThanOrEqual(workingDayDays(n).max);
  });
  it('1个工作日的上限就是实际出现过的最长：2026年春节前一天（2月14日调休上班）报修，2月24日才满1个工作日', () => {
    expect(elapsedDays(Date.parse('2026-02-14T00:00:00Z'), 1)).toBe(11);
    expect(workingDayDays(1).max).toBe(11);
  });
  it('国庆前逢中秋：2026年9月24日报修的4个工作日到10月8日才满，共15天', () => {
    expect(elapsedDays(Date.parse('2026-09-24T00:00:00Z'), 4)).toBe(15);
    expect(workingDayDays(4).max).toBeGreaterThanOrEqual(15);
  });
  it('最长的连休是9天（2026年春节），上限按9天计', () => {
    let run = 0;
    let longest = 0;
    for (let d = FIRST; d < LAST; d += DAY) {
      run = isWorkingDay(d) ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    expect(longest).toBe(LONGEST_HOLIDAY_REST_DAYS);
  });
  it('最短：连续的工作日，N个工作日就是N天', () => {
    for (const n of NS) expect(workingDayDays(n).min).toBe(n);
    expect(spanOf({ value: 3, unit: '工作日' })!.min).toBe(72);
  });
});

describe('工作日与其他单位的比较（对投标人从严）', () => {
  it('“3个工作日”可能长于72小时，24小时一定不长于“3个工作日”', () => {
    expect(mayTakeLonger({ value: 3, unit: '工作日' }, { value: 72, unit: '小时' })).toBe(true);
    expect(mayTakeLonger({ value: 24, unit: '小时' }, { value: 3, unit: '工作日' })).toBe(false);
  });
  it('“1个工作日”在长假时可能长于10天，却不会长于11天', () => {
    expect(mayTakeLonger({ value: 1, unit: '工作日' }, { value: 10, unit: '天' })).toBe(true);
    expect(mayTakeLonger({ value: 1, unit: '工作日' }, { value: 11, unit: '天' })).toBe(false);
  });
  it('同一单位按数字比较：2个工作日不短于1个工作日，1个月不长于1个月', () => {
    expect(mayTakeLonger({ value: 1, unit: '工作日' }, { value: 2, unit: '工作日' })).toBe(false);
    expect(mayTakeLonger({ value: 2, unit: '工作日' }, { value: 1, unit: '工作日' })).toBe(true);
    expect(mayTakeLonger({ value: 1, unit: '个月' }, { value: 1, unit: '个月' })).toBe(false);
    expect(mayTakeLonger({ value: 1, unit: '年' }, { value: 12, unit: '个月' })).toBe(false);
  });
  it('不是时间的单位无法比较', () => {
    expect(mayTakeLonger({ value: 1, unit: '次' }, { value: 1, unit: '小时' })).toBeUndefined();
  });
});
