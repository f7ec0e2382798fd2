// 工作日 in the 偏离表: a day, never 8 hours, read against the bidder — the tender's at their shortest, ours at their
// longest, weekends and public holidays (春节, 国庆) included. The 说明 column says why in plain words; the writer
// is told in the problem why a working-day row is negative. And booking ahead compares the way the tender asks.
import { describe, expect, it } from 'vitest';
import { commitmentsSchema } from '@core/commitments/schema.js';
import { evaluateRequirements, deviationTableCells } from '@core/deviation/compute.js';
import { recognizeRequirements } from '@core/deviation/recognize.js';
import { requirementSchema } from '@core/deviation/schema.js';
import { problemText } from '@core/i18n/problemText.js';
import { figuresOf } from '@core/tender/figures.js';
import { problemsOf, requirementsContext } from './context.js';

const fix = (value: number, unit: string) => ({ id: 'fix', kind: 'fix', within: { value, unit }, from: 'notice' });
const ahead = (value: number, unit: string) => ({ id: 'book_ahead', kind: 'book_ahead', ahead: { value, unit } });
const train = (value: number, unit: string) => ({ id: 'train', kind: 'train', length: { value, unit } });
const req = (text: string, op: string, value: number, unit: string, fact: string, more: object = {}) => ({
  text,
  op,
  value,
  unit,
  fact,
  ...more,
});
const rowOf = (requirement: object, fact: object) => {
  const facts = commitmentsSchema.parse([fact]);
  const [row] = evaluateRequirements([requirementSchema.parse(requirement)], new Map(), new Map(), { facts });
  return row!;
};
/** Words that would reveal an internal reading in the bid: conversions, codes, English. */
const INTERNAL = /折算|口径|按每|workingDays|ours_longer|theirs_shorter|[A-Za-z]/;

describe('工作日与小时：对投标人从严', () => {
  const within72h = req('接到报修后72小时内修复', '<=', 72, '小时', 'fix');
  const within3wd = req('接到报修后3个工作日内修复', '<=', 3, '工作日', 'fix');

  it('我方“3个工作日”对招标要求“72小时”是负偏离（遇周末或长假会超过72小时）', () => {
    const row = rowOf(within72h, fix(3, '工作日'));
    expect(row).toMatchObject({ deviation: '负偏离', source: 'computed', workingDays: 'ours_longer' });
    expect(row.response).toBe('接到报修后3个工作日内修复');
  });
  it('负偏离的问题用平实的话说明原因，说明栏不写内部口径', () => {
    const c = requirementsContext([within72h], [fix(3, '工作日')]);
    const [p] = problemsOf(c, 'negative_deviation');
    expect(p).toMatchObject({ severity: 'error', field: 'requirements.0' });
    expect(p!.message).toBe(
      '偏离表第1项「接到报修后72小时内修复」为负偏离（应答：接到报修后3个工作日内修复）：我方承诺的3个工作日遇周末或春节、国庆等法定节假日连休时，可能长于招标文件要求的72小时；如确需偏离，请填写接受理由，理由将列入说明栏',
    );
    expect(problemText(p!, 'en')).toContain(
      'our 3个工作日 may run longer than the required 72小时 over a weekend or a public holiday',
    );
    const [cells] = deviationTableCells(
      evaluateRequirements(c.project.requirements!, new Map(), new Map(), {
        facts: c.project.commitments!,
      }),
    );
    expect(cells!.note).toBe('');
  });
  it('接受负偏离后说明栏只写理由；问题仍以提醒显示原因', () => {
    const accepted = { ...within72h, accepted: '项目地处山区，节假日备件调运需时' };
    const row = rowOf(accepted, fix(3, '工作日'));
    expect(row.note).toBe('负偏离原因：项目地处山区，节假日备件调运需时');
    const [p] = problemsOf(requirementsContext([accepted], [fix(3, '工作日')]), 'negative_deviation');
    expect(p).toMatchObject({ severity: 'warning' });
    expect(p!.message).toContain('可能长于招标文件要求的72小时');
  });
  it('我方24小时对招标要求“3个工作日”是正偏离，说明栏用平实的话', () => {
    const row = rowOf(within3wd, fix(24, '小时'));
    expect(row).toMatchObject({ deviation: '正偏离', note: '我方承诺的时限短于招标文件要求' });
    expect(row.note).not.toMatch(INTERNAL);
    expect(row.workingDays).toBeUndefined();
    expect(problemsOf(requirementsContext([within3wd], [fix(24, '小时')]), 'negative_deviation')).toEqual([]);
  });
  it('我方72小时对“3个工作日”无偏离；96小时为负偏离（3个工作日最短只有3天）', () => {
    expect(rowOf(within3wd, fix(72, '小时')).deviation).toBe('无偏离');
    const row = rowOf(within3wd, fix(96, '小时'));
    expect(row).toMatchObject({ deviation: '负偏离', workingDays: 'theirs_shorter' });
    const [p] = problemsOf(requirementsContext([within3wd], [fix(96, '小时')]), 'negative_deviation');
    expect(p!.message).toContain('招标文件要求的3个工作日按连续的工作日计算只有3天，可能短于我方承诺的96小时');
  });
  it('同为工作日时按数字比较：3个工作日对3个工作日无偏离，2个工作日正偏离', () => {
    expect(rowOf(within3wd, fix(3, '工作日')).deviation).toBe('无偏离');
    expect(rowOf(within3wd, fix(2, '工作日')).deviation).toBe('正偏离');
    expect(rowOf(within3wd, fix(4, '工作日')).workingDays).toBeUndefined();
  });
  it('我方1个工作日对要求“7天内”：长假连休可达11天，是负偏离；对“15天内”是正偏离', () => {
    expect(rowOf(req('7天内修复', '<=', 7, '天', 'fix'), fix(1, '工作日')).deviation).toBe('负偏离');
    expect(rowOf(req('15天内修复', '<=', 15, '天', 'fix'), fix(1, '工作日')).deviation).toBe('正偏离');
  });
});

