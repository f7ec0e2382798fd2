// Every phrasing the tender reader knows, each with a sentence of its own: at least 60, and each gives the figure
// and the variable a bid writer would link by hand.
import { describe, expect, it } from 'vitest';
import { PATTERNS } from '@core/deviation/recognize.js';
import { classifySentence } from '@core/tender/classify.js';
import { EXTRA_PATTERNS } from '@core/tender/patterns.js';

type Case = [
  sentence: string,
  pattern: string,
  op: '<=' | '>=' | '=',
  value: number | string,
  unit: string | undefined,
  key: string | undefined,
];

const CASES: Case[] = [
  // core/deviation's phrasings, reached through the tender reader
  ['4小时内仍无法修复的，免费提供备用机', 'deviation:standby', '<=', 4, '小时', 'standby_after'],
  ['维修时间超过48小时的，须提供备用设备', 'deviation:standby-after', '<=', 48, '小时', 'standby_after'],
  ['计划性上门服务应提前不超过1天预约', 'deviation:booking-max', '<=', 1, '天', undefined],
  ['上门服务的预约提前时间不超过2个工作日', 'deviation:booking-lead-max', '<=', 2, '工作日', undefined],
  ['中标人应至少提前1个工作日预约上门时间', 'deviation:booking-min', '>=', 1, '工作日', undefined],
  ['用户投诉须在24小时内答复', 'deviation:complaint', '<=', 24, '小时', 'complaint_response'],
  ['巡检后3天内提交巡检报告', 'deviation:report', '<=', 3, '天', 'report_within'],
  ['故障排除后2个工作日内提交故障原因分析报告', 'deviation:rca', '<=', 2, '工作日', 'rca_within'],
  ['接到通知后15分钟内电话响应', 'deviation:response', '<=', 15, '分钟', 'response_time'],
  ['响应时间为30分钟', 'deviation:response-time', '<=', 30, '分钟', 'response_time'],
  ['接到报修后2小时内赶到现场', 'deviation:arrival', '<=', 2, '小时', 'onsite_arrival'],
  ['到场时间为4小时', 'deviation:arrival-time', '<=', 4, '小时', 'onsite_arrival'],
  ['到达现场后8小时内排除故障', 'deviation:resolution', '<=', 8, '小时', 'resolution_time'],
  ['验收后3天内免费培训', 'deviation:training-start', '<=', 3, '天', 'training_start_within'],
  ['备件须在48小时内送达现场', 'deviation:parts-dispatch', '<=', 48, '小时', 'parts_dispatch_within'],
  ['质保期为两年', 'deviation:warranty', '>=', 2, '年', 'warranty_months'],
  ['备品备件供应期不少于10年', 'deviation:parts-supply', '>=', 10, '年', 'parts_supply_years'],
  ['现场培训时间不少于3个工作日', 'deviation:training-days', '>=', 3, '工作日', 'training_days'],
  ['巡检不少于4次', 'deviation:inspection', '>=', 4, '次', 'inspection_per_year'],
  ['保养次数不少于2次', 'deviation:maintenance', '>=', 2, '次', 'maintenance_per_year'],
  ['用户满意度不低于95%', 'deviation:satisfaction', '>=', 95, '%', 'satisfaction_target'],
  ['服务工程师不少于3名', 'deviation:engineers', '>=', 3, '人', 'dedicated_engineers'],
  ['提供不少于3年的质量保证', 'deviation:warranty-of', '>=', 3, '年', 'warranty_months'],
  ['年度技术交流不少于2次', 'deviation:generic-min', '>=', 2, '次', undefined],
  ['滤网更换周期不超过5天', 'deviation:generic-max', '<=', 5, '天', undefined],
  ['技术咨询须在3个工作日内书面答复', 'deviation:generic-within', '<=', 3, '工作日', undefined],
  // core/tender's phrasings
  ['一级故障须在1小时内到达现场', 'l1-arrival', '<=', 1, '小时', 'critical_arrival'],
  ['紧急故障应在4小时内修复', 'l1-fix', '<=', 4, '小时', 'critical_resolution'],
  ['二级故障12小时内排除', 'l2-fix', '<=', 12, '小时', 'major_resolution'],
  ['三级故障8小时内到场', 'l3-arrival', '<=', 8, '小时', 'minor_arrival'],
  ['重大故障须在24小时内提交解决方案', 'major-plan', '<=', 24, '小时', 'major_plan_within'],
  ['省外48小时内到达', 'region-arrival', '<=', 48, '小时', undefined],
  ['自接到报修通知起24小时内修复', 'fix-from-notice', '<=', 24, '小时', 'resolution_from_report'],
  ['接到报修电话后10分钟内予以答复', 'reply-within', '<=', 10, '分钟', 'response_time'],
  ['电话响应不超过15分钟', 'response-at-most', '<=', 15, '分钟', 'response_time'],
  ['接到通知后3小时内上门', 'onsite', '<=', 3, '小时', 'onsite_arrival'],
  ['上门时间不超过6小时', 'arrival-at-most', '<=', 6, '小时', 'onsite_arrival'],
  ['48小时内完成维修', 'complete-repair', '<=', 48, '小时', 'resolution_time'],
  ['故障修复时间不超过24小时', 'repair-time', '<=', 24, '小时', 'resolution_time'],
  ['30分钟内提供远程诊断', 'remote', '<=', 30, '分钟', undefined],
  ['返厂维修的设备须在15天内修复返还', 'mail-in', '<=', 15, '天', 'repair_turnaround'],
  ['超过8小时仍未修复的，须提供替换设备', 'standby-at-most', '<=', 8, '小时', 'standby_after'],
  ['压缩机质保不少于6年', 'warranty-compressor', '>=', 6, '年', 'compressor_months'],
  ['水箱内胆保修期为8年', 'warranty-tank', '>=', 8, '年', 'tank_months'],
  ['维修后的部件保修期不少于3个月', 'repair-warranty', '>=', 3, '个月', 'repair_warranty_months'],
  ['更换的零部件保修期为12个月', 'replaced-part', '>=', 12, '个月', 'replaced_part_months'],
  ['潜在缺陷保证期不少于24个月', 'latent-defect', '>=', 24, '个月', 'latent_defect_months'],
  ['整机免费保修3年', 'warranty-years', '>=', 3, '年', 'warranty_months'],
  ['提供5年原厂免费上门保修', 'warranty-free-years', '>=', 5, '年', 'warranty_months'],
  ['同一部件返修2次以上的，予以更换新品', 'replace-after-repairs', '<=', 2, '次', 'repair_limit'],
  ['设备故障停机累计超过20天的，保修期相应顺延', 'downtime', '<=', 20, '天', 'downtime_limit'],
  ['到货后7天内出现质量问题的，予以换货', 'doa', '<=', 7, '天', undefined],
  ['保证10年以上的备件供应', 'parts-years', '>=', 10, '年', 'parts_supply_years'],
  ['产品停产后备件至少供应5年', 'parts-after-stop', '>=', 5, '年', 'parts_supply_years'],
  ['备件到货时间不超过24小时', 'parts-deliver', '<=', 24, '小时', 'parts_dispatch_within'],
  ['安装调试完成后5个工作日内组织培训', 'training-start-after', '<=', 5, '工作日', 'training_start_within'],
  ['操作培训不少于16学时', 'training-hours', '>=', 16, '小时', undefined],
  ['培训不少于3次', 'training-sessions', '>=', 3, '次', undefined],
  ['培训人数不少于20人', 'trainees', '>=', 20, '人', undefined],
  ['培训时间为5天', 'training-days-is', '>=', 5, '天', 'training_days'],
  ['每月定期巡检1次', 'inspect-every', '>=', 12, '次', 'inspection_per_year'],
  ['每半年免费保养一次', 'maintain-every', '>=', 2, '次', 'maintenance_per_year'],
  ['每年现场巡检不少于4次', 'inspect-per-year', '>=', 4, '次', 'inspection_per_year'],
  ['每年免费保养2次', 'maintain-per-year', '>=', 2, '次', 'maintenance_per_year'],
  ['验收合格后1个月内进行首次回访', 'first-visit', '<=', 1, '个月', 'first_visit_within'],
  ['维修完成后2天内进行电话回访', 'call-back', '<=', 2, '天', 'survey_within'],
  ['投诉应在3个工作日内处理完毕', 'complaint-close', '<=', 3, '工作日', 'complaint_close'],
  ['驻场工程师2名', 'engineers-stationed', '>=', 2, '人', 'dedicated_engineers'],
  ['配备不少于3名专职工程师', 'engineers-count', '>=', 3, '人', 'dedicated_engineers'],
  ['服务网点不少于2个', 'service-centres', '>=', 2, '个', 'service_centers'],
  ['用户满意率达到98%', 'satisfaction-rate', '>=', 98, '%', 'satisfaction_target'],
  ['免费软件升级不少于3年', 'upgrade-years', '>=', 3, '年', undefined],
  ['合同签订后30天内交货', 'delivery', '<=', 30, '天', undefined],
  ['到货后5个工作日内完成安装调试', 'install', '<=', 5, '工作日', undefined],
  ['维修记录保存不少于5年', 'records', '>=', 5, '年', 'records_keep_years'],
  ['提供5×8小时技术支持', 'schedule', '=', '5×8', undefined, 'service_hours'],
];

