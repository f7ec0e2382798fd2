// Clauses render facts: {{#fact}} keeps a sentence only when the promise is made, {{promise}} and {{figure}} print it.
// And the 偏离表 reads facts on its own, with no service plan beside it.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { assemble } from '@core/assemble/assemble.js';
import type { Commitment } from '@core/commitments/schema.js';
import type { Project } from '@core/model/project.js';
import { clause, library, project, textOf } from '../helpers/library.js';
import { templatesDir } from '../helpers/paths.js';

const BODY = [
  '我公司承诺：',
  '',
  '{{#fact "arrive"}}',
  '1. **现场到达**：{{promise "arrive"}}。',
  '{{/fact}}',
  '{{#fact "fix"}}',
  '1. **故障修复**：{{promise "fix"}}。',
  '{{/fact}}',
  '{{#fact "standby"}}',
  '1. **备用设备**：{{promise "standby"}}。',
  '{{/fact}}',
  '{{#fact "hotline_hours"}}',
  '1. **服务时间**：{{promise "hotline_hours"}}。',
  '{{/fact}}',
].join('\n');

const lib = library([{ title: '服务承诺', clauses: [clause('promises', BODY)] }]);
const FACTS: Commitment[] = [
  { id: 'arrive', kind: 'arrive', offered: true, within: { value: 2, unit: '小时' }, from: 'notice' },
  { id: 'fix', kind: 'fix', offered: true, within: { value: 24, unit: '小时' }, from: 'arrival' },
  { id: 'standby', kind: 'standby', offered: false, within: { value: 48, unit: '小时' }, from: 'arrival' },
  {
    id: 'hotline_hours',
    kind: 'service_hours',
    offered: true,
    schedule: 'stated',
    text: '工作日9:00–18:00',
    scope: { channel: 'hotline' },
  },
];
const render = (facts: Commitment[]) => assemble(project({}, { commitments: facts }), lib);

describe('条款读取承诺', () => {
  it('条款印出承诺的完整说法：「自接到报修通知起2小时内到达现场」', () => {
    const a = render(FACTS);
    expect(a.problems).toEqual([]);
    expect(textOf(a.document.blocks)).toContain('1.现场到达：自接到报修通知起2小时内到达现场。');
    expect(textOf(a.document.blocks)).toContain('2.故障修复：工程师到达现场后24小时内排除故障，恢复设备正常运行。');
  });
  it('未提供的承诺不留下句子，后面的编号随之接上', () => {
    const text = textOf(render(FACTS).document.blocks);
    expect(text).not.toContain('备用设备');
    expect(text).not.toContain('48小时');
    expect(text).toContain('3.服务时间：服务热线的服务时间为工作日9:00–18:00。');
  });
  it('项目中没有的承诺视为未提供', () => {
    const text = textOf(render(FACTS.filter((f) => f.id !== 'fix')).document.blocks);
    expect(text).not.toContain('故障修复');
  });
  it('办公时间的热线不会被写成 7×24', () => {
    expect(textOf(render(FACTS).document.blocks)).not.toContain('7×24');
  });
  it('在 {{#fact}} 之外引用未提供的承诺时报错，而不是印出半句话', () => {
    const bad = library([{ title: '服务承诺', clauses: [clause('bad', '备用设备：{{promise "standby"}}。')] }]);
    const a = assemble(project({}, { commitments: FACTS }), bad);
    expect(a.problems.map((p) => p.code)).toEqual(['template']);
    expect(a.problems[0]!.message).toContain('standby');
  });
  it('条款引用拼错的承诺编号时报错，而不是悄悄删去句子', () => {
    const typo = library([
      { title: '服务承诺', clauses: [clause('typo', '{{#fact "arive"}}到场：{{promise "arive"}}。{{/fact}}')] },
    ]);
    const a = assemble(project({}, { commitments: FACTS }), typo);
    expect(a.problems.map((p) => p.code)).toEqual(['template']);
    expect(a.problems[0]!.message).toContain('未知的承诺编号「arive」');
  });
  it('{{figure}} 只印数值', () => {
    const a = assemble(
      project({}, { commitments: FACTS }),
      library([{ title: '甲', clauses: [clause('f', '到场时限：{{figure "arrive"}}。')] }]),
    );
    expect(textOf(a.document.blocks)).toContain('到场时限：2小时。');
  });
  it('繁体输出也由同一承诺生成', () => {
    const a = assemble(project({}, { commitments: FACTS, script: 'hant' }), lib);
    expect(textOf(a.document.blocks)).toContain('自接到報修通知起2小時內到達現場');
  });
});

