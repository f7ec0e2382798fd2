// #17 item 1: declaring a new variable that duplicates a fact warns — by its key (onsite_arrival), and by its label
// when the label names a figure (现场到达时间 is the fact 到达现场时限 whatever its key), but not for labels that merely
// share words with a fact (服务热线 is a phone number, 培训内容 no length).
import { describe, expect, it } from 'vitest';
import { variablesDuplicatingFacts } from '../../renderer/src/library/factDuplicates.js';

const flagged = (label: string, type = 'text') =>
  variablesDuplicatingFacts([{ key: 'my_value', label, type }]).map((d) => d.label);

describe('新变量与承诺重复时提示', () => {
  it('按名称：说的是同一项承诺的变量标出应选用的承诺', () => {
    expect(flagged('现场到达时间', 'duration')).toEqual(['到达现场时限']);
    expect(flagged('电话响应时间', 'duration')).toEqual(['响应时限']);
    expect(flagged('故障修复时间')).toEqual(['修复时限']);
    expect(flagged('一级故障到场时间')).toEqual(['一级故障到达现场时限']);
    expect(flagged('压缩机保修期', 'integer')).toEqual(['压缩机保修期']);
    expect(flagged('整机保修期限')).toEqual(['整机保修期']);
    expect(flagged('备件供应年限', 'integer')).toEqual(['备件供应保障期']);
    expect(flagged('满意度', 'percent')).toEqual(['满意度目标']);
  });

  it('换了说法的同一项承诺也提示：备用机即备用设备，驻场工程师即本项目专职工程师，投诉响应即投诉答复', () => {
    const facts = (label: string, type: string) =>
      variablesDuplicatingFacts([{ key: 'my_value', label, type }]).map((d) => d.fact);
    expect(flagged('备用机提供时限', 'duration')).toEqual(['备用设备提供时限']);
    expect(facts('备用机提供时限', 'duration')).toEqual(['standby']);
    expect(flagged('备机提供时间')).toEqual(['备用设备提供时限']);
    expect(flagged('驻场工程师人数', 'integer')).toEqual(['本项目专职工程师人数']);
    expect(facts('驻场工程师人数', 'integer')).toEqual(['dedicated_engineers']);
    expect(flagged('本项目驻场工程师人数', 'integer')).toEqual(['本项目专职工程师人数']);
    // A complaint's 响应 is its reply; the phone's 响应 is still the response to a fault.
    expect(flagged('投诉响应时间', 'duration')).toEqual(['投诉答复时限']);
    expect(flagged('电话响应时间', 'duration')).toEqual(['响应时限']);
    // Engineers in general are not the ones stationed on the project.
    expect(facts('专业服务工程师人数', 'integer')).toEqual(['engineers']);
  });

  it('与承诺无关的名称仍不提示，哪种类型都一样', () => {
    for (const label of [
      '服务热线',
      '培训内容',
      '备注',
      '项目名称',
      '联系人电话',
      '备用机型号',
      '驻场地点',
      '本项目名称',
    ])
      for (const type of ['text', 'integer', 'duration'])
        expect(flagged(label, type), `${label} (${type})`).toEqual([]);
  });

  it('只是字面相近的不提示', () => {
    for (const label of [
      '值班电话',
      '服务热线',
      '服务网点地址',
      '培训地点',
      '培训内容',
      '投标人名称',
      '交货期',
      '合同有效期',
      '付款周期',
      '安装日期',
    ])
      expect(flagged(label), label).toEqual([]);
  });

  it('按变量名：与从前相同', () => {
    expect(variablesDuplicatingFacts(['duty_phone', 'onsite_arrival'])).toEqual([
      { key: 'onsite_arrival', fact: 'arrive', label: '到达现场时限' },
    ]);
  });
});
