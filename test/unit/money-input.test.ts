// Amounts as people type them in China are accepted and stored in the canonical "58600.00" form.
import { describe, expect, it } from 'vitest';
import { canonicalMoney } from '@core/model/money.js';
import { parseMoneyToFen, parseValue, ValueError, type VariableDecl } from '@core/model/variables.js';

const money: VariableDecl = { key: 'annual_fee', type: 'money', label: '年度维保服务费', required: true };

describe('金额输入：用户常见写法都接受', () => {
  it.each([
    ['58600', 5_860_000],
    ['５８６００', 5_860_000],
    ['58600元', 5_860_000],
    ['58,600', 5_860_000],
    ['５８，６００．５０', 5_860_050],
    ['58600.', 5_860_000],
    ['5.86万', 5_860_000],
    ['5.86万元', 5_860_000],
    ['0.000001万', 1],
    ['¥58,600.00', 5_860_000],
    ['￥58600', 5_860_000],
    ['人民币58600元整', 5_860_000],
    [' 58600 ', 5_860_000],
  ])('%s 是 %i 分', (typed, fen) => {
    expect(parseMoneyToFen(typed)).toBe(fen);
  });

  it('5.86万 规范为 "58600.00"，５８６００ 规范为 "58600.00"，"58600." 规范为 "58600.00"', () => {
    expect(canonicalMoney('5.86万')).toBe('58600.00');
    expect(canonicalMoney('５８６００')).toBe('58600.00');
    expect(canonicalMoney('58600.')).toBe('58600.00');
    expect(canonicalMoney('1,234.5元')).toBe('1234.50');
  });

  it('不是金额的写法仍然拒绝，且不规范化（留给用户改）', () => {
    for (const bad of ['两万八', '5.8.6', '1.234', '5.8612345万', '万', '.5', '58600元元'])
      expect(() => parseMoneyToFen(bad), bad).toThrow(ValueError);
    expect(canonicalMoney('两万八')).toBeUndefined();
  });

  it('"58600." 在项目里作为金额值时不报错', () => {
    expect(parseValue(money, '58600.')).toBe(5_860_000);
  });
});
