// Every check rule, both ways: it fires on the contradiction and stays quiet on consistent figures.
import { describe, expect, it } from 'vitest';
import { RULES, runChecks, type CheckContext } from '@core/check/rules.js';
import type { Block } from '@core/model/document.js';
import type { ClauseVersion } from '@core/model/library.js';
import { requirementSchema, type Requirement } from '@core/deviation/schema.js';
import type { Column, Duration, DurationUnit } from '@core/model/variables.js';
import { checkContext, type Spec } from '../helpers/checkContext.js';

const h = (value: number, unit: DurationUnit = '小时'): Duration => ({ value, unit });

const ctx = (spec: Spec, over: Partial<CheckContext> = {}) => checkContext(spec, over);
const codes = (c: CheckContext) => runChecks(c).map((p) => p.code);

// Read as facts (core/commitments/legacy.ts): a level's time against the general promise, and so on.
const pairs: [string, string, string][] = [
  ['response_after_arrival', 'response_time', 'onsite_arrival'],
  ['exceeds_general_promise', 'critical_arrival', 'onsite_arrival'],
  ['exceeds_general_promise', 'critical_resolution', 'resolution_time'],
  ['exceeds_general_promise', 'major_resolution', 'resolution_time'],
  ['exceeds_general_promise', 'minor_arrival', 'onsite_arrival'],
  ['severity_order', 'critical_resolution', 'major_resolution'],
  ['standby_after_resolution', 'standby_after', 'resolution_time'],
  ['complaint_reply_after_close', 'complaint_response', 'complaint_close'],
];

describe('时限矛盾', () => {
  it.each(pairs)('%s: fires when %s is longer than %s', (code, a, b) => {
    const problems = runChecks(ctx({ [a]: ['duration', h(1, '天')], [b]: ['duration', h(2)] }));
    expect(problems.map((p) => p.code)).toContain(code);
    expect(problems.find((p) => p.code === code)?.field).toBe(`values.${a}`);
  });
  it.each(pairs)('%s: quiet when %s is not longer than %s', (code, a, b) => {
    expect(codes(ctx({ [a]: ['duration', h(30, '分钟')], [b]: ['duration', h(2)] }))).not.toContain(code);
  });
  it('一级故障到场时间长于总承诺时报错，并写明两个数字', () => {
    const [p] = runChecks(ctx({ critical_arrival: ['duration', h(4)], onsite_arrival: ['duration', h(2)] }));
    expect(p).toMatchObject({ severity: 'error', code: 'exceeds_general_promise' });
    expect(p!.message).toContain('4小时');
    expect(p!.message).toContain('2小时');
  });
  it('承诺修复早于到场时报错', () => {
    expect(codes(ctx({ resolution_from_report: ['duration', h(1)], onsite_arrival: ['duration', h(2)] }))).toContain(
      'resolution_before_arrival',
    );
    expect(
      codes(ctx({ resolution_from_report: ['duration', h(8)], onsite_arrival: ['duration', h(2)] })),
    ).not.toContain('resolution_before_arrival');
  });
});

describe('日期', () => {
  const schedule = (date: string) => [{ session: '操作培训', date }];
  it('培训日期早于验收时报错，写明行号', () => {
    const p = runChecks(
      ctx({ acceptance_date: ['date', '2027-01-20'], training_schedule: ['table', schedule('2027-01-10')] }),
    );
    expect(p.find((x) => x.code === 'training_before_acceptance')?.message).toContain('第1行');
  });
  it('培训在验收之后不报错', () => {
    expect(
      codes(ctx({ acceptance_date: ['date', '2027-01-20'], training_schedule: ['table', schedule('2027-01-21')] })),
    ).not.toContain('training_before_acceptance');
  });
  it('验收日期早于文件日期时提醒', () => {
    expect(codes(ctx({ acceptance_date: ['date', '2026-01-01'] }))).toContain('acceptance_before_bid');
    expect(codes(ctx({ acceptance_date: ['date', '2027-01-01'] }))).not.toContain('acceptance_before_bid');
  });
  it('协议终止日期早于起始日期时报错', () => {
    expect(codes(ctx({ term_start: ['date', '2027-01-01'], term_end: ['date', '2026-12-31'] }))).toContain(
      'end_before_start',
    );
    expect(codes(ctx({ term_start: ['date', '2027-01-01'], term_end: ['date', '2027-12-31'] }))).not.toContain(
      'end_before_start',
    );
  });
});

