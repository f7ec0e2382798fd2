// The contradictions issue #15 lists, each an error tested both ways, plus the readings that must not raise one:
// times in the same unit compare by their figures, and a promise for one scope falls back on the general one.
import { describe, expect, it } from 'vitest';
import { runChecks } from '@core/check/rules.js';
import { deadline, factsContext, problemsOf } from './context.js';

let n = 0;
const arrive = (value: number, unit: string, scope?: object) =>
  deadline(scope ? `arrive_${++n}` : 'arrive', 'arrive', value, unit, 'notice', scope);
const fix = (value: number, unit: string, from = 'notice', scope?: object) =>
  deadline(scope ? 'fix_scoped' : 'fix', 'fix', value, unit, from, scope);
const errorsOf = (facts: unknown[]) => runChecks(factsContext(facts)).filter((p) => p.severity === 'error');

describe('问题清单中的矛盾：都是错误，都测正反两面', () => {
  it('故障等级的到场时间晚于总体承诺', () => {
    expect(errorsOf([arrive(4, '小时'), arrive(8, '小时', { level: '三级' })]).map((p) => p.code)).toEqual([
      'exceeds_general_promise',
    ]);
    expect(errorsOf([arrive(4, '小时'), arrive(2, '小时', { level: '一级' })])).toEqual([]);
  });
  it('修复早于到场（均自报修起算）', () => {
    expect(errorsOf([arrive(4, '小时'), fix(2, '小时')]).map((p) => p.code)).toEqual(['resolution_before_arrival']);
    expect(errorsOf([arrive(4, '小时'), fix(8, '小时')])).toEqual([]);
  });
  it('一级故障自报修起的修复时限短于总体到场时限时也报错（没有一级到场承诺时按总体承诺）', () => {
    const problems = errorsOf([arrive(4, '小时'), fix(2, '小时', 'notice', { level: '一级' })]);
    expect(problems.map((p) => p.code)).toEqual(['resolution_before_arrival']);
    expect(problems[0]!.message).toContain('「一级故障修复时限」');
    expect(problems[0]!.message).toContain('「到达现场时限」却为4小时');
  });
  it('一级故障有自己的到场时限时按一级比较', () => {
    expect(
      errorsOf([arrive(4, '小时'), arrive(1, '小时', { level: '一级' }), fix(2, '小时', 'notice', { level: '一级' })]),
    ).toEqual([]);
  });
  it('备用设备晚于修复时限才提供', () => {
    const standby = (value: number) => deadline('standby', 'standby', value, '小时', 'arrival');
    expect(errorsOf([fix(24, '小时', 'arrival'), standby(48)]).map((p) => p.code)).toEqual([
      'standby_after_resolution',
    ]);
    expect(errorsOf([fix(24, '小时', 'arrival'), standby(24)])).toEqual([]);
  });
  it('一级故障的响应晚于总体到场时限时报错（没有一级到场承诺时按总体承诺）', () => {
    const respond = (value: number) => deadline('respond_l1', 'respond', value, '小时', 'notice', { level: '一级' });
    expect(errorsOf([arrive(2, '小时'), respond(4)]).map((p) => p.code)).toEqual(['response_after_arrival']);
    expect(errorsOf([arrive(2, '小时'), respond(0.5)])).toEqual([]);
    expect(errorsOf([arrive(2, '小时'), arrive(4, '小时', { level: '一级' }), respond(4)]).map((p) => p.code)).toEqual([
      'exceeds_general_promise',
    ]);
  });
  it('备用设备自到场起、修复自报修起：折算到报修起比较，晚于修复时限时报错', () => {
    const standby = (value: number) => deadline('standby', 'standby', value, '小时', 'arrival');
    const [p, ...more] = errorsOf([arrive(2, '小时'), fix(24, '小时'), standby(24)]);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ code: 'standby_after_resolution', field: 'commitments.2' });
    expect(p!.message).toBe(
      '「备用设备提供时限」工程师到达现场后24小时内长于「修复时限」自接到报修通知起24小时内：超过修复时限后到提供备用设备之前，采购人既无修复也无备用设备',
    );
    expect(errorsOf([arrive(2, '小时'), fix(24, '小时'), standby(22)])).toEqual([]);
  });
  it('备用设备自报修起、修复自到场起：到场加修复不早于备用设备时不报', () => {
    const standby = deadline('standby', 'standby', 24, '小时', 'notice');
    expect(errorsOf([arrive(2, '小时'), fix(22, '小时', 'arrival'), standby])).toEqual([]);
    expect(errorsOf([arrive(2, '小时'), fix(12, '小时', 'arrival'), standby]).map((p) => p.code)).toEqual([
      'standby_after_resolution',
    ]);
  });
  it('部件保修期长于整机', () => {
    const w = (id: string, years: number, scope?: object) => ({
      id,
      kind: 'warranty',
      period: { value: years, unit: '年' },
      ...(scope ? { scope } : {}),
    });
    expect(
      errorsOf([w('warranty', 3), w('warranty_compressor', 5, { component: '压缩机' })]).map((p) => p.code),
    ).toEqual(['component_warranty_longer']);
    expect(errorsOf([w('warranty', 3), w('warranty_compressor', 3, { component: '压缩机' })])).toEqual([]);
  });
  it('县（区）比市区到得更快', () => {
    expect(
      errorsOf([arrive(4, '小时', { region: 'city' }), arrive(2, '小时', { region: 'county' })]).map((p) => p.code),
    ).toEqual(['region_order']);
    expect(errorsOf([arrive(2, '小时', { region: 'city' }), arrive(4, '小时', { region: 'county' })])).toEqual([]);
  });
});

