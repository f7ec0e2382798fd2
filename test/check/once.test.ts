// Each problem is reported once, in Chinese, naming fields by their labels: never a variable key, a fact id or
// another internal word, whichever new check raised it.
import { describe, expect, it } from 'vitest';
import { problemText } from '@core/i18n/problemText.js';
import { newCheckProblemSets } from './problems.js';

const sets = newCheckProblemSets();
const problems = sets.flat();
/** lower_snake_case: how variable keys, fact ids, kinds and events are spelt inside the program. */
const INTERNAL = /\b[a-z]+(?:_[a-z0-9]+)+\b|\bcommitments\.\d|\bvalues\.[a-z]/;

describe('新增检查的问题：只报一次，用标签称呼', () => {
  it('覆盖各项新检查（防止本测试空转）', () => {
    const codes = new Set(problems.map((p) => p.code));
    for (const c of [
      'complaint_reply_after_visit',
      'complaint_visit_after_close',
      'free_with_price',
      'zero_figure',
      'blank_fact_text',
      'requirement_text',
      'project_placeholder',
      'percent_not_positive',
      'percent_over_100',
      'negative_deviation',
      'installer_deadline_looser',
      'unconfirmed_figure',
    ])
      expect(codes).toContain(c);
  });
  it.each(sets.map((set, i) => [i + 1, set] as const))('第%s组：同一字段的同一问题只报一次', (_, set) => {
    const keys = set.map((p) => `${p.code}|${p.field}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
  it.each(problems.map((p) => [p.code, p] as const))('%s：中文说明不含内部键名', (_, p) => {
    expect(p.message).toMatch(/\p{Script=Han}/u);
    expect(p.message).not.toMatch(INTERNAL);
    expect(problemText(p, 'en')).not.toMatch(INTERNAL);
  });
});
