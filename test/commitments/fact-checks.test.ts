// Checks that stop every wrong figure, each both ways, in the words a bid writer would use.
import { describe, expect, it } from 'vitest';
import { runChecks, type CheckContext } from '@core/check/rules.js';
import { commitmentsSchema } from '@core/commitments/schema.js';
import type { Duration } from '@core/model/variables.js';
import { checkContext, type Spec } from '../helpers/checkContext.js';

const h = (value: number, unit: Duration['unit'] = '小时'): Duration => ({ value, unit });
const LABELS: Record<string, string> = {
  onsite_arrival: '现场到达时间',
  minor_arrival: '三级故障现场到达时间',
  manager_name: '项目服务经理',
  annual_fee: '年度维保服务费',
  doc_list: '随机技术资料清单',
};
const ctx = (spec: Spec) => checkContext(spec, {}, (k) => LABELS[k] ?? k);
/** A context whose project states its own facts (and no values). */
const withFacts = (facts: unknown[]): CheckContext => {
  const c = checkContext({});
  return { ...c, project: { ...c.project, commitments: commitmentsSchema.parse(facts) } };
};
const problems = (c: CheckContext, code: string) => runChecks(c).filter((p) => p.code === code);
const arrive = (id: string, value: number, unit: string, scope?: object) => ({
  id,
  kind: 'arrive',
  within: { value, unit },
  from: 'notice',
  ...(scope ? { scope } : {}),
});

describe('承诺之间的矛盾是错误', () => {
  it('三级故障到场时间长于总承诺时报错', () => {
    const [p, ...more] = problems(
      ctx({ onsite_arrival: ['duration', h(4)], minor_arrival: ['duration', h(8)] }),
      'exceeds_general_promise',
    );
    expect(more).toEqual([]);
    expect(p).toMatchObject({ severity: 'error', field: 'values.minor_arrival' });
    expect(p!.message).toBe(
      '「三级故障现场到达时间」8小时长于「现场到达时间」4小时：总体承诺适用于所有故障和地区，分级或分地区的时限不应宽于总体承诺',
    );
  });
  it('三级故障到场时间不长于总承诺时不报', () => {
    expect(
      problems(
        ctx({ onsite_arrival: ['duration', h(4)], minor_arrival: ['duration', h(4)] }),
        'exceeds_general_promise',
      ),
    ).toEqual([]);
  });
  it('分级时限以工作日计、总承诺以小时计时，从严比较（1个工作日可能长于24小时）', () => {
    expect(
      problems(
        withFacts([arrive('a', 24, '小时'), arrive('a1', 1, '工作日', { level: '一级' })]),
        'exceeds_general_promise',
      ),
    ).toHaveLength(1);
    expect(
      problems(
        withFacts([arrive('a', 1, '工作日'), arrive('a1', 24, '小时', { level: '一级' })]),
        'exceeds_general_promise',
      ),
    ).toEqual([]);
  });
  it('县（区）的到场时间快于市区时报错', () => {
    const [p] = problems(
      withFacts([arrive('city', 4, '小时', { region: 'city' }), arrive('county', 2, '小时', { region: 'county' })]),
      'region_order',
    );
    expect(p).toMatchObject({ severity: 'error', field: 'commitments.0' });
    expect(p!.message).toContain('市区到达现场时限');
    expect(p!.message).toContain('县（区）到达现场时限');
  });
  it('县（区）不快于市区时不报', () => {
    expect(
      problems(
        withFacts([arrive('city', 2, '小时', { region: 'city' }), arrive('county', 4, '小时', { region: 'county' })]),
        'region_order',
      ),
    ).toEqual([]);
  });
  it('更严重的故障到场更慢时报错', () => {
    expect(
      problems(
        withFacts([arrive('a1', 8, '小时', { level: '一级' }), arrive('a2', 4, '小时', { level: '二级' })]),
        'severity_order',
      ),
    ).toHaveLength(1);
    expect(
      problems(
        withFacts([arrive('a1', 2, '小时', { level: '一级' }), arrive('a2', 4, '小时', { level: '二级' })]),
        'severity_order',
      ),
    ).toEqual([]);
  });
  it('自报修起的修复时限短于到场时限时报错（修复早于到场）', () => {
    const fix = (value: number) => ({ id: 'fix', kind: 'fix', within: { value, unit: '小时' }, from: 'notice' });
    expect(problems(withFacts([arrive('a', 4, '小时'), fix(2)]), 'resolution_before_arrival')).toHaveLength(1);
    expect(problems(withFacts([arrive('a', 4, '小时'), fix(24)]), 'resolution_before_arrival')).toEqual([]);
  });
  it('备用设备晚于修复时限才提供时报错', () => {
    const pair = (standby: number) => [
      { id: 'fix', kind: 'fix', within: { value: 24, unit: '小时' }, from: 'arrival' },
      { id: 'standby', kind: 'standby', within: { value: standby, unit: '小时' }, from: 'arrival' },
    ];
    expect(problems(withFacts(pair(48)), 'standby_after_resolution')).toMatchObject([{ severity: 'error' }]);
    expect(problems(withFacts(pair(24)), 'standby_after_resolution')).toEqual([]);
  });
  it('部件保修期长于整机时报错；注明单独计算后不报', () => {
    const facts = (separate: boolean) => [
      { id: 'w', kind: 'warranty', period: { value: 6, unit: '年' }, from: 'acceptance' },
      {
        id: 'tank',
        kind: 'warranty',
        period: { value: 8, unit: '年' },
        scope: { component: '水箱内胆' },
        ...(separate ? { separate } : {}),
      },
    ];
    expect(problems(withFacts(facts(false)), 'component_warranty_longer')).toMatchObject([
      { severity: 'error', field: 'commitments.1' },
    ]);
    expect(problems(withFacts(facts(true)), 'component_warranty_longer')).toEqual([]);
  });
  it('同一项承诺写了两个不同的时限时报错', () => {
    expect(problems(withFacts([arrive('a', 2, '小时'), arrive('b', 4, '小时')]), 'duplicate_promise')).toMatchObject([
      { severity: 'error', field: 'commitments.1' },
    ]);
    expect(
      problems(withFacts([arrive('a', 2, '小时'), arrive('b', 4, '小时', { region: 'county' })]), 'duplicate_promise'),
    ).toEqual([]);
  });
  it('未提供的承诺不参与比较', () => {
    expect(
      problems(
        withFacts([arrive('a', 4, '小时'), { ...arrive('a3', 8, '小时', { level: '三级' }), offered: false }]),
        'exceeds_general_promise',
      ),
    ).toEqual([]);
  });
});