describe('同一单位按数字比较，不因周末或节假日误报', () => {
  it('1个工作日到场、2个工作日修复（均自报修起）不矛盾', () => {
    expect(errorsOf([arrive(1, '工作日'), fix(2, '工作日')])).toEqual([]);
  });
  it('2个工作日到场、1个工作日修复是矛盾', () => {
    expect(errorsOf([arrive(2, '工作日'), fix(1, '工作日')]).map((p) => p.code)).toEqual(['resolution_before_arrival']);
  });
  it('三级故障与总体承诺都是1个月时不报；总体以月、分级以天计时从严', () => {
    const d = (id: string, value: number, unit: string, scope?: object) =>
      deadline(id, 'deliver_parts', value, unit, 'request', scope);
    expect(errorsOf([d('deliver_parts', 1, '个月'), d('deliver_parts_l3', 1, '个月', { level: '三级' })])).toEqual([]);
    expect(
      errorsOf([d('deliver_parts', 1, '个月'), d('deliver_parts_l3', 30, '天', { level: '三级' })]).map((p) => p.code),
    ).toEqual(['exceeds_general_promise']);
  });
  it('分级以工作日计、总体以小时计：1个工作日可能长于24小时（遇周末、节假日），报错', () => {
    expect(
      problemsOf(factsContext([arrive(24, '小时'), arrive(1, '工作日', { level: '一级' })]), 'exceeds_general_promise'),
    ).toHaveLength(1);
  });
});

describe('安装服务商的时限不宽于我方对采购人的承诺', () => {
  const installer = (kind: string, value: number, unit: string, from: string, scope: object = {}) =>
    deadline(`installer_${kind}`, kind, value, unit, from, { party: 'installer', ...scope });
  it('协议给服务商的到场时限宽于我方承诺时报错，以承诺的名称称呼', () => {
    const [p, ...more] = errorsOf([arrive(2, '小时'), installer('arrive', 4, '小时', 'notice')]);
    expect(more).toEqual([]);
    expect(p).toMatchObject({ code: 'installer_arrival_looser', field: 'commitments.1' });
    expect(p!.message).toBe(
      '「安装服务商到达现场时限」4小时长于「到达现场时限」2小时：安装服务商的到场时限宽于我方向采购人承诺的到场时限，服务商按协议到场时我方已经违约',
    );
    expect(errorsOf([arrive(2, '小时'), installer('arrive', 2, '小时', 'notice')])).toEqual([]);
  });
  it('服务商的修复时限宽于我方时报错；不宽时不报', () => {
    const ours = fix(24, '小时', 'arrival');
    expect(errorsOf([ours, installer('fix', 2, '天', 'arrival')]).map((p) => p.code)).toEqual([
      'installer_resolution_looser',
    ]);
    expect(errorsOf([ours, installer('fix', 12, '小时', 'arrival')])).toEqual([]);
  });
  it('服务商一级故障的到场按我方一级的承诺比较，没有时按总体承诺', () => {
    const l1 = installer('arrive', 3, '小时', 'notice', { level: '一级' });
    expect(errorsOf([arrive(4, '小时'), l1])).toEqual([]);
    expect(errorsOf([arrive(4, '小时'), arrive(2, '小时', { level: '一级' }), l1]).map((p) => p.code)).toEqual([
      'installer_arrival_looser',
    ]);
  });
  it('其他时限（如响应）同样不得宽于我方', () => {
    const respond = deadline('respond', 'respond', 30, '分钟', 'notice');
    expect(errorsOf([respond, installer('respond', 2, '小时', 'notice')]).map((p) => p.code)).toEqual([
      'installer_deadline_looser',
    ]);
    expect(errorsOf([respond, installer('respond', 15, '分钟', 'notice')])).toEqual([]);
  });
  it('我方没有同类承诺时不比较', () => {
    expect(errorsOf([installer('arrive', 4, '小时', 'notice')])).toEqual([]);
  });
});
