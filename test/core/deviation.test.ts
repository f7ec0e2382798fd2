// The deviation table: figures compared with unit conversion, the table's cells, and recognition of tender text.
import { describe, expect, it } from 'vitest';
import { compareFigures, deviationTableCells, evaluateRequirements, responseText } from '@core/deviation/compute.js';
import { findQuantities, parseChineseNumber } from '@core/deviation/quantities.js';
import { recognizeRequirements } from '@core/deviation/recognize.js';
import { requirementSchema, type Requirement, type RequirementOp } from '@core/deviation/schema.js';
import { comparable, normalizeUnit } from '@core/deviation/units.js';
import type { Value, VariableDecl } from '@core/model/variables.js';

const q = (value: number, unit: string) => ({ value, unit });

describe('偏离计算 compareFigures', () => {
  const cases: [string, RequirementOp, [number, string], [number, string], string][] = [
    // Limits (≤): a shorter time is better.
    ['响应 30分钟 对 要求 2小时内', '<=', [2, '小时'], [30, '分钟'], '正偏离'],
    ['到场 2小时 对 要求 2小时内', '<=', [2, '小时'], [2, '小时'], '无偏离'],
    ['到场 4小时 对 要求 2小时内', '<=', [2, '小时'], [4, '小时'], '负偏离'],
    // A 工作日 is a day, never 8 hours: the tender's working days at their shortest (one calendar day each), ours at
    // their longest (with the weekends and public holidays they may straddle). These rows replace the old
    // "工作日 = 8 hours" cases.
    ['24小时对3个工作日为正偏离', '<=', [3, '工作日'], [24, '小时'], '正偏离'],
    ['24小时对2个工作日为正偏离', '<=', [2, '工作日'], [24, '小时'], '正偏离'],
    ['24小时对1个工作日为无偏离（至少一整天）', '<=', [1, '工作日'], [24, '小时'], '无偏离'],
    ['我方3个工作日对要求72小时内为负偏离（可能跨周末）', '<=', [72, '小时'], [3, '工作日'], '负偏离'],
    ['我方5个工作日对要求7天内为负偏离（遇国庆、春节长假远超7天）', '<=', [7, '天'], [5, '工作日'], '负偏离'],
    ['我方5个工作日对要求20天内为正偏离（遇长假最长16天）', '<=', [20, '天'], [5, '工作日'], '正偏离'],
    ['我方6个工作日对要求7天内为负偏离', '<=', [7, '天'], [6, '工作日'], '负偏离'],
    ['我方2天对要求2个工作日内为无偏离', '<=', [2, '工作日'], [2, '天'], '无偏离'],
    ['我方1个月对要求30天内为负偏离（一个月可能有31天）', '<=', [30, '天'], [1, '个月'], '负偏离'],
    ['我方1周对要求7天内为无偏离', '<=', [7, '天'], [1, '周'], '无偏离'],
    ['到场 1天 对 要求 24小时内', '<=', [24, '小时'], [1, '天'], '无偏离'],
    ['到场 2天 对 要求 1个工作日内（按天数）', '<=', [1, '工作日'], [2, '天'], '负偏离'],
    ['培训 5天 对 要求 不少于5个工作日（按天数，不按小时）', '>=', [5, '工作日'], [5, '天'], '无偏离'],
    ['质保 1年 对 要求 不少于360天', '>=', [360, '天'], [1, '年'], '正偏离'],
    // Minimums (≥): a longer period is better.
    ['质保 36个月 对 要求 不少于3年', '>=', [3, '年'], [36, '个月'], '无偏离'],
    ['质保 5年 对 要求 不少于36个月', '>=', [36, '个月'], [5, '年'], '正偏离'],
    ['质保 24个月 对 要求 不少于3年', '>=', [3, '年'], [24, '个月'], '负偏离'],
    ['培训 4天 对 要求 不少于5天', '>=', [5, '天'], [4, '天'], '负偏离'],
    ['巡检 4次 对 要求 不少于2次', '>=', [2, '次'], [4, '次'], '正偏离'],
    ['满意度 98% 对 要求 不低于95%', '>=', [95, '%'], [98, '%'], '正偏离'],
    ['质保 400天 对 要求 不少于1年（按日折算）', '>=', [1, '年'], [400, '天'], '正偏离'],
    // Exact (=) without a direction: only the figure itself.
    ['一式 3份 对 要求 3份', '=', [3, '份'], [3, '份'], '无偏离'],
    ['一式 4份 对 要求 3份', '=', [3, '份'], [4, '份'], '负偏离'],
  ];
  it.each(cases)('%s → %s', (_name, op, req, ours, expected) => {
    expect(compareFigures(op, q(...req), q(...ours))?.deviation).toBe(expected);
  });

  it('“=”要求写明方向时按方向判断：要求响应时间为2小时、承诺1小时为正偏离', () => {
    expect(compareFigures('=', q(2, '小时'), q(1, '小时'), 'lower')?.deviation).toBe('正偏离');
    expect(compareFigures('=', q(2, '小时'), q(3, '小时'), 'lower')?.deviation).toBe('负偏离');
  });

  it('不少于：我方1个月对要求30天为负偏离（一个月可能只有28天）；12个月对365天为无偏离', () => {
    expect(compareFigures('>=', q(30, '天'), q(1, '个月'))?.deviation).toBe('负偏离');
    expect(compareFigures('>=', q(365, '天'), q(12, '个月'))?.deviation).toBe('无偏离');
  });

  it('培训不少于16小时对我方2个工作日：天数与小时无法稳妥比较，由写作者说明', () => {
    expect(compareFigures('>=', q(16, '小时'), q(2, '工作日'))).toBeUndefined();
  });

  it('单位无法换算（次 对 人）时不给出结论', () => {
    expect(compareFigures('>=', q(2, '次'), q(3, '人'))).toBeUndefined();
  });
});

