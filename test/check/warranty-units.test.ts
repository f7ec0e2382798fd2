// A component's warranty against the whole unit's in any units (整机1年 against 压缩机400天 was never compared): an
// error only when no calendar can make the component's the shorter one, each figure shown as the writer typed it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemText } from '@core/i18n/problemText.js';
import { certainlyLonger, closePair, coarseDays, startWhereNotLonger, type Stated, UNITS } from './calendar.js';
import { factsContext, problemsOf } from './context.js';

const warranty = (id: string, period: Stated, scope?: object, more: object = {}) => ({
  id,
  kind: 'warranty',
  period,
  ...(scope ? { scope } : {}),
  ...more,
});
const unitAndPart = (part: Stated, unit: Stated, more: object = {}) => [
  warranty('warranty', unit),
  warranty('warranty_compressor', part, { component: '压缩机' }, more),
];
const flagged = (part: Stated, unit: Stated) =>
  problemsOf(factsContext(unitAndPart(part, unit)), 'component_warranty_longer').length > 0;
const d = (value: number, unit: string): Stated => ({ value, unit });

describe('部件保修期与整机保修期：任何单位都比较，只在一定更长时报错', () => {
  it('压缩机400天长于整机1年：报错，两个数字都按填写的样子显示（中英文）', () => {
    const [p, ...more] = problemsOf(factsContext(unitAndPart(d(400, '天'), d(1, '年'))), 'component_warranty_longer');
    expect(more).toEqual([]);
    expect(p).toMatchObject({ severity: 'error', field: 'commitments.1' });
    expect(p!.message).toBe(
      '「压缩机保修期」400天长于「整机保修期」1年：部件的保修期不应长于整机；如部件确需单独计算，请在该承诺中注明“单独计算”',
    );
    expect(problemText(p!, 'en')).toBe(
      "“压缩机保修期” (400天) is longer than “整机保修期” (1年): a component's warranty may not exceed the whole unit's; if it is counted separately, mark that commitment as separate",
    );
  });

  it.each([
    [d(400, '天'), d(1, '年')],
    [d(13, '个月'), d(1, '年')],
    [d(13, '个月'), d(392, '天')],
    [d(398, '天'), d(13, '个月')],
    [d(53, '周'), d(1, '年')],
    [d(2, '年'), d(100, '周')],
    [d(9000, '小时'), d(12, '个月')],
    [d(400, '工作日'), d(12, '个月')],
  ])('%o 一定长于整机 %o：报错', (part, unit) => {
    expect(flagged(part, unit)).toBe(true);
  });

  it.each([
    // The order depends on the months the period spans (13个月 is 393 to 397 days; a year 365 or 366).
    [d(13, '个月'), d(395, '天')],
    [d(395, '天'), d(13, '个月')],
    [d(366, '天'), d(1, '年')],
    [d(365, '天'), d(12, '个月')],
    [d(52, '周'), d(1, '年')],
    [d(3, '个月'), d(92, '天')],
    // Not longer at all.
    [d(12, '个月'), d(1, '年')],
    [d(1, '年'), d(365, '天')],
    [d(360, '天'), d(1, '年')],
    [d(250, '工作日'), d(12, '个月')],
  ])('%o 不一定长于整机 %o：不报', (part, unit) => {
    expect(flagged(part, unit)).toBe(false);
  });

  it('注明单独计算的部件不报；另一产品的整机保修期不拿来比较', () => {
    expect(
      problemsOf(factsContext(unitAndPart(d(400, '天'), d(1, '年'), { separate: true })), 'component_warranty_longer'),
    ).toEqual([]);
    const other = [
      warranty('warranty', d(1, '年'), { product: '空气能热水器' }),
      warranty('warranty_compressor', d(400, '天'), { product: '太阳能热水器', component: '压缩机' }),
    ];
    expect(problemsOf(factsContext(other), 'component_warranty_longer')).toEqual([]);
  });

  it('两个整机保修期时，只要部件一定长于其中之一就报错', () => {
    const facts = [
      warranty('warranty', d(2, '年')),
      warranty('warranty_card', d(365, '天'), { component: '整机' }),
      warranty('warranty_compressor', d(13, '个月'), { component: '压缩机' }),
    ];
    const [p] = problemsOf(factsContext(facts), 'component_warranty_longer');
    expect(p?.params).toMatchObject({ value: '13个月', otherValue: '365天' });
  });

  it('性质：顺序确定时结论与顺序一致；有一种日历读法下部件不更长时从不报错', () => {
    fc.assert(
      fc.property(closePair(1500), ([part, unit]) => {
        const verdict = flagged(part, unit);
        if (certainlyLonger(part, unit)) expect(verdict).toBe(true);
        if (coarseDays(part).max <= coarseDays(unit).min) expect(verdict).toBe(false);
        const start = startWhereNotLonger(part, unit);
        if (start !== undefined) expect(verdict, `not longer from ${new Date(start).toISOString()}`).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('性质：同一单位按数字比较', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UNITS),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        (unit, a, b) => {
          expect(flagged(d(a, unit), d(b, unit))).toBe(a > b);
        },
      ),
      { numRuns: 200 },
    );
  });
});
