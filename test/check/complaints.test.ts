// Complaint handling: answered, then visited, then closed, all counted from the complaint. Each order broken is an
// error, reported once on the fact that comes too late, naming both facts by their labels.
import { describe, expect, it } from 'vitest';
import { runChecks } from '@core/check/rules.js';
import { deadline, factsContext, problemsOf, valuesContext } from './context.js';

const reply = (value: number, unit = '小时') =>
  deadline('complaint_reply', 'complaint_reply', value, unit, 'complaint');
const visit = (value: number, unit = '小时') =>
  deadline('complaint_visit', 'complaint_visit', value, unit, 'complaint');
const close = (value: number, unit = '工作日') =>
  deadline('complaint_close', 'complaint_close', value, unit, 'complaint');
const CODES = ['complaint_reply_after_visit', 'complaint_visit_after_close', 'complaint_reply_after_close'];
const complaintProblems = (facts: unknown[]) => runChecks(factsContext(facts)).filter((p) => CODES.includes(p.code));

describe('投诉处理的先后：答复 → 上门走访 → 办结', () => {
  it('2小时内答复、24小时内走访、3个工作日内办结：顺序合理，不报', () => {
    expect(complaintProblems([reply(2), visit(24), close(3)])).toEqual([]);
  });

  it('办结之后才上门走访时报错', () => {
    const [p, ...more] = complaintProblems([reply(2), visit(5, '天'), close(3)]);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ severity: 'error', code: 'complaint_visit_after_close', field: 'commitments.1' });
    expect(p!.message).toBe(
      '「投诉上门走访时限」5天长于「投诉办结时限」3个工作日：投诉办结后不应再上门走访投诉人，走访时限不应晚于办结时限',
    );
  });

  it('3个工作日内走访、3个工作日内办结：同一单位按数字比较，不报', () => {
    expect(complaintProblems([visit(3, '工作日'), close(3)])).toEqual([]);
  });

  it('走访以天计、办结以工作日计时从严：3天走访不晚于3个工作日办结，4天却可能晚于', () => {
    expect(complaintProblems([visit(3, '天'), close(3)])).toEqual([]);
    expect(complaintProblems([visit(4, '天'), close(3)]).map((p) => p.code)).toEqual(['complaint_visit_after_close']);
  });

  it('先上门走访、后答复时报错', () => {
    const [p, ...more] = complaintProblems([reply(48), visit(24), close(5)]);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ code: 'complaint_reply_after_visit', field: 'commitments.0' });
    expect(p!.message).toContain('「投诉答复时限」48小时长于「投诉上门走访时限」24小时');
  });

  it('答复晚于走访也晚于办结时只报一次（最近的一步）', () => {
    const problems = complaintProblems([reply(10, '天'), visit(24), close(3)]);
    expect(problems.map((p) => [p.code, p.field])).toEqual([['complaint_reply_after_visit', 'commitments.0']]);
  });

  it('没有走访承诺时，答复晚于办结仍报错', () => {
    expect(complaintProblems([reply(5, '天'), close(3)]).map((p) => p.code)).toEqual(['complaint_reply_after_close']);
    expect(complaintProblems([reply(2), close(3)])).toEqual([]);
  });

  it('未提供的走访承诺不参与比较', () => {
    expect(complaintProblems([reply(2), { ...visit(5, '天'), offered: false }, close(3)])).toEqual([]);
  });

  it('安装服务商的走访与我方的办结不相比较', () => {
    expect(complaintProblems([{ ...visit(5, '天'), scope: { party: 'installer' } }, close(3)])).toEqual([]);
  });

  it('旧项目的变量：投诉响应时间长于办结时限时报错，以变量的标签称呼', () => {
    const late = valuesContext({
      complaint_response: ['duration', { value: 5, unit: '天' }],
      complaint_close: ['duration', { value: 3, unit: '工作日' }],
    });
    const [p] = problemsOf(late, 'complaint_reply_after_close');
    expect(p).toMatchObject({ severity: 'error', field: 'values.complaint_response' });
    expect(p!.message).toContain('「投诉响应时间」5天长于「投诉办结时限」3个工作日');
    const inTime = valuesContext({
      complaint_response: ['duration', { value: 2, unit: '小时' }],
      complaint_close: ['duration', { value: 3, unit: '工作日' }],
    });
    expect(problemsOf(inTime, 'complaint_reply_after_close')).toEqual([]);
  });
});
