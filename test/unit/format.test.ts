import { describe, expect, it } from 'vitest';
import {
  addMonths,
  chineseNumeral,
  formatDate,
  formatDuration,
  formatMoney,
  formatPercent,
  rmbUppercase,
} from '@core/format/zh.js';
import { parseMoneyToFen } from '@core/model/variables.js';

describe('人民币大写金额', () => {
  it.each([
    [5, '人民币伍分'], // ¥0.05
    [10_001_000, '人民币壹拾万零壹拾元整'], // ¥100,010.00
    [1_000_000_000, '人民币壹仟万元整'], // ¥10,000,000.00
    [100_550, '人民币壹仟零伍元伍角'], // ¥1,005.50
    [1_280_000, '人民币壹万贰仟捌佰元整'], // ¥12,800.00
  ])('%i 分写作 %s', (fen, expected) => {
    expect(rmbUppercase(fen)).toBe(expected);
  });

  it('零元写作人民币零元整', () => {
    expect(rmbUppercase(0)).toBe('人民币零元整');
  });

  it('元位为零而分不为零时写“零”：¥1.05 → 人民币壹元零伍分', () => {
    expect(rmbUppercase(105)).toBe('人民币壹元零伍分');
  });

  it('负数或非整数分拒绝转换，而不是写出错误的大写', () => {
    expect(() => rmbUppercase(-100)).toThrow(RangeError);
    expect(() => rmbUppercase(1.5)).toThrow(RangeError);
  });
});

describe('金额显示 formatMoney', () => {
  it('以元显示，千位分隔，保留两位小数', () => {
    expect(formatMoney(1_280_000)).toBe('¥12,800.00');
    expect(formatMoney(123_456_789)).toBe('¥1,234,567.89');
  });

  it('不足一元的金额补足角分', () => {
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(0)).toBe('¥0.00');
  });
});

describe('金额解析 parseMoneyToFen（精确到分，无浮点误差）', () => {
  it('"0.29" 是 29 分（而不是 28.999…）', () => {
    expect(parseMoneyToFen('0.29')).toBe(29);
  });

  it('带千位分隔和一位小数："1,234.5" 是 123450 分', () => {
    expect(parseMoneyToFen('1,234.5')).toBe(123_450);
  });

  it('带 ¥ 符号："¥12,800.00" 是 1280000 分', () => {
    expect(parseMoneyToFen('¥12,800.00')).toBe(1_280_000);
  });

  it('整数形式的金额：12800 是 1280000 分', () => {
    expect(parseMoneyToFen(12800)).toBe(1_280_000);
  });

  it('超过两位小数的文本拒绝："1.234"', () => {
    expect(() => parseMoneyToFen('1.234')).toThrow(/1\.234/);
  });

  it('不是金额的文本拒绝："abc"', () => {
    expect(() => parseMoneyToFen('abc')).toThrow(/abc/);
  });

  it('数字形式的金额超过两位小数同样拒绝，而不是悄悄舍入（1.234 不能变成 1.23 元）', () => {
    expect(() => parseMoneyToFen(1.234)).toThrow();
  });
});

describe('中文数字 chineseNumeral', () => {
  it.each([
    [1, '一'],
    [3, '三'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [36, '三十六'],
    [101, '一百零一'],
  ])('%i 写作 %s', (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });
});

describe('日期 formatDate', () => {
  it('2026-11-24 写作 2026年11月24日', () => {
    expect(formatDate('2026-11-24')).toBe('2026年11月24日');
  });

  it('月和日不带前导零：2026-01-05 写作 2026年1月5日', () => {
    expect(formatDate('2026-01-05')).toBe('2026年1月5日');
  });
});

describe('加月份 addMonths（月末对齐）', () => {
  it('2026-01-31 加 1 个月是 2026-02-28（平年二月）', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('2024-01-31 加 1 个月是 2024-02-29（闰年二月）', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('2024-02-29 加 12 个月是 2025-02-28', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('2024-02-29 加 36 个月是 2027-02-28；2024-01-31 加 36 个月是 2027-01-31', () => {
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonths('2024-01-31', 36)).toBe('2027-01-31');
  });

  it('跨年：2026-12-15 加 1 个月是 2027-01-15；加 0 个月不变', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-12-15', 0)).toBe('2026-12-15');
  });
});

describe('时长 formatDuration', () => {
  it('2 小时写作 2小时', () => {
    expect(formatDuration({ value: 2, unit: '小时' })).toBe('2小时');
  });

  it('3 个工作日写作 3个工作日', () => {
    expect(formatDuration({ value: 3, unit: '工作日' })).toBe('3个工作日');
  });

  it('24 个月写作 24个月（不是 24个个月）', () => {
    expect(formatDuration({ value: 24, unit: '个月' })).toBe('24个月');
  });

  it('30 分钟、20 天、1 年', () => {
    expect(formatDuration({ value: 30, unit: '分钟' })).toBe('30分钟');
    expect(formatDuration({ value: 20, unit: '天' })).toBe('20天');
    expect(formatDuration({ value: 1, unit: '年' })).toBe('1年');
  });
});

describe('百分比 formatPercent', () => {
  it('10 写作 10%，12.5 写作 12.5%', () => {
    expect(formatPercent(10)).toBe('10%');
    expect(formatPercent(12.5)).toBe('12.5%');
  });

  it('浮点误差不显示出来：0.1 + 0.2 写作 0.3%', () => {
    expect(formatPercent(0.1 + 0.2)).toBe('0.3%');
  });
});