describe('单位', () => {
  it.each([
    ['日', '天'],
    ['个工作日', '工作日'],
    ['月', '个月'],
    ['h', '小时'],
    ['％', '%'],
    ['台', '台'],
  ])('%s 归一为 %s', (raw, unit) => expect(normalizeUnit(raw)).toBe(unit));

  it('年与月精确换算（1年 = 12个月），不经过天数近似', () => {
    expect(comparable(q(1, '年'), q(12, '个月'))).toMatchObject({ ours: 12, required: 12, basis: 'months' });
  });
});

describe('数值识别', () => {
  it.each([
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十四', 24],
    ['一百二十', 120],
    ['两', 2],
  ])('%s = %i', (s, n) => expect(parseChineseNumber(s)).toBe(n));

  it('找出文字中带单位的数字及其位置', () => {
    expect(findQuantities('质保期三年，2小时内到场')).toEqual([
      { value: 3, unit: '年', start: 3, end: 5 },
      { value: 2, unit: '小时', start: 6, end: 9 },
    ]);
  });
});

const decl = (key: string, type: VariableDecl['type'], unit?: string): VariableDecl => ({
  key,
  type,
  label: key,
  required: true,
  ...(unit ? { unit } : {}),
});
const req = (r: Partial<Requirement> & { text: string }): Requirement => requirementSchema.parse(r);