describe('保修期与表格', () => {
  it('部件保修期长于整机时报错', () => {
    expect(
      runChecks(ctx({ whole_unit_months: ['integer', 12], compressor_months: ['integer', 72] })).find(
        (p) => p.code === 'component_warranty_longer',
      )?.severity,
    ).toBe('error');
    expect(codes(ctx({ whole_unit_months: ['integer', 72], compressor_months: ['integer', 72] }))).not.toContain(
      'component_warranty_longer',
    );
  });
  const fee: Column[] = [
    { key: 'item', type: 'text', label: '项目' },
    { key: 'price', type: 'money', label: '单价' },
  ];
  it('收费表中价格为零的行报错', () => {
    expect(codes(ctx({ fee_items: ['table', [{ item: '上门', price: 0 }], fee] }))).toContain('row_without_price');
    expect(codes(ctx({ fee_items: ['table', [{ item: '上门', price: 30000 }], fee] }))).not.toContain(
      'row_without_price',
    );
  });
  it('空表格报错', () => {
    expect(codes(ctx({ fee_items: ['table', [], fee] }))).toContain('empty_table');
    expect(codes(ctx({ fee_items: ['table', [{ item: '上门', price: 30000 }], fee] }))).not.toContain('empty_table');
  });
  it('百分比超过100%时报错', () => {
    expect(codes(ctx({ satisfaction_target: ['percent', 120] }))).toContain('percent_over_100');
    expect(codes(ctx({ satisfaction_target: ['percent', 98] }))).not.toContain('percent_over_100');
  });
});

describe('文本完整性', () => {
  it.each(['待定', 'XXX', 'TBD', '＊＊', '另议', '王XX', '___'])('值里仍有占位内容「%s」时报错', (text) => {
    expect(runChecks(ctx({ manager_name: ['text', text] })).find((p) => p.code === 'placeholder_value')?.severity).toBe(
      'error',
    );
  });
  it.each(['王建国', 'Maxx Service', 'TBDX公司'])('正常的值「%s」不算占位内容', (text) => {
    expect(codes(ctx({ manager_name: ['text', text] }))).not.toContain('placeholder_value');
  });
  it('输出里残留 {{ }} 时报错', () => {
    const c = ctx({});
    c.document.blocks.push({ kind: 'paragraph', runs: [{ text: '响应时间{{response_time}}' }] });
    expect(codes(c)).toContain('unresolved_placeholder');
    expect(codes(ctx({}))).not.toContain('unresolved_placeholder');
  });
  it('没有内容的章节报错', () => {
    const c = ctx({});
    c.emptySections = [{ title: '保修条款', printed: '二、保修条款' }];
    const p = runChecks(c).find((x) => x.code === 'empty_section');
    expect(p?.section).toBe('保修条款');
    expect(p?.message).toBe('「二、保修条款」一节没有内容');
    expect(codes(ctx({}))).not.toContain('empty_section');
  });
  it('使用未批准的条款时提醒', () => {
    const clause = {
      id: 'x',
      title: '服务承诺',
      variant: '标准',
      version: 2,
      status: 'draft',
      variables: [],
    } as unknown as ClauseVersion;
    expect(codes(ctx({}, { sections: [{ title: '服务承诺', clauses: [clause] }] }))).toContain('unapproved_clause');
    expect(
      codes(ctx({}, { sections: [{ title: '服务承诺', clauses: [{ ...clause, status: 'approved' }] }] })),
    ).not.toContain('unapproved_clause');
  });
});

it('has at least 12 rules, each with a unique code', () => {
  expect(RULES.length).toBeGreaterThanOrEqual(12);
  expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
});

