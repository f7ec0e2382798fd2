// The 偏离表 against the tender in mixed units (minutes, hours, days, weeks, months, years, working days): a time
// limit (≤) is negative when ours may run longer than the tender's, a period (≥) when ours may be shorter, each read
// against the bidder; a pair surely on the right side is never negative. Properties check the verdict against an
// independent calendar (test/check/calendar.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certainlyLonger, closePair, coarseDays, type Stated, startWhereLonger } from './calendar.js';
import { deadline, problemsOf, requirementsContext } from './context.js';

const d = (value: number, unit: string): Stated => ({ value, unit });
const fix = (t: Stated) => deadline('fix', 'fix', t.value, t.unit, 'notice');
const warranty = (t: Stated) => ({ id: 'warranty', kind: 'warranty', period: t, from: 'acceptance' });
const req = (op: '<=' | '>=', t: Stated, fact: string) => ({
  text: `${op === '<=' ? '不超过' : '不少于'}${t.value}${t.unit}`,
  op,
  value: t.value,
  unit: t.unit,
  fact,
});
/** Negative deviations of our `ours` against the tender's `required`: a repair limit, or a warranty minimum. */
const limitNegative = (ours: Stated, required: Stated) =>
  problemsOf(requirementsContext([req('<=', required, 'fix')], [fix(ours)]), 'negative_deviation').length > 0;
const periodNegative = (ours: Stated, required: Stated) =>
  problemsOf(requirementsContext([req('>=', required, 'warranty')], [warranty(ours)]), 'negative_deviation').length > 0;
/** Hours or minutes against days of any kind: no safe reading of a minimum, the writer states the deviation. */
const unitsUnconfirmed = (ours: Stated, required: Stated) =>
  problemsOf(requirementsContext([req('>=', required, 'warranty')], [warranty(ours)]), 'deviation_unconfirmed').some(
    (p) => p.params?.issue === 'units',
  );

describe('时限（≤）：混合单位', () => {
  it.each([
    [d(1, '天'), d(20, '小时')],
    [d(150, '分钟'), d(2, '小时')],
    [d(8, '天'), d(1, '周')],
    [d(1, '周'), d(5, '工作日')],
    [d(1, '个月'), d(4, '周')],
  ])('我方 %o、要求 %o：负偏离', (ours, required) => {
    expect(limitNegative(ours, required)).toBe(true);
  });
  it.each([
    [d(90, '分钟'), d(2, '小时')],
    [d(24, '小时'), d(1, '天')],
    [d(6, '天'), d(1, '周')],
    [d(48, '小时'), d(3, '工作日')],
    [d(4, '周'), d(1, '个月')],
  ])('我方 %o、要求 %o：不是负偏离', (ours, required) => {
    expect(limitNegative(ours, required)).toBe(false);
  });

  it('性质：确定更长为负偏离，确定不长不是，某种日历读法下更长也是（对投标人从严）', () => {
    fc.assert(
      fc.property(closePair(60), ([ours, required]) => {
        const negative = limitNegative(ours, required);
        if (certainlyLonger(ours, required)) expect(negative).toBe(true);
        if (coarseDays(ours).max <= coarseDays(required).min) expect(negative).toBe(false);
        if (startWhereLonger(ours, required) !== undefined) expect(negative).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('期限（≥）：质保期换了单位', () => {
  it.each([
    [d(400, '天'), d(1, '年')],
    [d(13, '个月'), d(1, '年')],
    [d(1, '年'), d(365, '天')],
    [d(105, '周'), d(2, '年')],
  ])('我方 %o、要求不少于 %o：不是负偏离', (ours, required) => {
    expect(periodNegative(ours, required)).toBe(false);
  });
  it.each([
    // A leap year has 366 days: 365天 may fall a day short of 1年.
    [d(365, '天'), d(12, '个月')],
    [d(100, '周'), d(2, '年')],
    [d(11, '个月'), d(1, '年')],
    [d(393, '天'), d(13, '个月')],
  ])('我方 %o、要求不少于 %o：负偏离', (ours, required) => {
    expect(periodNegative(ours, required)).toBe(true);
  });

  it('性质：确定更短为负偏离，确定不短不是，某种日历读法下更短也是；小时对天数时交由编写人注明', () => {
    fc.assert(
      fc.property(closePair(1500), ([ours, required]) => {
        if (unitsUnconfirmed(ours, required)) {
          const hours = (u: string) => u === '小时' || u === '分钟';
          expect(hours(ours.unit) !== hours(required.unit)).toBe(true);
          return;
        }
        const negative = periodNegative(ours, required);
        if (certainlyLonger(required, ours)) expect(negative).toBe(true);
        if (coarseDays(ours).min >= coarseDays(required).max) expect(negative).toBe(false);
        if (startWhereLonger(required, ours) !== undefined) expect(negative).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