describe('预约提前时间（book_ahead）', () => {
  const atMostOneDay = req('计划性上门服务提前不超过1天预约', '<=', 1, '天', 'book_ahead');
  const atLeastOneWorkingDay = req('中标人应至少提前1个工作日预约上门时间', '>=', 1, '工作日', 'book_ahead');

  it('招标要求“提前不超过1天预约”，我方“需提前3天预约”为负偏离；应答照我方承诺的原话写', () => {
    expect(rowOf(atMostOneDay, ahead(3, '天'))).toMatchObject({
      deviation: '负偏离',
      source: 'computed',
      response: '计划性上门服务至少提前3天预约，并按约定时间到达',
    });
    const [p] = problemsOf(requirementsContext([atMostOneDay], [ahead(3, '天')]), 'negative_deviation');
    expect(p).toMatchObject({ severity: 'error' });
  });
  it('我方提前1天为无偏离，提前半天为正偏离', () => {
    expect(rowOf(atMostOneDay, ahead(1, '天')).deviation).toBe('无偏离');
    expect(rowOf(atMostOneDay, ahead(12, '小时')).deviation).toBe('正偏离');
  });
  it('我方“提前1个工作日”对“提前不超过1天”为负偏离（周五预约下周一，已超过1天）', () => {
    expect(rowOf(atMostOneDay, ahead(1, '工作日')).deviation).toBe('负偏离');
  });
  it('招标要求“至少提前1个工作日预约”：我方提前2个工作日为正偏离，1个工作日无偏离', () => {
    expect(rowOf(atLeastOneWorkingDay, ahead(2, '工作日')).deviation).toBe('正偏离');
    expect(rowOf(atLeastOneWorkingDay, ahead(1, '工作日')).deviation).toBe('无偏离');
  });
  it('“至少提前1个工作日”对我方“提前1天”为负偏离：周日提前1天预约周一，并未提前一个工作日', () => {
    expect(rowOf(atLeastOneWorkingDay, ahead(1, '天'))).toMatchObject({
      deviation: '负偏离',
      workingDays: 'theirs_longer',
    });
    const [p] = problemsOf(requirementsContext([atLeastOneWorkingDay], [ahead(1, '天')]), 'negative_deviation');
    expect(p!.message).toContain(
      '：招标文件要求的1个工作日遇周末或春节、国庆等法定节假日连休时，可能长于我方承诺的1天；',
    );
  });
  it('“至少提前3天”对我方“提前2个工作日”为负偏离：连续的工作日只有2天', () => {
    const atLeast3 = req('至少提前3天预约', '>=', 3, '天', 'book_ahead');
    expect(rowOf(atLeast3, ahead(2, '工作日'))).toMatchObject({ deviation: '负偏离', workingDays: 'ours_shorter' });
    const [p] = problemsOf(requirementsContext([atLeast3], [ahead(2, '工作日')]), 'negative_deviation');
    expect(p!.message).toContain('：我方承诺的2个工作日按连续的工作日计算只有2天，可能短于招标文件要求的3天；');
    expect(problemText(p!, 'en')).toContain('our 2个工作日, counted on consecutive working days, may be shorter');
  });
  it('培训天数仍按天数计：要求不少于5个工作日，我方5天为无偏离', () => {
    expect(rowOf(req('培训不少于5个工作日', '>=', 5, '工作日', 'train'), train(5, '天')).deviation).toBe('无偏离');
  });
  it('从招标文本识别预约要求，关联预约承诺并正确判定', () => {
    const [proposal] = recognizeRequirements('计划性上门服务应提前不超过1天预约');
    expect(proposal!.requirement).toMatchObject({ op: '<=', value: 1, unit: '天', fact: 'book_ahead' });
    expect(rowOf(proposal!.requirement, ahead(3, '天')).deviation).toBe('负偏离');
    const [min] = recognizeRequirements('中标人应至少提前1个工作日预约上门时间');
    expect(min!.requirement).toMatchObject({ op: '>=', value: 1, unit: '工作日', fact: 'book_ahead' });
    // The tender reader (a whole tender file) links the same fact.
    expect(figuresOf('计划性上门服务应提前不超过1天预约')).toMatchObject([{ op: '<=', fact: 'book_ahead' }]);
  });
});