const read = (sentence: string) =>
  classifySentence({ text: sentence, loc: { page: 1, paragraph: 1 }, chapter: ['第三章 采购需求', '一、售后服务要求'] })
    .rows;

describe('招标文件措辞识别', () => {
  it('认得至少60种措辞，每种都有一句自己的例句', () => {
    const known = new Set([
      ...PATTERNS.map((p) => `deviation:${p.id}`),
      ...EXTRA_PATTERNS.map((p) => p.id),
      'schedule',
    ]);
    expect(known.size).toBeGreaterThanOrEqual(60);
    expect([...known].filter((id) => !CASES.some((c) => c[1] === id))).toEqual([]);
  });

  it.each(CASES)('「%s」→ %s %s %s%s', (sentence, pattern, op, value, unit, key) => {
    const rows = read(sentence);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect({
      pattern: row.pattern,
      op: row.op,
      value: row.value ?? row.schedule,
      unit: row.unit,
      key: row.key,
    }).toEqual({ pattern, op, value, unit, key });
  });

  it('一句中的几个时限各成一行，整句原文保留', () => {
    const rows = read('接到报修通知后30分钟内响应，2小时内到达现场，24小时内修复');
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ['response_time', 30],
      ['onsite_arrival', 2],
      ['resolution_time', 24],
    ]);
    expect(new Set(rows.map((r) => r.text)).size).toBe(1);
  });

  it('售后章节外的一般性期限（投标有效期不少于90天）不被提出', () => {
    const rows = classifySentence({
      text: '投标有效期不少于90天',
      loc: { page: 1, paragraph: 1 },
      chapter: ['第二章 投标人须知'],
    }).rows;
    expect(rows).toEqual([]);
  });
});
