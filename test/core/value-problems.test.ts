// A value the writer got wrong is reported once, by its label, in the UI's language.
import { describe, expect, it } from 'vitest';
import { problemText } from '@core/i18n/problemText.js';
import { VALUE_CODES, valueTemplate } from '@core/i18n/valueText.js';
import type { Problem } from '@core/model/problem.js';
import { legacyProject } from '../commitments/legacyFixtures.js';
import { api, sampleJson } from '../helpers/sample.js';
import type { Project } from '@core/model/project.js';

const CJK = /[\u3400-\u9fff]/;

/**
 * The sample as saved before facts (its promises typed as values, on the clauses of its time) with some values
 * typed wrong, previewed through the API as the app does.
 */
async function previewWith(values: Record<string, unknown>): Promise<Problem[]> {
  const a = api();
  const project = legacyProject('service-plan-sample', { outline: true });
  const { problems } = await a.preview({
    project: { ...project, values: { ...project.values, ...values } } as Project,
  });
  return problems;
}

describe('值无效：每个问题只报一次，用字段名称', () => {
  it('无效的整数、日期、金额和过长文字各报一次，且不提内部键名', async () => {
    const problems = await previewWith({
      warranty_months: '三十六',
      acceptance_date: '2027-13-01',
      annual_fee: '58600.x',
      company_name: '字'.repeat(2500),
    });
    const fields = ['warranty_months', 'acceptance_date', 'annual_fee', 'company_name'];
    for (const key of fields) {
      const mine = problems.filter((p) => p.field === `values.${key}` || p.message.includes(key));
      expect(
        mine.map((p) => p.code),
        key,
      ).toEqual(['bad_value']);
    }
    // No knock-on "section has no content" for the clause the invalid value left out.
    expect(problems.filter((p) => p.code === 'empty_section')).toEqual([]);
    for (const p of problems) for (const key of fields) expect(p.message).not.toContain(key);
  });

  it('缺少必填值只报一次（不再另报模板里"变量 … 没有值"）', async () => {
    const problems = await previewWith({ annual_fee: undefined });
    expect(problems.filter((p) => p.field === 'values.annual_fee').map((p) => p.code)).toEqual(['missing_value']);
  });

  it('中文界面：原因是中文，例如"应填写整数（如 36），而不是 “三十六”"', async () => {
    const [p] = (await previewWith({ warranty_months: '三十六' })).filter((x) => x.code === 'bad_value');
    expect(problemText(p!, 'zh-CN')).toBe('「整机保修期」的值无效：应填写整数（如 36），而不是 “三十六”');
  });

  it('英文界面：原因是英文，中文只出现在字段名称和用户输入中', async () => {
    const problems = (
      await previewWith({
        warranty_months: '三十六',
        acceptance_date: '明年',
        annual_fee: '两万',
        company_name: '字'.repeat(2500),
      })
    ).filter((x) => x.code === 'bad_value');
    expect(problems).toHaveLength(4);
    for (const p of problems) {
      const text = problemText(p, 'en');
      const own = String(p.params!.label) + String(p.params!.got ?? p.params!.value ?? '');
      expect(
        text.replace(/[\u3400-\u9fff]/g, (ch) => (own.includes(ch) ? '' : ch)),
        text,
      ).not.toMatch(CJK);
      expect(text).toMatch(/^The value of “/);
    }
    expect(problemText(problems.find((p) => p.field === 'values.company_name')!, 'en')).toBe(
      'The value of “投标人名称” is invalid: 2500 characters, more than the limit of 2000',
    );
  });

  it('表格单元格的问题在英文界面里用列名称说明行和列', async () => {
    const fees = sampleJson().values.fee_items.map((r, i) => (i === 1 ? { ...r, price: '三百' } : r));
    const [p] = (await previewWith({ fee_items: fees })).filter((x) => x.code === 'bad_value');
    expect(problemText(p!, 'en')).toMatch(
      /^The value of “.+” is invalid: row 2, “.+”: “三百” is not an amount of money/,
    );
    expect(problemText(p!, 'en')).not.toContain('price');
    expect(p!.message).toMatch(/第 2 行“.+”：“三百”不是金额/);
  });

  it('每个值问题代码都有中文和英文说法', () => {
    for (const code of VALUE_CODES) {
      expect(valueTemplate(code, { cellCode: 'money_expected' }, 'zh-CN'), code).toMatch(CJK);
      expect(valueTemplate(code, { cellCode: 'money_expected' }, 'en'), code).not.toMatch(CJK);
    }
  });
});
