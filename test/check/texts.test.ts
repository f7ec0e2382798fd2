// Blanks, placeholders, zero figures and self-contradicting fees beyond the variables: in facts, in the 偏离表 and
// in the project's own fields. Each an error, named by its label, never by an internal key.
import { describe, expect, it } from 'vitest';
import { runChecks } from '@core/check/rules.js';
import { factsContext, problemsOf, requirementsContext, valuesContext } from './context.js';

const fee = (more: object) => ({ id: 'onsite_fee', kind: 'onsite_fee', ...more });
const hours = (text: string) => ({
  id: 'hotline_hours',
  kind: 'service_hours',
  schedule: 'stated',
  text,
  scope: { channel: 'hotline' },
});
const warranty = (component: string) => ({
  id: 'warranty_part',
  kind: 'warranty',
  period: { value: 12, unit: '个月' },
  scope: { component },
});
const arrival = { id: 'arrive', kind: 'arrive', within: { value: 2, unit: '小时' }, from: 'notice' };
const requirement = (more: object) => ({
  text: '接到通知后2小时内到达现场',
  op: '<=',
  value: 2,
  unit: '小时',
  fact: 'arrive',
  ...more,
});

describe('承诺中的空白', () => {
  it('写明的服务时间只有空格时报错，说明是哪一部分', () => {
    const [p] = problemsOf(factsContext([hours('  ')]), 'blank_fact_text');
    expect(p).toMatchObject({ severity: 'error', field: 'commitments.0', params: { part: 'text' } });
    expect(p!.message).toBe('「服务热线服务时间」的服务时间说明为空：请填写内容，空白会在文件中留下残缺的句子');
    expect(problemsOf(factsContext([hours('工作日9:00–18:00')]), 'blank_fact_text')).toEqual([]);
  });
  it('承诺的名称只有空格时报错，以默认名称称呼', () => {
    const [p] = problemsOf(factsContext([{ ...arrival, label: ' ' }]), 'blank_fact_text');
    expect(p!.message).toContain('「到达现场时限」的名称为空');
  });
  it('部件保修的部件名称为空时报错', () => {
    expect(problemsOf(factsContext([warranty(' ')]), 'blank_fact_text')).toMatchObject([
      { params: { part: 'component' } },
    ]);
    expect(problemsOf(factsContext([warranty('压缩机')]), 'blank_fact_text')).toEqual([]);
  });
});

describe('承诺中的占位内容', () => {
  it.each([
    ['部件名称', warranty('XXX部件')],
    ['计价单位', fee({ amount: '300.00', per: '待定' })],
    ['故障等级', { ...arrival, scope: { level: 'TBD' } }],
  ])('%s仍是占位内容时报错', (_, fact) => {
    expect(problemsOf(factsContext([fact]), 'placeholder_value')).toMatchObject([
      { severity: 'error', field: 'commitments.0' },
    ]);
  });
  it('正常填写的部件、计价单位和等级不报', () => {
    const facts = [warranty('压缩机'), fee({ amount: '300.00', per: '次' }), { ...arrival, scope: { level: '一级' } }];
    expect(problemsOf(factsContext(facts), 'placeholder_value')).toEqual([]);
  });
});

describe('收费既免费又有金额', () => {
  it('注明免费又写了金额时报错', () => {
    const [p] = problemsOf(factsContext([fee({ free: true, amount: '300.00', per: '次' })]), 'free_with_price');
    expect(p).toMatchObject({ severity: 'error', field: 'commitments.0' });
    expect(p!.message).toBe('「保修期外上门服务费」既注明免费，又写明金额¥300.00：请删去金额，或取消“免费”');
  });
  it('只注明免费、或只写金额时不报', () => {
    expect(problemsOf(factsContext([fee({ free: true })]), 'free_with_price')).toEqual([]);
    expect(problemsOf(factsContext([fee({ amount: '300.00', per: '次' })]), 'free_with_price')).toEqual([]);
  });
});

describe('承诺的数值为零', () => {
  it('到场时间为0小时时报错', () => {
    const [p] = problemsOf(valuesContext({ onsite_arrival: ['duration', { value: 0, unit: '小时' }] }), 'zero_figure');
    expect(p).toMatchObject({ severity: 'error', field: 'values.onsite_arrival' });
    expect(p!.message).toBe('「现场到达时间」为0小时：承诺的数值应大于零；如不作此项承诺，请删去相应条款');
    expect(
      problemsOf(valuesContext({ onsite_arrival: ['duration', { value: 2, unit: '小时' }] }), 'zero_figure'),
    ).toEqual([]);
  });
  it('质保期为0个月时报错；其他整数（如人数以外的计数）为0不报', () => {
    expect(problemsOf(valuesContext({ warranty_months: ['integer', 0] }), 'zero_figure')).toHaveLength(1);
    expect(problemsOf(valuesContext({ warranty_months: ['integer', 36] }), 'zero_figure')).toEqual([]);
    expect(problemsOf(valuesContext({ spare_units: ['integer', 0] }), 'zero_figure')).toEqual([]);
  });
});

