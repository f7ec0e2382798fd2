import { describe, expect, it } from 'vitest';
import { MAX_LIST_ITEMS, MAX_TABLE_ROWS, parseValue, ValueError, type VariableDecl } from '@core/model/variables.js';

const decl = (type: VariableDecl['type'], extra: Partial<VariableDecl> = {}): VariableDecl => ({
  key: 'v',
  type,
  label: '测试项',
  required: true,
  ...extra,
});

/** The ValueError message parseValue throws, or fails the test if it does not throw one. */
function reason(d: VariableDecl, raw: unknown): string {
  try {
    parseValue(d, raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ValueError);
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be rejected as ${d.type}`);
}

describe('文本 text / multiline', () => {
  it('单行文本原样接受', () => {
    expect(parseValue(decl('text'), '400-800-1234')).toBe('400-800-1234');
  });

  it('单行文本含换行时报错', () => {
    expect(reason(decl('text'), '第一行\n第二行')).toMatch(/不能换行/);
  });

  it('多行文本可以含换行', () => {
    expect(parseValue(decl('multiline'), '第一行\n第二行')).toBe('第一行\n第二行');
  });

  it('文本位置给了数字时报错', () => {
    expect(reason(decl('text'), 42)).toMatch(/42/);
  });
});

describe('整数 integer', () => {
  it('在上下限之内（含边界）接受', () => {
    const d = decl('integer', { min: 1, max: 120 });
    expect(parseValue(d, 1)).toBe(1);
    expect(parseValue(d, 120)).toBe(120);
  });

  it('低于下限报错，并说出下限', () => {
    expect(reason(decl('integer', { min: 1, max: 120 }), 0)).toMatch(/下限 1$/);
  });

  it('高于上限报错，并说出上限', () => {
    expect(reason(decl('integer', { min: 1, max: 120 }), 121)).toMatch(/上限 120$/);
  });

  it('小数不是整数', () => {
    expect(reason(decl('integer'), 2.5)).toMatch(/2\.5/);
  });

  it('文本形式的数字 "36" 不被当作整数', () => {
    expect(reason(decl('integer'), '36')).toMatch(/“36”/);
  });
});

describe('数字 number / 百分比 percent', () => {
  it('数字接受小数', () => {
    expect(parseValue(decl('number'), 2.75)).toBe(2.75);
  });

  it('百分比 0–100：100 接受，101 报错', () => {
    const d = decl('percent', { min: 0, max: 100 });
    expect(parseValue(d, 100)).toBe(100);
    expect(reason(d, 101)).toMatch(/上限 100$/);
  });

  it('NaN 和无穷大不是数字', () => {
    reason(decl('number'), Number.NaN);
    reason(decl('number'), Number.POSITIVE_INFINITY);
  });
});

describe('金额 money（内部以分存储）', () => {
  it('"28000.00" 存为 2800000 分', () => {
    expect(parseValue(decl('money'), '28000.00')).toBe(2_800_000);
  });

  it('负数金额报错', () => {
    expect(reason(decl('money'), '-1.00')).toMatch(/负数/);
  });

  it('不是金额的文本报错并引用原文', () => {
    expect(reason(decl('money'), '两万八')).toMatch(/两万八/);
  });

  it('上下限以元计：max 1000 时 1000.00 接受、1000.01 报错', () => {
    const d = decl('money', { min: 0, max: 1000 });
    expect(parseValue(d, '1000.00')).toBe(100_000);
    reason(d, '1000.01');
  });

  it('带角分的上下限精确比较：min 0.07 时 "0.07" 接受（不因 0.07×100 的浮点误差被拒）', () => {
    expect(parseValue(decl('money', { min: 0.07 }), '0.07')).toBe(7);
  });

  it('金额超出上限时，报错以元为单位说明（不出现以分计的 150000、100000）', () => {
    const msg = reason(decl('money', { max: 1000 }), '1500.00');
    expect(msg).not.toMatch(/150000|100000/);
    expect(msg).toMatch(/1,?500/);
  });
});

describe('日期 date', () => {
  it('有效日期接受（含闰年 2 月 29 日）', () => {
    expect(parseValue(decl('date'), '2026-11-24')).toBe('2026-11-24');
    expect(parseValue(decl('date'), '2024-02-29')).toBe('2024-02-29');
  });

  it('不存在的日期 2026-02-30 报错', () => {
    expect(reason(decl('date'), '2026-02-30')).toMatch(/2026-02-30/);
  });

  it('平年 2025-02-29 报错', () => {
    reason(decl('date'), '2025-02-29');
  });

  it('格式不对（2026-2-3、2026/02/03、13 月）报错', () => {
    reason(decl('date'), '2026-2-3');
    reason(decl('date'), '2026/02/03');
    reason(decl('date'), '2026-13-01');
  });
});

describe('时长 duration', () => {
  it('{value: 2, unit: "小时"} 接受', () => {
    expect(parseValue(decl('duration'), { value: 2, unit: '小时' })).toEqual({ value: 2, unit: '小时' });
  });

  it('单位不在允许范围内（"hours"）时报错，并列出可用单位', () => {
    const msg = reason(decl('duration'), { value: 2, unit: 'hours' });
    expect(msg).toMatch(/小时/);
    expect(msg).toMatch(/工作日/);
  });

  it('文本 "two hours" 不是时长', () => {
    expect(reason(decl('duration'), 'two hours')).toMatch(/two hours/);
  });

  it('负数时长报错', () => {
    reason(decl('duration'), { value: -1, unit: '天' });
  });

  it('时长数值也受上下限约束', () => {
    reason(decl('duration', { max: 48 }), { value: 72, unit: '小时' });
  });
});

describe('布尔 boolean / 选项 choice / 列表 list', () => {
  it('布尔只接受 true/false，不接受 "true"', () => {
    expect(parseValue(decl('boolean'), true)).toBe(true);
    reason(decl('boolean'), 'true');
  });

  it('选项必须是列出的值之一，报错时列出选项', () => {
    const d = decl('choice', { options: ['每周', '每月'] });
    expect(parseValue(d, '每月')).toBe('每月');
    expect(reason(d, '每年')).toMatch(/每周.*每月/);
  });

  it('列表必须全是文本', () => {
    expect(parseValue(decl('list'), ['甲', '乙'])).toEqual(['甲', '乙']);
    reason(decl('list'), ['甲', 2]);
    reason(decl('list'), '甲');
  });

  it('列表的条数和每条的长度有上限，超出时说明第几条、多长（一条 30000 字的内容曾使 PDF 排版停顿一分多钟）', () => {
    expect(reason(decl('list'), ['短', '长'.repeat(30_000)])).toBe('第 2 条共 30000 个字符，超过上限 2000 个字符');
    expect(
      reason(
        decl('list'),
        Array.from({ length: MAX_LIST_ITEMS + 1 }, () => '条'),
      ),
    ).toBe(`共 ${MAX_LIST_ITEMS + 1} 条，超过上限 ${MAX_LIST_ITEMS} 条`);
    expect(parseValue(decl('list'), ['长'.repeat(2000)])).toHaveLength(1);
  });
});

describe('表格 table', () => {
  const fees = decl('table', {
    columns: [
      { key: 'item', type: 'text', label: '服务项目' },
      { key: 'price', type: 'money', label: '收费标准' },
      { key: 'date', type: 'date', label: '日期' },
    ],
  });
  const good = { item: '上门服务费', price: '300.00', date: '2027-01-21' };

  it('每行按列类型解析（金额存为分）', () => {
    expect(parseValue(fees, [good])).toEqual([{ item: '上门服务费', price: 30_000, date: '2027-01-21' }]);
  });

  it('缺少单元格时报错，指出第几行和哪一列', () => {
    const msg = reason(fees, [good, { item: '维修人工费', date: '2027-01-22' }]);
    expect(msg).toMatch(/第 2 行/);
    expect(msg).toMatch(/收费标准/);
    expect(msg).not.toMatch(/price/); // the column's label, never its key
  });

  it('空字符串单元格也算缺少', () => {
    expect(reason(fees, [{ ...good, item: '' }])).toMatch(/第 1 行“服务项目”/);
  });

  it('单元格值不合类型时报错，指出行、列和原因', () => {
    const msg = reason(fees, [good, good, { ...good, price: 'abc' }]);
    expect(msg).toMatch(/第 3 行/);
    expect(msg).toMatch(/收费标准/);
    expect(msg).toMatch(/abc/);
  });

  it('单元格日期无效（2027-02-30）时报错，指出行和列', () => {
    const msg = reason(fees, [{ ...good, date: '2027-02-30' }]);
    expect(msg).toMatch(/第 1 行/);
    expect(msg).toMatch(/日期/);
  });

  it('某一行不是对象时报错，指出行号', () => {
    expect(reason(fees, [good, ['上门服务费', '300.00']])).toMatch(/第 2 行/);
  });

  it('不是行的列表时报错', () => {
    reason(fees, { item: 'x' });
  });

  it(`行数超过上限 ${MAX_TABLE_ROWS} 时报错`, () => {
    expect(
      reason(
        fees,
        Array.from({ length: MAX_TABLE_ROWS + 1 }, () => good),
      ),
    ).toMatch(new RegExp(String(MAX_TABLE_ROWS)));
  });
});
