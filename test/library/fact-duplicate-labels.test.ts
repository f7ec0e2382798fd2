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
