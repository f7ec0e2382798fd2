// The commitment model: what a fact may hold, how it reads in Chinese, and how long its time can really take.
import { describe, expect, it } from 'vitest';
import { factFigure, factLabel, factPhrase, formatFactDuration } from '@core/commitments/phrase.js';
import { commitmentSchema, commitmentsSchema, type Commitment } from '@core/commitments/schema.js';
import { spanOf, surelyWithin } from '@core/commitments/time.js';
import { projectSchema } from '@core/model/project.js';

const fact = (c: Record<string, unknown>): Commitment => commitmentSchema.parse(c);
const arrive = (value: number, unit: string, extra: Record<string, unknown> = {}) =>
  fact({ id: 'arrive', kind: 'arrive', within: { value, unit }, from: 'notice', ...extra });

describe('承诺的形状', () => {
  it('到场承诺是一个时限：数值、单位和起算事件，默认为提供', () => {
    expect(arrive(2, '小时')).toEqual({
      id: 'arrive',
      kind: 'arrive',
      offered: true,
      within: { value: 2, unit: '小时' },
      from: 'notice',
    });
  });
  it('承诺的种类决定它能带什么：时限没有起算事件、保修期写成次数都不接受', () => {
    expect(
      commitmentSchema.safeParse({ id: 'arrive', kind: 'arrive', within: { value: 2, unit: '小时' } }).success,
    ).toBe(false);
    expect(commitmentSchema.safeParse({ id: 'w', kind: 'warranty', times: 3 }).success).toBe(false);
    expect(
      commitmentSchema.safeParse({ id: 'w', kind: 'warranty', period: { value: 3, unit: '年' }, from: 'acceptance' })
        .success,
    ).toBe(true);
  });
  it('单位只有分钟、小时、工作日、天、周、个月、年', () => {
    expect(
      commitmentSchema.safeParse({ id: 'a', kind: 'arrive', within: { value: 1, unit: '周' }, from: 'notice' }).success,
    ).toBe(true);
    expect(
      commitmentSchema.safeParse({ id: 'a', kind: 'arrive', within: { value: 8, unit: '工时' }, from: 'notice' })
        .success,
    ).toBe(false);
  });
  it('时限必须大于零', () => {
    expect(
      commitmentSchema.safeParse({ id: 'a', kind: 'arrive', within: { value: 0, unit: '小时' }, from: 'notice' })
        .success,
    ).toBe(false);
  });
  it('价格要写明金额、计价方式或免费', () => {
    expect(commitmentSchema.safeParse({ id: 'fee', kind: 'labour_fee' }).success).toBe(false);
    expect(commitmentSchema.safeParse({ id: 'fee', kind: 'labour_fee', free: true }).success).toBe(true);
    expect(commitmentSchema.safeParse({ id: 'fee', kind: 'labour_fee', amount: '150.00', per: '小时' }).success).toBe(
      true,
    );
  });
  it('写明的服务时间要给出文字；7×24 与 5×8 不需要', () => {
    expect(commitmentSchema.safeParse({ id: 'h', kind: 'service_hours', schedule: 'stated' }).success).toBe(false);
    expect(
      commitmentSchema.safeParse({ id: 'h', kind: 'service_hours', schedule: 'stated', text: '工作日9:00–18:00' })
        .success,
    ).toBe(true);
    expect(commitmentSchema.safeParse({ id: 'h', kind: 'service_hours', schedule: '5x8' }).success).toBe(true);
  });
  it('范围只接受已知的字段', () => {
    expect(
      commitmentSchema.safeParse({
        id: 'a',
        kind: 'arrive',
        within: { value: 2, unit: '小时' },
        from: 'notice',
        scope: { city: '滨江' },
      }).success,
    ).toBe(false);
  });
  it('同一项目里承诺的编号不能重复', () => {
    const a = { id: 'arrive', kind: 'arrive', within: { value: 2, unit: '小时' }, from: 'notice' };
    expect(commitmentsSchema.safeParse([a, a]).success).toBe(false);
  });
  it('项目文件可以带承诺，也可以不带（以前的文件照常打开）', () => {
    const base = { schema: 1, name: 'p', title: 't', blueprint: 'service-plan', date: '2026-11-24', values: {} };
    expect(projectSchema.safeParse(base).success).toBe(true);
    const parsed = projectSchema.parse({
      ...base,
      commitments: [{ id: 'arrive', kind: 'arrive', within: { value: 2, unit: '小时' }, from: 'notice' }],
    });
    expect(parsed.commitments?.[0]?.offered).toBe(true);
  });
});

