// Conditions over variables, one comparison at a time.
import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluateWhen } from '@core/assemble/conditions.js';
import type { Condition } from '@core/model/library.js';
import type { Value, VariableDecl } from '@core/model/variables.js';

const decls = new Map<string, VariableDecl>(
  (
    [
      ['months', 'integer'],
      ['arrival', 'duration'],
      ['fee', 'money'],
      ['start', 'date'],
      ['mode', 'choice'],
      ['gov', 'boolean'],
      ['note', 'text'],
      ['rows', 'table'],
    ] as const
  ).map(([key, type]) => [key, { key, type, label: key, required: false }]),
);
const values = new Map<string, Value>([
  ['months', 36],
  ['arrival', { value: 30, unit: '分钟' }],
  ['fee', 2_800_000],
  ['start', '2027-01-20'],
  ['mode', '政府采购版'],
  ['gov', true],
  ['note', ''],
  ['rows', []],
]);

describe('evaluateCondition', () => {
  const cases: [string, Condition, boolean][] = [
    ['36 ≥ 24', { key: 'months', op: 'gte', value: 24 }, true],
    ['36 < 24 不成立', { key: 'months', op: 'lt', value: 24 }, false],
    ['36 = 36', { key: 'months', op: 'eq', value: 36 }, true],
    ['36 ≠ 12', { key: 'months', op: 'ne', value: 12 }, true],
    ['30分钟 ≤ 2小时（按时长比较）', { key: 'arrival', op: 'lte', value: { value: 2, unit: '小时' } }, true],
    ['30分钟 > 0.25小时', { key: 'arrival', op: 'gt', value: { value: 0.25, unit: '小时' } }, true],
    ['¥28,000.00 ≥ 20000 元（金额按元比较）', { key: 'fee', op: 'gte', value: 20000 }, true],
    ['日期按先后比较', { key: 'start', op: 'lt', value: '2027-02-01' }, true],
    ['选项相等', { key: 'mode', op: 'eq', value: '政府采购版' }, true],
    ['布尔值相等', { key: 'gov', op: 'eq', value: true }, true],
    ['已填写的布尔值 set', { key: 'gov', op: 'set' }, true],
    ['空文字不算 set', { key: 'note', op: 'set' }, false],
    ['空表格不算 set', { key: 'rows', op: 'set' }, false],
  ];
  it.each(cases)('%s', (_name, c, holds) => {
    expect(evaluateCondition(c, decls, values)).toEqual({ holds });
  });

  it('按月和年写的时长按月比较：12个月与1年相等，13个月长于1年', () => {
    const warranty = new Map<string, VariableDecl>([
      ['warranty', { key: 'warranty', type: 'duration', label: '质保期', required: false }],
    ]);
    const year = new Map<string, Value>([['warranty', { value: 1, unit: '年' }]]);
    const at = (op: Condition['op'], value: number, unit: '个月' | '年' | '天') =>
      evaluateCondition({ key: 'warranty', op, value: { value, unit } }, warranty, year).holds;
    expect(at('eq', 12, '个月')).toBe(true);
    expect(at('lte', 12, '个月')).toBe(true);
    expect(at('gt', 12, '个月')).toBe(false);
    expect(at('lt', 13, '个月')).toBe(true);
    expect(at('eq', 1, '年')).toBe(true);
    // Days against a year: by length (a year as 365 days).
    expect(at('gte', 365, '天')).toBe(true);
    expect(at('gte', 366, '天')).toBe(false);
  });

  it('变量未填写时条件不成立（缺失另行报告）', () => {
    expect(evaluateCondition({ key: 'months', op: 'gte', value: 1 }, decls, new Map())).toEqual({ holds: false });
  });

  it('未声明的变量、类型不同无法比较大小时给出原因', () => {
    expect(evaluateCondition({ key: 'nope', op: 'set' }, decls, values).problem?.message).toContain('nope');
    expect(evaluateCondition({ key: 'months', op: 'gte', value: '24' }, decls, values).problem?.message).toContain(
      '类型不同',
    );
  });

  it('多个条件须全部成立；没有条件时总是成立', () => {
    expect(
      evaluateWhen(
        [
          { key: 'months', op: 'gte', value: 24 },
          { key: 'gov', op: 'eq', value: false },
        ],
        decls,
        values,
      ).holds,
    ).toBe(false);
    expect(evaluateWhen(undefined, decls, values)).toEqual({ holds: true, problems: [] });
  });
});