describe('evaluateRequirements', () => {
  const decls = new Map<string, VariableDecl>([
    ['onsite_arrival', decl('onsite_arrival', 'duration')],
    ['warranty_months', decl('warranty_months', 'integer', '个月')],
    ['hotline', decl('hotline', 'text')],
    ['annual_fee', decl('annual_fee', 'money')],
  ]);
  const values = new Map<string, Value>([
    ['onsite_arrival', { value: 4, unit: '小时' }],
    ['warranty_months', 36],
    ['hotline', '400-800-1234'],
    ['annual_fee', 2_800_000],
  ]);

  it('应答由招标原文替换为我方数值生成，偏离自动计算', () => {
    const [row] = evaluateRequirements(
      [req({ text: '质保期不少于3年', op: '>=', value: 3, unit: '年', key: 'warranty_months' })],
      decls,
      values,
    );
    expect(row).toMatchObject({ index: 1, response: '质保期不少于36个月', deviation: '无偏离', source: 'computed' });
  });

  it('写作者对有数值的要求填写的偏离被忽略，以计算结果为准', () => {
    const [row] = evaluateRequirements(
      [req({ text: '2小时内到达现场', op: '<=', value: 2, unit: '小时', key: 'onsite_arrival', deviation: '正偏离' })],
      decls,
      values,
    );
    expect(row?.deviation).toBe('负偏离');
  });

  it('接受的负偏离把理由写进说明栏', () => {
    const [row] = evaluateRequirements(
      [
        req({
          text: '2小时内到达现场',
          op: '<=',
          value: 2,
          unit: '小时',
          key: 'onsite_arrival',
          accepted: '项目地点距服务网点120公里',
        }),
      ],
      decls,
      values,
    );
    expect(row?.note).toBe('负偏离原因：项目地点距服务网点120公里');
  });

  it('正偏离的说明栏用平实的话说明，不写工作日的折算口径', () => {
    const [row] = evaluateRequirements(
      [req({ text: '1个工作日内到达现场', op: '<=', value: 1, unit: '工作日', key: 'onsite_arrival' })],
      decls,
      values,
    );
    expect(row).toMatchObject({ deviation: '正偏离', note: '我方承诺的时限短于招标文件要求' });
    expect(row?.note).not.toMatch(/折算|小时/);
  });

  it('项目的 workingDayHours 不再把工作日折成小时', () => {
    const [row] = evaluateRequirements(
      [req({ text: '3个工作日内排除故障', op: '<=', value: 3, unit: '工作日', key: 'onsite_arrival' })],
      decls,
      new Map<string, Value>([['onsite_arrival', { value: 24, unit: '小时' }]]),
      { workingDayHours: 8 },
    );
    expect(row?.deviation).toBe('正偏离');
  });

  it.each([
    ['未关联变量', { text: '2小时内到达现场', op: '<=' as const, value: 2, unit: '小时' }, 'unlinked'],
    [
      '关联的变量不存在',
      { text: '2小时内到达现场', op: '<=' as const, value: 2, unit: '小时', key: 'nope' },
      'unknown_variable',
    ],
    [
      '关联了文字变量',
      { text: '不少于2条热线', op: '>=' as const, value: 2, unit: '条', key: 'hotline' },
      'not_measurable',
    ],
    ['单位无法换算', { text: '服务费不少于2次', op: '>=' as const, value: 2, unit: '次', key: 'annual_fee' }, 'units'],
    ['文字要求', { text: '提供7×24小时服务热线' }, 'free_text'],
  ])('%s：不给出偏离，标明原因', (_n, r, issue) => {
    const [row] = evaluateRequirements([req(r)], decls, values);
    expect(row).toMatchObject({ issue, source: 'none' });
    expect(row?.deviation).toBeUndefined();
  });

  it('文字要求采用写作者的判断和应答', () => {
    const [row] = evaluateRequirements(
      [req({ text: '提供7×24小时服务热线', key: 'hotline', deviation: '无偏离' })],
      decls,
      values,
    );
    expect(row).toMatchObject({ deviation: '无偏离', source: 'manual', response: '400-800-1234' });
  });

  it('偏离表单元格：★ 标在要求前，无结论的写“待确认”', () => {
    const rows = evaluateRequirements(
      [
        req({
          item: '3.2',
          text: '2小时内到达现场',
          op: '<=',
          value: 2,
          unit: '小时',
          key: 'onsite_arrival',
          star: true,
        }),
        req({ text: '提供热线' }),
      ],
      decls,
      values,
    );
    expect(deviationTableCells(rows)).toEqual([
      {
        no: '1',
        item: '3.2',
        requirement: '★2小时内到达现场',
        response: '4小时内到达现场',
        deviation: '负偏离',
        note: '',
      },
      { no: '2', item: '', requirement: '提供热线', response: '', deviation: '待确认', note: '' },
    ]);
  });

  it('应答找不到原文中的数字时只写我方数值', () => {
    expect(responseText(req({ text: '到场及时', op: '<=', value: 2, unit: '小时' }), q(1, '小时'))).toBe('1小时');
  });

  it('op 与 value 必须同时给出', () => {
    expect(requirementSchema.safeParse({ text: 'x', op: '<=' }).success).toBe(false);
  });
});