describe('变量中的占位内容', () => {
  it.each(['××有限公司', '某某', '（请填写）', '□□市', '待填'])('「%s」是占位内容，报错', (text) => {
    expect(problemsOf(valuesContext({ manager_title: ['text', text] }), 'placeholder_value')).toMatchObject([
      { severity: 'error', params: { label: '服务经理职务' } },
    ]);
  });
  it.each(['7×24小时', '二〇〇八年', '3×8小时轮班', '某型号'])('「%s」不是占位内容', (text) => {
    expect(problemsOf(valuesContext({ manager_title: ['text', text] }), 'placeholder_value')).toEqual([]);
  });
});

describe('必填清单', () => {
  it('必填的清单一项也没有时报错；选填的不报', () => {
    const list = (required: boolean) => {
      const c = valuesContext({ doc_list: ['list', []] });
      c.decls.set('doc_list', { ...c.decls.get('doc_list')!, required });
      return c;
    };
    expect(problemsOf(list(true), 'blank_value')).toMatchObject([{ severity: 'error', field: 'values.doc_list' }]);
    expect(problemsOf(list(false), 'blank_value')).toEqual([]);
  });
});

describe('选填文字', () => {
  it('选填的文字只有空格时也报错（会印出空白）；留空不报', () => {
    const optional = (v: string) => {
      const c = valuesContext({ manager_title: ['text', v] });
      c.decls.set('manager_title', { ...c.decls.get('manager_title')!, required: false });
      return c;
    };
    expect(problemsOf(optional('  '), 'blank_value')).toMatchObject([{ params: { label: '服务经理职务' } }]);
    expect(problemsOf(optional(''), 'blank_value')).toEqual([]);
  });
});

describe('偏离表中写作者填写的文字', () => {
  it('投标文件应答仍是“待定”时报错，写明第几项和哪一栏', () => {
    const [p] = problemsOf(requirementsContext([requirement({ response: '待定' })], [arrival]), 'requirement_text');
    expect(p).toMatchObject({ severity: 'error', field: 'requirements.0', params: { index: 1, part: 'response' } });
    expect(p!.message).toBe('偏离表第1项的「投标文件应答」仍是占位内容：待定');
  });
  it('说明栏只有空格时报错；留空不报', () => {
    expect(problemsOf(requirementsContext([requirement({ note: ' ' })], [arrival]), 'requirement_text')).toMatchObject([
      { message: '偏离表第1项的「说明」为空：请填写内容或删去该项' },
    ]);
    expect(problemsOf(requirementsContext([requirement({ note: '' })], [arrival]), 'requirement_text')).toEqual([]);
  });
  it('招标文件要求只有空格时报错', () => {
    expect(
      problemsOf(requirementsContext([{ text: '  ', deviation: '无偏离' }], [arrival]), 'requirement_text'),
    ).toMatchObject([{ params: { part: 'text' } }]);
  });
  it('正常填写的应答和说明不报', () => {
    expect(
      problemsOf(
        requirementsContext([requirement({ response: '接到通知后2小时内到达', note: '市区' })], [arrival]),
        'requirement_text',
      ),
    ).toEqual([]);
  });
  it('只有空格的接受理由不算理由：负偏离仍是错误，且只报一次', () => {
    const c = requirementsContext([requirement({ value: 1, accepted: '  ' })], [arrival]);
    const problems = runChecks(c).filter((p) => p.field === 'requirements.0');
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['negative_deviation', 'error']]);
  });
  it('接受理由仍是占位内容时报错', () => {
    const c = requirementsContext([requirement({ value: 1, accepted: 'XXX' })], [arrival]);
    expect(problemsOf(c, 'requirement_text')).toMatchObject([{ params: { part: 'accepted', text: 'XXX' } }]);
  });
});

describe('项目本身的字段', () => {
  it('投标人仍是“XXX有限公司”时报错，以字段名称呼', () => {
    const [p] = problemsOf(valuesContext({}, { bidder: 'XXX有限公司' }), 'project_placeholder');
    expect(p).toMatchObject({ severity: 'error', field: 'bidder', params: { part: 'bidder' } });
    expect(p!.message).toBe('「投标人」仍是占位内容：XXX有限公司');
  });
  it('项目编号为“待定”时报错；正常的编号不报', () => {
    expect(problemsOf(valuesContext({}, { projectNo: '待定' }), 'project_placeholder')).toHaveLength(1);
    expect(
      problemsOf(valuesContext({}, { projectNo: 'BJZC-2026-118', bidder: '华瑞康泰' }), 'project_placeholder'),
    ).toEqual([]);
  });
});
