// Shares promised in a bid or an agreement (逾期每日扣款比例, 零部件价格下浮比例, 满意度): above 0 % and at most 100 %,
// both errors, in variables, in table cells and in facts.
import { describe, expect, it } from 'vitest';
import type { Column } from '@core/model/variables.js';
import { factsContext, problemsOf, valuesContext } from './context.js';

const penalties: Column[] = [
  { key: 'item', type: 'text', label: '违约情形' },
  { key: 'rate', type: 'percent', label: '扣款比例' },
];

describe('百分比：0 < p ≤ 100', () => {
  it('逾期完工每日扣款比例为0%时报错：承诺的比例应大于0', () => {
    const [p, ...more] = problemsOf(valuesContext({ delay_penalty_percent: ['percent', 0] }), 'percent_not_positive');
    expect(more).toEqual([]);
    expect(p).toMatchObject({ severity: 'error', field: 'values.delay_penalty_percent' });
    expect(p!.message).toBe('「逾期完工每日扣款比例」为 0%：承诺的比例应大于 0%；如不作此项约定，请删去相应承诺');
  });
  it('合同金额的0.5%/日这样的小比例不报', () => {
    const c = valuesContext({ delay_penalty_percent: ['percent', 0.5] });
    expect(problemsOf(c, 'percent_not_positive')).toEqual([]);
    expect(problemsOf(c, 'percent_over_100')).toEqual([]);
  });
  it('以“%”为单位的数字同样检查', () => {
    const share = (v: number) => {
      const c = valuesContext({ delay_penalty_percent: ['number', v] });
      c.decls.set('delay_penalty_percent', { ...c.decls.get('delay_penalty_percent')!, unit: '%' });
      return c;
    };
    expect(problemsOf(share(0), 'percent_not_positive')).toHaveLength(1);
    expect(problemsOf(share(0.5), 'percent_not_positive')).toEqual([]);
    expect(problemsOf(valuesContext({ spare_units: ['number', 0] }), 'percent_not_positive')).toEqual([]);
  });
  it('负的比例报错', () => {
    expect(problemsOf(valuesContext({ parts_discount: ['percent', -5] }), 'percent_not_positive')).toHaveLength(1);
  });
  it('超过100%报错（错误，不是提醒）；恰好100%不报', () => {
    expect(problemsOf(valuesContext({ satisfaction_target: ['percent', 120] }), 'percent_over_100')).toMatchObject([
      { severity: 'error', field: 'values.satisfaction_target', message: '「满意度目标」为 120%，超过 100%' },
    ]);
    expect(problemsOf(valuesContext({ satisfaction_target: ['percent', 100] }), 'percent_over_100')).toEqual([]);
  });
  it('违约扣款表中比例为0%的一行报错，写明行和列', () => {
    const table = (rate: number) =>
      valuesContext({
        penalties: [
          'table',
          [
            { item: '逾期到场', rate: 5 },
            { item: '服务单不全', rate },
          ],
          penalties,
        ],
      });
    expect(problemsOf(table(0), 'percent_not_positive')).toMatchObject([
      {
        severity: 'error',
        field: 'values.penalties',
        params: { row: 2, column: '扣款比例' },
        message: '表格「违约扣款标准」第2行的「扣款比例」为 0%：承诺的比例应大于 0%；如不作此项约定，请删去相应承诺',
      },
    ]);
    expect(problemsOf(table(2), 'percent_not_positive')).toEqual([]);
    expect(problemsOf(table(150), 'percent_over_100')).toMatchObject([{ params: { row: 2 } }]);
  });
  it('承诺零部件按报价清单下浮0%时报错；下浮10%不报', () => {
    const discount = (percent?: number) =>
      factsContext([
        { id: 'parts_price', kind: 'parts_price', basis: 'discount', ...(percent !== undefined ? { percent } : {}) },
      ]);
    expect(problemsOf(discount(0), 'percent_not_positive')).toMatchObject([
      { severity: 'error', field: 'commitments.0', params: { label: '保修期外零部件价格' } },
    ]);
    expect(problemsOf(discount(10), 'percent_not_positive')).toEqual([]);
  });
  it('写了“下浮”却没有写比例时报错（否则印成“下浮0%”）', () => {
    expect(
      problemsOf(factsContext([{ id: 'parts_price', kind: 'parts_price', basis: 'discount' }]), 'percent_not_positive'),
    ).toHaveLength(1);
  });
  it('旧项目的零部件下浮比例为0时只报一次（变量与由它读出的承诺不重复）', () => {
    expect(problemsOf(valuesContext({ parts_discount: ['percent', 0] }), 'percent_not_positive')).toMatchObject([
      { field: 'values.parts_discount', params: { label: '零部件价格下浮比例' } },
    ]);
  });
});