describe('空白、零价格和占位内容是错误', () => {
  it('清空的必填文字报错，不再导出「由担任」', () => {
    const [p] = problems(ctx({ manager_name: ['text', '  '] }), 'blank_value');
    expect(p).toMatchObject({ severity: 'error', field: 'values.manager_name' });
    expect(p!.message).toContain('「项目服务经理」为空');
    expect(p!.message).not.toContain('manager_name');
  });
  it('填写了内容的必填文字不报', () => {
    expect(problems(ctx({ manager_name: ['text', '王建国'] }), 'blank_value')).toEqual([]);
  });
  it('清单中的空白项报错', () => {
    expect(problems(ctx({ doc_list: ['list', ['使用说明书', ' ']] }), 'blank_list_item')).toMatchObject([
      { severity: 'error', params: { item: 2 } },
    ]);
    expect(problems(ctx({ doc_list: ['list', ['使用说明书']] }), 'blank_list_item')).toEqual([]);
  });
  it('表格中只有空格的文字单元格报错，写明行和列', () => {
    const cols = [
      { key: 'item', type: 'text' as const, label: '项目' },
      { key: 'note', type: 'text' as const, label: '说明' },
    ];
    expect(
      problems(ctx({ fee_items: ['table', [{ item: '上门', note: ' ' }], cols] }), 'blank_table_cell'),
    ).toMatchObject([{ severity: 'error', params: { row: 1, column: '说明' } }]);
    expect(problems(ctx({ fee_items: ['table', [{ item: '上门', note: '市区' }], cols] }), 'blank_table_cell')).toEqual(
      [],
    );
  });
  it('承诺的年度服务费为¥0.00时报错', () => {
    const [p] = problems(ctx({ annual_fee: ['money', 0] }), 'zero_price');
    expect(p).toMatchObject({ severity: 'error', field: 'values.annual_fee' });
    expect(p!.message).toContain('「年度维保服务费」为 ¥0.00');
    expect(problems(ctx({ annual_fee: ['money', 2_800_000] }), 'zero_price')).toEqual([]);
  });
  it('承诺中的收费为0且未注明免费时报错；注明免费时不报', () => {
    expect(
      problems(withFacts([{ id: 'fee', kind: 'onsite_fee', amount: '0.00', per: '次' }]), 'zero_price'),
    ).toHaveLength(1);
    expect(problems(withFacts([{ id: 'fee', kind: 'onsite_fee', free: true }]), 'zero_price')).toEqual([]);
  });
  it('承诺中写明的服务时间仍是“待定”时报错', () => {
    expect(
      problems(withFacts([{ id: 'h', kind: 'service_hours', schedule: 'stated', text: '待定' }]), 'placeholder_value'),
    ).toMatchObject([{ severity: 'error', field: 'commitments.0' }]);
    expect(
      problems(
        withFacts([{ id: 'h', kind: 'service_hours', schedule: 'stated', text: '工作日9:00–18:00' }]),
        'placeholder_value',
      ),
    ).toEqual([]);
  });
  it('每个问题只报一次：同一个值既是变量又是承诺时不重复', () => {
    const all = runChecks(
      ctx({ onsite_arrival: ['duration', h(4)], minor_arrival: ['duration', h(8)], annual_fee: ['money', 0] }),
    );
    const keys = all.map((p) => `${p.code}|${p.field}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