describe('文档文字', () => {
  const withBlocks = (...blocks: Block[]) => {
    const c = ctx({});
    c.document.blocks.push(...blocks);
    return c;
  };
  it('只有表头没有内容行的表格报错，并指出所在章节', () => {
    const p = runChecks(
      withBlocks({ kind: 'table', header: ['序号', '要求'], align: ['left', 'left'], rows: [] }),
    ).find((x) => x.code === 'table_without_rows');
    expect(p).toMatchObject({ severity: 'error', section: '服务承诺' });
    expect(
      codes(
        withBlocks({ kind: 'table', header: ['序号', '要求'], align: ['left', 'left'], rows: [['1', '2小时到场']] }),
      ),
    ).not.toContain('table_without_rows');
  });
  it('引用了不存在的附件时报错，写明引用的名称', () => {
    const p = runChecks(ctx({}, { annexRefs: [{ ref: '报价清单', section: '服务承诺', clause: 'c' }] })).find(
      (x) => x.code === 'unresolved_annex_ref',
    );
    expect(p).toMatchObject({ severity: 'error', clause: 'c' });
    expect(p?.message).toContain('报价清单');
    expect(codes(ctx({}, { annexRefs: [{ ref: '偏离表', resolved: '附件1' }] }))).not.toContain('unresolved_annex_ref');
  });
  it('大写金额与数字不符时报错，给出正确的大写', () => {
    const p = runChecks(
      withBlocks({ kind: 'paragraph', runs: [{ text: '年度服务费为¥28,000.00（人民币贰万伍仟元整）。' }] }),
    ).find((x) => x.code === 'rmb_mismatch');
    expect(p?.message).toContain('人民币贰万捌仟元整');
    expect(
      codes(withBlocks({ kind: 'paragraph', runs: [{ text: '年度服务费为¥28,000.00（人民币贰万捌仟元整）。' }] })),
    ).not.toContain('rmb_mismatch');
  });
  it.each([
    ['每台80.00元（大写：人民币捌拾伍元整）', true],
    ['每台80.00元（大写：人民币捌拾元整）', false],
    ['¥1,005.50（人民幣壹仟零伍元伍角）', false],
    ['¥1,005.50（人民幣壹仟零伍元）', true],
  ])('大写金额核对：%s → 报错 %s', (text, fires) => {
    expect(codes(withBlocks({ kind: 'paragraph', runs: [{ text }] })).includes('rmb_mismatch')).toBe(fires);
  });
});

describe('跨文件（投标文件包）', () => {
  it('安装服务商的到场时限宽于对采购人的承诺时报错', () => {
    expect(codes(ctx({ installer_arrival: ['duration', h(4)], onsite_arrival: ['duration', h(2)] }))).toContain(
      'installer_arrival_looser',
    );
    expect(codes(ctx({ installer_arrival: ['duration', h(2)], onsite_arrival: ['duration', h(2)] }))).not.toContain(
      'installer_arrival_looser',
    );
  });
  it('安装服务商的修复时限宽于对采购人的承诺时报错', () => {
    expect(
      codes(ctx({ installer_resolution: ['duration', h(2, '天')], resolution_time: ['duration', h(24)] })),
    ).toContain('installer_resolution_looser');
    expect(
      codes(ctx({ installer_resolution: ['duration', h(12)], resolution_time: ['duration', h(24)] })),
    ).not.toContain('installer_resolution_looser');
  });
  it('保修卡整机保修期与方案不一致时报错', () => {
    expect(codes(ctx({ whole_unit_months: ['integer', 24], warranty_months: ['integer', 36] }))).toContain(
      'card_warranty_mismatch',
    );
    expect(codes(ctx({ whole_unit_months: ['integer', 36], warranty_months: ['integer', 36] }))).not.toContain(
      'card_warranty_mismatch',
    );
  });
});

