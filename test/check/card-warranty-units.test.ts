// The warranty card's whole-unit warranty against the service plan's, in any units: 12个月 and 1年 agree, 365天 and
// 1年 do not (a leap year has 366 days), 400天 never. A project with facts of its own is compared by its facts when
// a time in days gives the legacy keys no value; the self-check compares the facts the same way.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemText } from '@core/i18n/problemText.js';
import type { Project } from '@core/model/project.js';
import { certainlyLonger, closePair, type Stated } from './calendar.js';
import { factsContext, problemsOf, valuesContext } from './context.js';
import { api, projectWithTender, withFact } from '../tender/selfCheckFixture.js';

const d = (value: number, unit: string): Stated => ({ value, unit });
const mismatch = (card: [string, unknown], plan: [string, unknown]) =>
  problemsOf(valuesContext({ whole_unit_months: card, warranty_months: plan } as never), 'card_warranty_mismatch');

describe('保修卡与方案的整机保修期：换了单位也比较', () => {
  it('保修卡12个月、方案1年：同一个期限，不报', () => {
    expect(mismatch(['integer', 12], ['duration', d(1, '年')])).toEqual([]);
  });

  it('保修卡365天、方案12个月：闰年相差一天，报错，两个数字按填写的样子显示', () => {
    const [p, ...more] = mismatch(['duration', d(365, '天')], ['integer', 12]);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ severity: 'error', field: 'values.whole_unit_months' });
    expect(p!.message).toBe('保修卡「whole_unit_months」365天与售后服务方案「质保期（月）」12个月不一致');
    expect(problemText(p!, 'en')).toBe(
      "The warranty card's “whole_unit_months” (365天) differs from the service plan's “质保期（月）” (12个月)",
    );
  });

  it('按月填写的旧数值照旧比较', () => {
    expect(mismatch(['integer', 24], ['integer', 36])).toHaveLength(1);
    expect(mismatch(['integer', 36], ['integer', 36])).toEqual([]);
  });

  const withFacts = (card: Stated, plan: Stated) => {
    const c = factsContext(
      [
        { id: 'warranty', kind: 'warranty', period: plan, from: 'acceptance' },
        { id: 'warranty_card_unit', kind: 'warranty', period: card, scope: { component: '整机' } },
      ],
      { whole_unit_months: ['integer', 12], warranty_months: ['integer', 12] },
    );
    // Facts in days give the legacy keys no value: the clauses declare them, nothing fills them.
    c.values.delete('whole_unit_months');
    c.values.delete('warranty_months');
    return problemsOf(c, 'card_warranty_mismatch');
  };

  it('项目自有承诺：保修卡400天、方案1年，按承诺本身比较并指向保修卡的承诺', () => {
    const [p] = withFacts(d(400, '天'), d(1, '年'));
    expect(p).toMatchObject({ field: 'commitments.1', params: { card: '400天', plan: '1年' } });
    expect(withFacts(d(12, '个月'), d(1, '年'))).toEqual([]);
    expect(withFacts(d(52, '周'), d(364, '天'))).toEqual([]);
  });

  it('性质：一定不同就报；同一单位同一数字不报', () => {
    fc.assert(
      fc.property(closePair(1500), ([card, plan]) => {
        const n = withFacts(card, plan).length;
        if (certainlyLonger(card, plan) || certainlyLonger(plan, card)) expect(n).toBe(1);
        if (card.unit === plan.unit) expect(n).toBe(card.value === plan.value ? 0 : 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('自查：保修卡与方案的承诺换了单位也比较', () => {
  let base: Project;
  beforeAll(async () => {
    base = await projectWithTender();
  });
  const figures = async (p: Project) =>
    (await api.tenderSelfCheck({ project: p })).rows.filter((r) => r.kind === 'figures').map((r) => r.text);

  it('保修卡400天、方案36个月：列出，数字按填写的样子', async () => {
    const [text, ...more] = await figures(withFact(base, 'warranty_card_unit', d(400, '天')));
    expect(more).toEqual([]);
    expect(text).toMatch(/400天.*36个月/);
  });
  it('保修卡3年、方案36个月：同一期限，不列', async () => {
    expect(await figures(withFact(base, 'warranty_card_unit', d(3, '年')))).toEqual([]);
  });
});