describe('承诺的中文', () => {
  it('到场承诺写成「自接到报修通知起2小时内到达现场」', () => {
    expect(factPhrase(arrive(2, '小时'))).toBe('自接到报修通知起2小时内到达现场');
  });
  it('修复自到场起算，与自报修起算是两种说法', () => {
    expect(factPhrase(fact({ id: 'fix', kind: 'fix', within: { value: 24, unit: '小时' }, from: 'arrival' }))).toBe(
      '工程师到达现场后24小时内排除故障，恢复设备正常运行',
    );
    expect(factPhrase(fact({ id: 'fix', kind: 'fix', within: { value: 3, unit: '工作日' }, from: 'notice' }))).toBe(
      '自接到报修通知起3个工作日内排除故障，恢复设备正常运行',
    );
  });
  it('分级的承诺写明故障等级', () => {
    expect(factPhrase(arrive(4, '小时', { scope: { level: '一级' } }))).toBe(
      '一级故障，自接到报修通知起4小时内到达现场',
    );
    expect(factLabel(arrive(4, '小时', { scope: { level: '一级' } }))).toBe('一级故障到达现场时限');
  });
  it('保修期按整机或部件写明起算', () => {
    expect(
      factPhrase(fact({ id: 'w', kind: 'warranty', period: { value: 36, unit: '个月' }, from: 'acceptance' })),
    ).toBe('整机保修36个月，自验收合格之日起计算');
    expect(
      factPhrase(
        fact({ id: 'wc', kind: 'warranty', period: { value: 6, unit: '年' }, scope: { component: '压缩机' } }),
      ),
    ).toBe('压缩机保修6年');
    expect(
      factLabel(fact({ id: 'wc', kind: 'warranty', period: { value: 6, unit: '年' }, scope: { component: '压缩机' } })),
    ).toBe('压缩机保修期');
  });
  it('保修写明免费的范围时才写出由我方承担的费用', () => {
    expect(
      factPhrase(
        fact({
          id: 'w',
          kind: 'warranty',
          period: { value: 3, unit: '年' },
          from: 'acceptance',
          covers: ['parts', 'labour', 'travel'],
        }),
      ),
    ).toBe('整机保修3年，自验收合格之日起计算；期内维修所需的零部件、人工和差旅费用由我方承担');
    expect(factPhrase(fact({ id: 'w', kind: 'warranty', period: { value: 3, unit: '年' }, covers: ['parts'] }))).toBe(
      '整机保修3年；期内维修所需的零部件费用由我方承担',
    );
  });
  it('周期写成「每季度现场巡检1次」', () => {
    expect(factPhrase(fact({ id: 'i', kind: 'inspect', times: 1, every: { value: 3, unit: '个月' } }))).toBe(
      '每季度现场巡检1次',
    );
    expect(factPhrase(fact({ id: 'i', kind: 'inspect', times: 4, every: { value: 1, unit: '年' } }))).toBe(
      '每年现场巡检4次',
    );
  });
  it('服务时间：7×24 只在承诺为 7×24 时出现；办公时间照写', () => {
    expect(factPhrase(fact({ id: 'h', kind: 'service_hours', schedule: '7x24' }))).toBe(
      '服务热线7×24小时受理报修，节假日不休',
    );
    const office = factPhrase(
      fact({
        id: 'h',
        kind: 'service_hours',
        schedule: 'stated',
        text: '工作日9:00–18:00',
        scope: { channel: 'hotline' },
      }),
    );
    expect(office).toBe('服务热线的服务时间为工作日9:00–18:00');
    expect(office).not.toContain('7×24');
  });
  it('更换与停机规则', () => {
    expect(factPhrase(fact({ id: 'r', kind: 'replace_after_repairs', repairs: 3 }))).toBe(
      '同一部件因质量问题累计维修3次仍不能正常使用的，免费予以更换',
    );
    expect(factPhrase(fact({ id: 'd', kind: 'downtime_restart', over: { value: 20, unit: '天' } }))).toBe(
      '因质量问题造成设备停机超过20天的，整机保修期自设备修复之日起重新计算',
    );
  });
  it('数值单独写出：2小时、3个工作日、¥300.00/次、按成本价', () => {
    expect(factFigure(arrive(2, '小时'))).toBe('2小时');
    expect(formatFactDuration({ value: 3, unit: '工作日' })).toBe('3个工作日');
    expect(factFigure(fact({ id: 'f', kind: 'onsite_fee', amount: '300', per: '次' }))).toBe('¥300.00/次');
    expect(factFigure(fact({ id: 'p', kind: 'parts_price', basis: 'cost' }))).toBe('按成本价');
  });
});

describe('时间的实际长度（对投标人从严）', () => {
  it('工作日不是8小时：3个工作日至少72小时，遇春节等长假最长14天', () => {
    expect(spanOf({ value: 3, unit: '工作日' })).toEqual({ min: 72, max: 14 * 24 });
  });
  it('1个月在28天到31天之间，12个月在365天到366天之间', () => {
    expect(spanOf({ value: 1, unit: '个月' })).toEqual({ min: 28 * 24, max: 31 * 24 });
    expect(spanOf({ value: 12, unit: '个月' })).toEqual({ min: 365 * 24, max: 366 * 24 });
  });
  it('一周是7天，小时和分钟是确定的', () => {
    expect(spanOf({ value: 1, unit: '周' })).toEqual({ min: 168, max: 168 });
    expect(spanOf({ value: 30, unit: '分钟' })).toEqual({ min: 0.5, max: 0.5 });
  });
  it('24小时一定不晚于1个工作日，1个工作日却可能晚于24小时', () => {
    expect(surelyWithin(spanOf({ value: 24, unit: '小时' })!, spanOf({ value: 1, unit: '工作日' })!)).toBe(true);
    expect(surelyWithin(spanOf({ value: 1, unit: '工作日' })!, spanOf({ value: 24, unit: '小时' })!)).toBe(false);
  });
});
