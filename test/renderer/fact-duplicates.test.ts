// The new-clause dialog warns when a declared variable states a promise that is a fact.
import { describe, expect, it } from 'vitest';
import { variablesDuplicatingFacts } from '../../renderer/src/library/factDuplicates.js';

describe('新建条款：变量与承诺重复时提醒', () => {
  it('声明 onsite_arrival 变量会被指出，它就是“到达现场时限”这一承诺', () => {
    expect(variablesDuplicatingFacts(['duty_phone', 'onsite_arrival'])).toEqual([
      { key: 'onsite_arrival', fact: 'arrive', label: '到达现场时限' },
    ]);
  });
  it('与承诺无关的变量不提醒', () => {
    expect(variablesDuplicatingFacts(['duty_phone', 'company_name'])).toEqual([]);
  });
});
