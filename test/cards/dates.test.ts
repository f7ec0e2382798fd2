// Card dates: what cells may hold, and warranty end dates at month ends and leap days.
import { describe, expect, it } from 'vitest';
import { componentPeriods, excelSerialToIso, parseCardDate, warrantyEnd } from '@core/cards/dates.js';

describe('parseCardDate: accepted forms', () => {
  it.each([
    ['2026-11-24', '2026-11-24'],
    ['2026/11/24', '2026-11-24'],
    ['2026.11.24', '2026-11-24'],
    ['2026年11月24日', '2026-11-24'],
    ['2026年1月5日', '2026-01-05'],
    ['2026 年 11 月 24 日', '2026-11-24'],
    ['2026/1/5', '2026-01-05'],
    ['２０２６－１１－２４', '2026-11-24'], // full-width digits and dash, as Chinese IMEs type them
    ['2026/11/24 10:30', '2026-11-24'], // Excel's CSV export of a date with time
    ['2026-11-24T08:00:00Z', '2026-11-24'],
    ['20261124', '2026-11-24'],
    ['  2024-02-29  ', '2024-02-29'],
  ])('%s → %s', (input, iso) => {
    expect(parseCardDate(input)).toBe(iso);
  });

  it('a JS Date from exceljs (UTC midnight) keeps its calendar day', () => {
    expect(parseCardDate(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
  });

  it('Excel serial numbers: 45351 is 2024-02-29, 46350 is 2026-11-24, 61 is 1900-03-01', () => {
    expect(parseCardDate(45351)).toBe('2024-02-29');
    expect(parseCardDate(46350)).toBe('2026-11-24');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(parseCardDate(46350.75)).toBe('2026-11-24'); // a time of day does not change the date
  });
});

describe('parseCardDate: rejected', () => {
  it.each([
    ['2026-02-30'], // no such day
    ['2025-02-29'], // not a leap year
    ['2026-13-01'],
    ['2026-00-10'],
    ['11/24/2026'], // month first is ambiguous: rejected, not guessed
    ['24.11.2026'],
    ['明天'],
    ['2026-11'],
    ['1899-12-31'],
    [''],
  ])('%s', (input) => {
    expect(parseCardDate(input)).toBeNull();
  });

  it('Excel serial 60 (the fictitious 1900-02-29) and below, and non-numbers', () => {
    expect(parseCardDate(60)).toBeNull();
    expect(parseCardDate(0)).toBeNull();
    expect(parseCardDate(Number.NaN)).toBeNull();
    expect(parseCardDate(new Date('invalid'))).toBeNull();
    expect(parseCardDate(null)).toBeNull();
  });
});

describe('warrantyEnd: last day = the same day number N months later, month end when that month is shorter (民法典 201/203)', () => {
  it.each([
    ['2026-11-24', 12, '2027-11-24'],
    ['2026-11-24', 36, '2029-11-24'],
    ['2026-11-24', 72, '2032-11-24'],
    // leap days
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 24, '2026-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-02-28', 12, '2025-02-28'],
    ['2023-02-28', 12, '2024-02-28'],
    // month ends
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-12-31', 2, '2024-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-04-30', 1, '2026-05-30'],
    ['2026-12-31', 12, '2027-12-31'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('%s + %i months → %s', (start, months, end) => {
    expect(warrantyEnd(start, months)).toBe(end);
  });

  it('per component, from the template', () => {
    const periods = componentPeriods(
      {
        components: [
          { name: '整机', months: 36 },
          { name: '压缩机', months: 72 },
          { name: '电气控制部件', months: 12 },
        ],
      },
      '2024-02-29',
    );
    expect(periods).toEqual([
      { name: '整机', months: 36, label: '36个月', end: '2027-02-28' },
      { name: '压缩机', months: 72, label: '72个月', end: '2030-02-28' },
      { name: '电气控制部件', months: 12, label: '12个月', end: '2025-02-28' },
    ]);
  });
});