describe('从招标文件文字识别要求', () => {
  const cases: [string, string | undefined, RequirementOp, number, string][] = [
    ['2小时内响应', 'response_time', '<=', 2, '小时'],
    ['接到报修电话后30分钟内作出响应', 'response_time', '<=', 30, '分钟'],
    ['响应时间不超过1小时', 'response_time', '<=', 1, '小时'],
    ['接到通知后24小时内到达现场', 'onsite_arrival', '<=', 24, '小时'],
    ['到场时间不超过4小时', 'onsite_arrival', '<=', 4, '小时'],
    ['工程师到场后48小时内排除故障', 'resolution_time', '<=', 48, '小时'],
    ['24小时内仍无法修复的，免费提供备用设备', 'standby_after', '<=', 24, '小时'],
    ['质保期不少于3年', 'warranty_months', '>=', 3, '年'],
    ['免费保修期为三年', 'warranty_months', '>=', 3, '年'],
    ['质量保证期不少于36个月', 'warranty_months', '>=', 36, '个月'],
    ['免费培训不少于5天', 'training_days', '>=', 5, '天'],
    ['验收合格后7日内组织培训', 'training_start_within', '<=', 7, '天'],
    ['质保期内每年巡检不少于2次', 'inspection_per_year', '>=', 2, '次'],
    ['每年免费保养不少于两次', 'maintenance_per_year', '>=', 2, '次'],
    ['备品备件供应期不少于10年', 'parts_supply_years', '>=', 10, '年'],
    ['所需备件48小时内送达', 'parts_dispatch_within', '<=', 48, '小时'],
    ['投诉应在2个工作日内答复', 'complaint_response', '<=', 2, '工作日'],
    ['用户满意度不低于95%', 'satisfaction_target', '>=', 95, '%'],
    ['配备专职工程师不少于2名', 'dedicated_engineers', '>=', 2, '人'],
    ['故障排除后3个工作日内提交故障分析报告', 'rca_within', '<=', 3, '工作日'],
    ['设备资料交付不迟于15天', undefined, '<=', 15, '天'],
    ['投标人须提供不少于3年的免费质保服务', 'warranty_months', '>=', 3, '年'],
  ];
  it.each(cases)('“%s” → %s %s %d%s', (text, key, op, value, unit) => {
    const [p] = recognizeRequirements(text);
    expect(p?.recognized).toBe(true);
    expect(p?.requirement).toMatchObject({ text, op, value, unit });
    expect(p?.requirement.key).toBe(key);
  });

  it('7×24小时热线不被当成24小时响应，作为文字要求列出', () => {
    const [p] = recognizeRequirements('提供7×24小时服务热线');
    expect(p).toMatchObject({ recognized: false, requirement: { text: '提供7×24小时服务热线' } });
    expect(p?.requirement.op).toBeUndefined();
  });

  it('一段粘贴的文字：逐行识别条目号和 ★，一句两个时限拆成两行', () => {
    const text = [
      '3.1 ★接到报修后1小时内响应，2小时内到达现场；',
      '3.2 质保期不少于3年，自验收合格之日起计算。',
      '',
      '（3）提供7×24小时服务热线。',
    ].join('\n');
    const rows = recognizeRequirements(text).map((p) => [
      p.requirement.item,
      p.requirement.star,
      p.requirement.text,
      p.requirement.key,
    ]);
    expect(rows).toEqual([
      ['3.1', true, '接到报修后1小时内响应', 'response_time'],
      ['3.1', true, '2小时内到达现场', 'onsite_arrival'],
      ['3.2', false, '质保期不少于3年，自验收合格之日起计算', 'warranty_months'],
      ['（3）', false, '提供7×24小时服务热线', undefined],
    ]);
  });

  it('章标题不作为要求行', () => {
    expect(recognizeRequirements('第四章 售后服务要求\n2小时内响应').map((p) => p.requirement.text)).toEqual([
      '2小时内响应',
    ]);
  });

  it('建议的行都是有效的项目数据', () => {
    for (const p of recognizeRequirements(cases.map((c) => c[0]).join('\n')))
      expect(requirementSchema.safeParse(p.requirement).success).toBe(true);
  });
});
