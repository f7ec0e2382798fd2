// Phrasings of whole tenders that core/deviation/recognize.ts (pasted requirement lists) does not know. Tried before
// it, so a more specific reading wins (一级故障 arrival before plain arrival, repair counted from the notice before
// repair counted from arrival). Each id is one phrasing; test/tender/phrasings.test.ts has a sentence for each.

// A number not part of 7×24 or a longer number; Chinese numerals too (三年, 两名, 半小时).
const N = '(?<![×xX*＊\\d.])(?<n>\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+|半)\\s*';
const WITHIN = '(?:之内|以内|内)';
const AT_LEAST = '(?:不少于|不低于|不短于|至少|≥|>=|大于等于|不小于|不得少于|不应少于)';
const AT_MOST = '(?:不超过|不大于|不迟于|不得超过|不应超过|不多于|≤|<=|小于等于|最长)';
const TIME = '(?<u>分钟|个小时|小时|个工作日|工作日|个日历日|日历日|天|日)';
const PERIOD = '(?<u>年|个月|月)';

export type ExtraPattern = {
  id: string;
  key?: string;
  op: '<=' | '>=' | '=';
  re: RegExp;
  /** A fixed value for phrasings whose figure is a word (每季度 = 4 a year). */
  value?: (m: RegExpExecArray) => number | undefined;
  unit?: string;
  /** Spans commas: tried on the whole sentence. */
  sentence?: boolean;
};

const x = (
  id: string,
  key: string | undefined,
  op: ExtraPattern['op'],
  source: string,
  more: Partial<ExtraPattern> = {},
): ExtraPattern => ({ id, ...(key ? { key } : {}), op, re: new RegExp(source), ...more });
const PER_YEAR: Record<string, number> = { 月: 12, 个月: 12, 季: 4, 季度: 4, 半年: 2, 年: 1 };

