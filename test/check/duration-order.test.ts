// Every rule that orders two times of the bid, with the times in mixed units (minutes, hours, days, working days,
// weeks): each catches a pair that is surely out of order, leaves alone a pair surely in order, and — read against
// the bidder — reports a pair whose order a weekend or a month's length can reverse. Property tests compare the
// verdict with an independent calendar (test/check/calendar.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certainlyLonger, closePair, coarseDays, startWhereLonger, type Stated, UNITS } from './calendar.js';
import { deadline, factsContext, problemsOf } from './context.js';

const d = (value: number, unit: string): Stated => ({ value, unit });
const fact = (id: string, kind: string, t: Stated, from: string, scope?: object) =>
  deadline(id, kind, t.value, t.unit, from, scope);

/** A rule where the time `a` must not run longer than `b`, and the facts that set a against b. */
type OrderRule = { code: string; facts: (a: Stated, b: Stated) => unknown[] };
const RULES: OrderRule[] = [
  {
    code: 'exceeds_general_promise',
    facts: (a, b) => [
      fact('arrive', 'arrive', b, 'notice'),
      fact('arrive_l3', 'arrive', a, 'notice', { level: '三级' }),
    ],
  },
  {
    code: 'severity_order',
    facts: (a, b) => [
      fact('arrive_l1', 'arrive', a, 'notice', { level: '一级' }),
      fact('arrive_l3', 'arrive', b, 'notice', { level: '三级' }),
    ],
  },
  {
    code: 'region_order',
    facts: (a, b) => [
      fact('arrive_city', 'arrive', a, 'notice', { region: 'city' }),
      fact('arrive_county', 'arrive', b, 'notice', { region: 'county' }),
    ],
  },
  {
    code: 'response_after_arrival',
    facts: (a, b) => [fact('respond', 'respond', a, 'notice'), fact('arrive', 'arrive', b, 'notice')],
  },
  {
    code: 'resolution_before_arrival',
    facts: (a, b) => [fact('arrive', 'arrive', a, 'notice'), fact('fix', 'fix', b, 'notice')],
  },
  {
    code: 'standby_after_resolution',
    facts: (a, b) => [fact('fix', 'fix', b, 'arrival'), fact('standby', 'standby', a, 'arrival')],
  },
  {
    code: 'complaint_reply_after_visit',
    facts: (a, b) => [
      fact('complaint_reply', 'complaint_reply', a, 'complaint'),
      fact('complaint_visit', 'complaint_visit', b, 'complaint'),
    ],
  },
  {
    code: 'complaint_visit_after_close',
    facts: (a, b) => [
      fact('complaint_visit', 'complaint_visit', a, 'complaint'),
      fact('complaint_close', 'complaint_close', b, 'complaint'),
    ],
  },
  {
    code: 'complaint_reply_after_close',
    facts: (a, b) => [
      fact('complaint_reply', 'complaint_reply', a, 'complaint'),
      fact('complaint_close', 'complaint_close', b, 'complaint'),
    ],
  },
  {
    code: 'installer_arrival_looser',
    facts: (a, b) => [
      fact('arrive', 'arrive', b, 'notice'),
      fact('installer_arrive', 'arrive', a, 'notice', { party: 'installer' }),
    ],
  },
  {
    code: 'installer_resolution_looser',
    facts: (a, b) => [
      fact('fix', 'fix', b, 'arrival'),
      fact('installer_fix', 'fix', a, 'arrival', { party: 'installer' }),
    ],
  },
  {
    code: 'installer_deadline_looser',
    facts: (a, b) => [
      fact('respond', 'respond', b, 'notice'),
      fact('installer_respond', 'respond', a, 'notice', { party: 'installer' }),
    ],
  },
];
const flags = (rule: OrderRule, a: Stated, b: Stated) => problemsOf(factsContext(rule.facts(a, b)), rule.code);

/** Mixed-unit pairs: surely out of order, surely in order, and out of order over a weekend or a holiday. */
const OUT_OF_ORDER: [Stated, Stated][] = [
  [d(1, '天'), d(20, '小时')],
  [d(150, '分钟'), d(2, '小时')],
  [d(1, '周'), d(6, '天')],
  [d(2, '工作日'), d(36, '小时')],
  [d(15, '天'), d(2, '周')],
];
const IN_ORDER: [Stated, Stated][] = [
  [d(90, '分钟'), d(2, '小时')],
  [d(24, '小时'), d(1, '工作日')],
  [d(6, '天'), d(1, '周')],
  [d(2, '天'), d(2, '工作日')],
  [d(1, '工作日'), d(12, '天')],
  [d(120, '分钟'), d(2, '小时')],
];
/** A working day is never 8 hours: 3个工作日 over 春节 runs past 5 days, so it may take longer. */
const MAY_RUN_LONGER: [Stated, Stated][] = [
  [d(3, '工作日'), d(5, '天')],
  [d(1, '工作日'), d(24, '小时')],
  [d(5, '工作日'), d(1, '周')],
];