describe('偏离表单独成文', () => {
  const alone = (over: Partial<Project>): Project => ({
    schema: 1,
    name: 'dev',
    title: '某项目售后服务偏离表',
    blueprint: 'deviation-table',
    projectNo: '',
    bidder: '华瑞康泰机电设备有限公司',
    date: '2026-11-24',
    script: 'hans',
    values: {},
    ...over,
  });
  const api = () => createLocalClient(createHandlers({ templatesDir }));

  it('要求关联承诺即可计算偏离，不需要售后服务方案：24小时对3个工作日为正偏离', async () => {
    const project = alone({
      commitments: [{ id: 'fix', kind: 'fix', offered: true, within: { value: 24, unit: '小时' }, from: 'arrival' }],
      requirements: [
        {
          item: '3.3',
          text: '到场后3个工作日内排除故障',
          op: '<=',
          value: 3,
          unit: '工作日',
          star: false,
          fact: 'fix',
        },
      ],
    });
    const r = await api().preview({ project });
    expect(r.deviations.map((d) => [d.deviation, d.response, d.note])).toEqual([
      ['正偏离', '到场后24小时内排除故障', '我方承诺的时限短于招标文件要求'],
    ]);
    expect(textOf(r.document.blocks)).not.toMatch(/折算|每日8小时/);
  });

  it('旧项目的变量也能作为承诺被偏离表读取，不报“变量不存在”或“未使用”', () => {
    const project = alone({
      values: { onsite_arrival: { value: 4, unit: '小时' } },
      requirements: [
        {
          item: '3.2',
          text: '接到通知后2小时内到达现场',
          op: '<=',
          value: 2,
          unit: '小时',
          star: false,
          key: 'onsite_arrival',
          accepted: '项目位于山区',
        },
      ],
    });
    return api()
      .preview({ project })
      .then((r) => {
        expect(r.deviations[0]).toMatchObject({ deviation: '负偏离', note: '负偏离原因：项目位于山区' });
        expect(r.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'negative_deviation']]);
      });
  });

  it('承诺未提供时，关联它的要求为负偏离', () => {
    const project = alone({
      commitments: [
        { id: 'standby', kind: 'standby', offered: false, within: { value: 24, unit: '小时' }, from: 'arrival' },
      ],
      requirements: [
        {
          item: '3.5',
          text: '24小时内无法修复的，提供备用设备',
          op: '<=',
          value: 24,
          unit: '小时',
          star: false,
          fact: 'standby',
        },
      ],
    });
    return api()
      .preview({ project })
      .then((r) => {
        expect(r.deviations[0]).toMatchObject({ deviation: '负偏离', response: '我方不作此项承诺' });
        expect(r.problems.find((p) => p.code === 'negative_deviation')?.severity).toBe('error');
      });
  });

  it('关联了不存在的承诺时提醒写作者', async () => {
    const r = await api().preview({
      project: alone({
        requirements: [
          { item: '', text: '2小时内到场', op: '<=', value: 2, unit: '小时', star: false, fact: 'arrive' },
        ],
      }),
    });
    expect(r.deviations[0]).toMatchObject({ issue: 'unknown_fact' });
  });
});
