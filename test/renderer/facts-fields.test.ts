// In a project with facts, a clause's legacy variable takes its figure from its fact: the form shows it bound.
import { describe, expect, it } from 'vitest';
import { effectiveValues } from '@core/commitments/resolve.js';
import { commitmentsSchema } from '@core/commitments/schema.js';
import { factBindings } from '../../renderer/src/composer/facts/factFields.js';

const facts = commitmentsSchema.parse([
  { id: 'arrive', kind: 'arrive', within: { value: 4, unit: '小时' }, from: 'notice' },
  { id: 'replace_after_repairs', kind: 'replace_after_repairs', repairs: 3, offered: false },
]);

describe('填写：变量取自承诺', () => {
  it('没有自己承诺的项目，变量照常编辑', () => {
    expect(factBindings(undefined).size).toBe(0);
  });

  it('onsite_arrival 取自“到达现场时限”，显示其数值，并指向它在承诺中的位置', () => {
    const b = factBindings(facts).get('onsite_arrival');
    expect(b).toEqual({ id: 'arrive', index: 0, label: '到达现场时限', figure: '4小时', offered: true });
    // The figure the binding shows is the one assembly prints for the key.
    expect(
      effectiveValues({ commitments: facts, values: { onsite_arrival: { value: 9, unit: '小时' } } }),
    ).toMatchObject({ onsite_arrival: { value: 4, unit: '小时' } });
  });

  it('不承诺或未写入的承诺：变量标明这一点，不显示数字', () => {
    expect(factBindings(facts).get('repair_limit')).toMatchObject({ index: 1, offered: false });
    const missing = factBindings(facts).get('resolution_time');
    expect(missing).toMatchObject({ id: 'fix', index: undefined, figure: undefined, label: undefined });
    expect(
      effectiveValues({ commitments: facts, values: { resolution_time: { value: 8, unit: '小时' } } }),
    ).not.toHaveProperty('resolution_time');
  });
});