describe.each(RULES)('$code：混合单位', (rule) => {
  it.each(OUT_OF_ORDER)('%o 长于 %o：报错', (a, b) => {
    const [p, ...more] = flags(rule, a, b);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ severity: 'error' });
  });
  it.each(IN_ORDER)('%o 不长于 %o：不报', (a, b) => {
    expect(flags(rule, a, b)).toEqual([]);
  });
  it.each(MAY_RUN_LONGER)('%o 遇节假日可能长于 %o：对投标人从严，报错', (a, b) => {
    expect(flags(rule, a, b)).toHaveLength(1);
  });

  it('性质：确定更长时报错，确定不长时不报，某种日历读法下更长时也报', () => {
    fc.assert(
      fc.property(closePair(60), ([a, b]) => {
        const flagged = flags(rule, a, b).length > 0;
        if (certainlyLonger(a, b)) expect(flagged).toBe(true);
        if (coarseDays(a).max <= coarseDays(b).min) expect(flagged).toBe(false);
        if (startWhereLonger(a, b) !== undefined) expect(flagged).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('同一项承诺写了两次：只有时间不同才报', () => {
  const twice = (a: Stated, b: Stated) =>
    problemsOf(
      factsContext([fact('arrive', 'arrive', a, 'notice'), fact('arrive_2', 'arrive', b, 'notice')]),
      'duplicate_promise',
    );

  it.each([
    [d(2, '小时'), d(120, '分钟')],
    [d(1, '天'), d(24, '小时')],
    [d(1, '周'), d(7, '天')],
    [d(1, '年'), d(12, '个月')],
  ])('%o 与 %o 是同一个时间：不报', (a, b) => {
    expect(twice(a, b)).toEqual([]);
  });
  it.each([
    [d(2, '小时'), d(90, '分钟')],
    [d(1, '工作日'), d(24, '小时')],
    [d(1, '工作日'), d(1, '天')],
    [d(13, '个月'), d(1, '年')],
  ])('%o 与 %o 不同：报错，两个数字都按填写的样子显示', (a, b) => {
    const [p] = twice(a, b);
    expect(p).toMatchObject({ severity: 'error', field: 'commitments.1' });
    expect(p!.params).toMatchObject({ otherValue: expect.stringContaining(String(a.value)) });
  });

  it('性质：顺序确定时报错；同一单位同一数字时不报', () => {
    fc.assert(
      fc.property(closePair(60), ([a, b]) => {
        const n = twice(a, b).length;
        if (certainlyLonger(a, b) || certainlyLonger(b, a)) expect(n).toBe(1);
        if (a.unit === b.unit) expect(n).toBe(a.value === b.value ? 0 : 1);
      }),
      { numRuns: 100 },
    );
  });
});

describe('备用设备与修复，经到场换算到报修起', () => {
  const standbyFromNotice = (standby: Stated, arrive: Stated, fix: Stated) =>
    problemsOf(
      factsContext([
        fact('arrive', 'arrive', arrive, 'notice'),
        fact('fix', 'fix', fix, 'arrival'),
        fact('standby', 'standby', standby, 'notice'),
      ]),
      'standby_after_resolution',
    );

  it('混合单位：1天内提供备用设备，到场2小时加修复20小时只有22小时：报错', () => {
    expect(standbyFromNotice(d(1, '天'), d(2, '小时'), d(20, '小时'))).toHaveLength(1);
  });
  it('混合单位：1200分钟内提供备用设备，到场2小时加修复1天：不报', () => {
    expect(standbyFromNotice(d(1200, '分钟'), d(2, '小时'), d(1, '天'))).toEqual([]);
  });
  it('都是工作日时按数字相加：到场1个工作日、再2个工作日修复，最迟是第3个工作日，3个工作日内提供备用设备不报', () => {
    expect(standbyFromNotice(d(3, '工作日'), d(1, '工作日'), d(2, '工作日'))).toEqual([]);
    expect(standbyFromNotice(d(4, '工作日'), d(1, '工作日'), d(2, '工作日'))).toHaveLength(1);
  });
  it('性质：同一单位时结论与数字之和一致', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UNITS.filter((u) => u !== '个月' && u !== '年')),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 100 }),
        (unit, arrive, fix, standby) => {
          const n = standbyFromNotice(d(standby, unit), d(arrive, unit), d(fix, unit)).length;
          expect(n).toBe(standby > arrive + fix ? 1 : 0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