export const EXTRA_PATTERNS: ExtraPattern[] = [
  // fault levels before the general times
  x(
    'l1-arrival',
    'critical_arrival',
    '<=',
    `(?:一级|紧急|重大|严重)故障.*?${N}${TIME}${WITHIN}?(?:派员|派工程师)?(?:赶到|到达|抵达|到场|赶赴)`,
  ),
  x('l1-fix', 'critical_resolution', '<=', `(?:一级|紧急|严重)故障.*?${N}${TIME}${WITHIN}?(?:修复|排除|解决|恢复)`),
  x('l2-fix', 'major_resolution', '<=', `(?:二级|重要)故障.*?${N}${TIME}${WITHIN}?(?:修复|排除|解决|恢复)`),
  x('l3-arrival', 'minor_arrival', '<=', `(?:三级|一般性|轻微)故障.*?${N}${TIME}${WITHIN}?(?:赶到|到达|抵达|到场)`),
  x(
    'major-plan',
    'major_plan_within',
    '<=',
    `重大(?:故障|问题).*?${N}${TIME}${WITHIN}?(?:提出|提交|给出)(?:解决|处理)?方案`,
  ),
  x(
    'region-arrival',
    undefined,
    '<=',
    `(?:省外|省内|市外|市内|市区|县城|郊县|偏远地区|外地)${N}${TIME}${WITHIN}?(?:赶到|到达|抵达|到场)`,
  ),
  // response, arrival and repair
  x(
    'fix-from-notice',
    'resolution_from_report',
    '<=',
    `(?:接到|收到)(?:报修|通知|故障通知|故障报告|用户通知).*?${N}${TIME}${WITHIN}(?:修复|排除故障|恢复正常|解决故障|修好)`,
  ),
  x(
    'reply-within',
    'response_time',
    '<=',
    `^(?!.*投诉).*?${N}(?<u>分钟|个小时|小时)${WITHIN}(?:予以|给予|作出|做出)?(?:答复|回复|回应)`,
  ),
  x('response-at-most', 'response_time', '<=', `响应${AT_MOST}\\s*${N}(?<u>分钟|个小时|小时)`),
  x(
    'onsite',
    'onsite_arrival',
    '<=',
    `${N}${TIME}${WITHIN}?(?:派(?:员|人|工程师|技术人员))?(?:上门|到场|到现场|抵达现场)`,
  ),
  x('arrival-at-most', 'onsite_arrival', '<=', `(?:到达现场|到场|上门)(?:时间)?${AT_MOST}\\s*${N}${TIME}`),
  x('complete-repair', 'resolution_time', '<=', `${N}${TIME}${WITHIN}完成(?:维修|修复|故障处理|故障排除)`),
  x(
    'repair-time',
    'resolution_time',
    '<=',
    `(?:修复|维修|故障处理|排除故障|故障排除|恢复)(?:时间|时限)${AT_MOST}?(?:为|：|:)?\\s*${N}${TIME}`,
  ),
  x('remote', undefined, '<=', `${N}(?<u>分钟|个小时|小时)${WITHIN}(?:完成|提供|进行)?远程(?:诊断|处理|解决|支持)`),
  x(
    'mail-in',
    'repair_turnaround',
    '<=',
    `(?:返厂|寄修|送修)(?:维修)?.*?${N}${TIME}${WITHIN}(?:修复|返还|寄回|维修完毕)`,
  ),
  x(
    'standby-at-most',
    'standby_after',
    '<=',
    `(?:超出|超过)${N}${TIME}(?:仍)?(?:未|不能|无法)(?:修复|排除|解决).*?(?:备用|替换)(?:机|设备)`,
    { sentence: true },
  ),
  // warranty
  x(
    'warranty-compressor',
    'compressor_months',
    '>=',
    `压缩机(?:的)?(?:免费)?(?:质保|保修)(?:期)?(?:为|：)?\\s*${AT_LEAST}?\\s*${N}${PERIOD}`,
  ),
  x(
    'warranty-tank',
    'tank_months',
    '>=',
    `(?:水箱|内胆)(?:的)?(?:免费)?(?:质保|保修)(?:期)?(?:为|：)?\\s*${AT_LEAST}?\\s*${N}${PERIOD}`,
  ),
  x(
    'repair-warranty',
    'repair_warranty_months',
    '>=',
    `(?:维修|修复)(?:后)?(?:的)?(?:部件|产品|设备|部位)?(?:的)?(?:保修|质保)(?:期)?(?:为|：)?\\s*${AT_LEAST}?\\s*${N}${PERIOD}`,
  ),
  x(
    'replaced-part',
    'replaced_part_months',
    '>=',
    `更换(?:后)?的?(?:零部件|部件|配件|备件)(?:的)?(?:保修|质保)(?:期)?(?:为|：)?\\s*${AT_LEAST}?\\s*${N}${PERIOD}`,
  ),
  x(
    'latent-defect',
    'latent_defect_months',
    '>=',
    `潜在缺陷(?:保证期|保修期|责任期)(?:为|：)?\\s*${AT_LEAST}?\\s*${N}${PERIOD}`,
  ),
  x(
    'warranty-years',
    'warranty_months',
    '>=',
    `(?:整机|设备|系统|产品)?(?:免费)?(?:保修|质保|维保)(?:服务)?(?:期限|年限)?(?:为|：)?\\s*${AT_LEAST}?\\s*${N}${PERIOD}(?:以上)?`,
  ),
  x(
    'warranty-free-years',
    'warranty_months',
    '>=',
    `(?:提供)?${N}${PERIOD}(?:以上)?(?:的)?(?:原厂)?(?:免费)?(?:上门)?(?:保修|质保|维保)`,
  ),
  x(
    'replace-after-repairs',
    'repair_limit',
    '<=',
    `(?:同一|相同)(?:故障|部件|问题).*?(?:维修|修理|返修)${N}(?<u>次)(?:后|以上)?.*?(?:更换|调换|退换)`,
    { sentence: true },
  ),
  x(
    'downtime',
    'downtime_limit',
    '<=',
    `(?:停机|故障停机|无法使用)(?:时间)?(?:累计)?(?:超过|超出|达到)${N}${TIME}.*?(?:顺延|重新计算|延长)`,
    { sentence: true },
  ),
  x('doa', undefined, '<=', `(?:到货|交货|验收)后\\s*${N}${TIME}${WITHIN}.*?(?:质量问题|故障).*?(?:换货|更换新)`, {
    sentence: true,
  }),
  // spare parts
  x(
    'parts-years',
    'parts_supply_years',
    '>=',
    `${N}(?<u>年)(?:内|以上)?(?:的)?(?:备品备件|备件|配件|零配件|零部件)(?:的)?(?:供应|供货|保障)`,
  ),
  x(
    'parts-after-stop',
    'parts_supply_years',
    '>=',
    `停产后.*?(?:备品备件|备件|配件|零部件).*?${AT_LEAST}?\\s*${N}(?<u>年)`,
  ),
  x(
    'parts-deliver',
    'parts_dispatch_within',
    '<=',
    `(?:备品备件|备件|配件|零部件)(?:的)?(?:到货|送达|供货)(?:时间)?${AT_MOST}\\s*${N}${TIME}`,
  ),
  // training
  x(
    'training-start-after',
    'training_start_within',
    '<=',
    `(?:安装调试完成|验收合格|到货|交货)(?:之日)?(?:后|起)\\s*${N}${TIME}${WITHIN}(?:完成|开展|组织|安排|进行)(?:免费)?(?:现场)?(?:的)?培训`,
  ),
  x('training-hours', undefined, '>=', `培训.*?${AT_LEAST}?\\s*${N}(?<u>学时|课时)`),
  x('training-sessions', undefined, '>=', `培训(?:次数|场次)?\\s*${AT_LEAST}\\s*${N}(?<u>次|期|场)`),
  x('trainees', undefined, '>=', `(?:培训|受训)(?:人员|人数|学员)(?:人数)?\\s*${AT_LEAST}?\\s*${N}(?<u>人|名)`),
  x(
    'training-days-is',
    'training_days',
    '>=',
    `培训(?:时间|期|周期|天数)?(?:为|：|:)?\\s*${N}(?<u>个工作日|工作日|天|日)`,
  ),
  // visits, inspections, reports
  x(
    'inspect-every',
    'inspection_per_year',
    '>=',
    `每(?<p>个月|月|季度|季|半年|年)(?:至少|不少于)?(?:上门|现场|定期)?(?:巡检|巡查|检查|巡视)(?:一|1)次`,
    { value: (m) => PER_YEAR[m.groups?.p ?? ''], unit: '次' },
  ),
  x(
    'maintain-every',
    'maintenance_per_year',
    '>=',
    `每(?<p>个月|月|季度|季|半年|年)(?:至少|不少于)?(?:免费)?(?:上门)?(?:保养|维护保养|维保|维护)(?:一|1)次`,
    { value: (m) => PER_YEAR[m.groups?.p ?? ''], unit: '次' },
  ),
  x(
    'inspect-per-year',
    'inspection_per_year',
    '>=',
    `每年(?:免费)?(?:上门|现场|定期)?(?:巡检|巡查|检查|巡视)(?:次数)?\\s*${AT_LEAST}?\\s*${N}(?<u>次)`,
  ),
  x(
    'maintain-per-year',
    'maintenance_per_year',
    '>=',
    `每年(?:免费)?(?:上门)?(?:保养|维护保养|维保)(?:次数)?\\s*${AT_LEAST}?\\s*${N}(?<u>次)`,
  ),
  x(
    'first-visit',
    'first_visit_within',
    '<=',
    `(?:验收|交付|安装)(?:合格)?(?:后)?\\s*${N}(?<u>个月|月|周|天|日)${WITHIN}(?:进行|安排)?(?:首次|第一次)回访`,
  ),
  x('call-back', 'survey_within', '<=', `(?:服务|维修)(?:完成|结束)后\\s*${N}${TIME}${WITHIN}(?:进行)?(?:电话)?回访`),
  x('complaint-close', 'complaint_close', '<=', `投诉.*?${N}${TIME}${WITHIN}(?:处理完毕|办结|解决完毕|处理完成)`),
  // resources and schedules
  x(
    'engineers-stationed',
    'dedicated_engineers',
    '>=',
    `(?:派驻|驻场|常驻|专职|专门负责本项目的?)(?:的)?(?:技术人员|工程师|服务人员|维护人员)?\\s*${AT_LEAST}?\\s*${N}(?<u>名|人)`,
  ),
  x(
    'engineers-count',
    'dedicated_engineers',
    '>=',
    `(?:配备|安排|提供)${AT_LEAST}?\\s*${N}(?<u>名|人)(?:以上)?(?:的)?(?:专职|驻场|专业|专门)?(?:技术人员|工程师|服务人员|维护人员)`,
  ),
  x(
    'service-centres',
    'service_centers',
    '>=',
    `(?:服务网点|服务中心|维修网点|售后服务机构|服务机构)(?:数量)?\\s*${AT_LEAST}\\s*${N}(?<u>个|家|处)`,
  ),
  x('satisfaction-rate', 'satisfaction_target', '>=', `满意率\\s*(?:${AT_LEAST}|达到)?\\s*${N}(?<u>%|％)`),
  x('upgrade-years', undefined, '>=', `(?:软件)?(?:免费)?升级(?:服务)?(?:期)?\\s*${AT_LEAST}?\\s*${N}(?<u>年)`),
  x(
    'delivery',
    undefined,
    '<=',
    `(?:合同签订|签订合同|合同生效)(?:之日)?(?:后|起)\\s*${N}${TIME}${WITHIN}(?:完成)?(?:交货|供货|到货|交付)`,
  ),
  x('install', undefined, '<=', `(?:到货|交货)(?:后|起)\\s*${N}${TIME}${WITHIN}(?:完成)?安装(?:调试)?`),
  x(
    'records',
    'records_keep_years',
    '>=',
    `(?:维修|服务)(?:记录|档案)(?:保存|保留)(?:期限)?\\s*${AT_LEAST}?\\s*${N}(?<u>年)`,
  ),
];

/** 7×24 / 5×8 service schedules: a fixed schedule (op "="), not a number. */
export const SCHEDULE = /(?<d>[57])\s*[×xX*＊]\s*(?<h>24|8)\s*(?:小时|h)?/;