describe('偏离表', () => {
  const arrival = { onsite_arrival: ['duration', h(4)] } as Spec;
  const withReqs = (spec: Spec, requirements: Partial<Requirement>[]) => {
    const c = ctx(spec);
    return {
      ...c,
      project: {
        ...c.project,
        requirements: requirements.map((r) => requirementSchema.parse({ text: '接到通知后2小时内到达现场', ...r })),
      },
    };
  };
  const measurable = { op: '<=' as const, value: 2, unit: '小时', key: 'onsite_arrival' };
  it('负偏离且未注明理由时报错', () => {
    const p = runChecks(withReqs(arrival, [measurable])).find((x) => x.code === 'negative_deviation');
    expect(p).toMatchObject({ severity: 'error', field: 'requirements.0' });
    expect(codes(withReqs(arrival, [{ ...measurable, value: 4 }]))).not.toContain('negative_deviation');
  });
  it('已接受的负偏离仍以提醒显示，写明理由', () => {
    const p = runChecks(withReqs(arrival, [{ ...measurable, accepted: '项目现场位于山区' }])).find(
      (x) => x.code === 'negative_deviation',
    );
    expect(p).toMatchObject({ severity: 'warning', field: 'requirements.0' });
    expect(p?.message).toContain('项目现场位于山区');
  });
  it('★条款负偏离报废标风险；注明理由后仍提醒', () => {
    const p = runChecks(withReqs(arrival, [{ ...measurable, star: true }])).find(
      (x) => x.code === 'star_negative_deviation',
    );
    expect(p).toMatchObject({ severity: 'error' });
    expect(p?.message).toContain('废标');
    expect(
      runChecks(withReqs(arrival, [{ ...measurable, star: true, accepted: '理由' }])).find(
        (x) => x.code === 'star_negative_deviation',
      )?.severity,
    ).toBe('warning');
    expect(codes(withReqs(arrival, [{ ...measurable, star: true, value: 8 }]))).not.toContain(
      'star_negative_deviation',
    );
  });
  it('关联不存在的变量时报错', () => {
    expect(codes(withReqs(arrival, [{ ...measurable, key: 'arrival_typo' }]))).toContain(
      'requirement_unknown_variable',
    );
    expect(codes(withReqs(arrival, [measurable]))).not.toContain('requirement_unknown_variable');
  });
  it('无法计算且未注明偏离的要求提醒写作者确认', () => {
    expect(codes(withReqs(arrival, [{ text: '提供7×24小时服务热线' }]))).toContain('deviation_unconfirmed');
    expect(codes(withReqs(arrival, [{ text: '提供7×24小时服务热线', deviation: '无偏离' }]))).not.toContain(
      'deviation_unconfirmed',
    );
  });
});

it('每条规则在本文件中都有正反两方面的测试', () => {
  const tested = [
    ...pairs.map((p) => p[0]),
    ...[
      'resolution_before_arrival',
      'training_before_acceptance',
      'acceptance_before_bid',
      'end_before_start',
      'component_warranty_longer',
      'row_without_price',
      'empty_table',
      'percent_over_100',
    ],
    ...['region_order', 'duplicate_promise', 'blank_value', 'blank_list_item', 'blank_table_cell', 'zero_price'], // test/commitments/fact-checks.test.ts
    ...[
      'complaint_reply_after_visit',
      'complaint_visit_after_close',
      'free_with_price',
      'zero_figure',
      'blank_fact_text',
      'requirement_text',
      'project_placeholder',
      'percent_not_positive',
      'installer_deadline_looser',
    ], // test/check/*.test.ts
    ...['mandated_column_blank', 'mandated_blank_unfilled'], // test/tender/mandated.test.ts, mandated-blanks.test.ts
    'undecided_figure', // test/cli/new-figures.test.ts
    'unconfirmed_figure', // test/check/unconfirmed.test.ts
    ...[
      'placeholder_value',
      'unresolved_placeholder',
      'empty_section',
      'unapproved_clause',
      'table_without_rows',
      'unresolved_annex_ref',
      'rmb_mismatch',
    ],
    ...[
      'installer_arrival_looser',
      'installer_resolution_looser',
      'card_warranty_mismatch',
      'negative_deviation',
      'star_negative_deviation',
      'requirement_unknown_variable',
      'deviation_unconfirmed',
    ],
  ];
  expect(RULES.map((r) => r.code).filter((c) => !tested.includes(c))).toEqual([]);
});
