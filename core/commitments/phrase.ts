// Facts in formal Chinese: a label for forms and problems, and the phrase a clause prints
// (「自接到报修通知起2小时内到达现场」). Every figure in a phrase is the fact's own.
import { formatMoney, formatNumber } from '../format/zh.js';
import { parseMoneyToFen } from '../model/variables.js';
import type {
  Channel,
  Commitment,
  CycleKind,
  DeadlineKind,
  FactDuration,
  FactEvent,
  PeriodKind,
  Region,
  Scope,
} from './schema.js';

/** 2小时, 3个工作日, 1周, 36个月, 半小时 stays 0.5小时 (a figure, never a word the reader must convert). */
export function formatFactDuration(d: FactDuration): string {
  return `${formatNumber(d.value)}${d.unit === '工作日' ? '个工作日' : d.unit}`;
}

/** The event a time runs from, as the opening of a sentence. */
export const EVENT_FROM: Record<FactEvent, string> = {
  notice: '自接到报修通知起',
  arrival: '工程师到达现场后',
  fix: '故障排除后',
  service: '每次服务完成后',
  receipt: '自收到送修产品起',
  request: '自确认备件需求起',
  complaint: '自接到投诉起',
  acceptance: '自验收合格之日起',
  delivery: '自货物签收之日起',
  installation: '自安装调试完成之日起',
  invoice: '自发票开具之日起',
  expiry: '自质保期满之日起',
};

/** The event as a noun phrase, for labels and the start of a warranty (「保修期自验收合格之日起计算」). */
export const EVENT_NAME: Record<FactEvent, string> = {
  notice: '接到报修通知',
  arrival: '到达现场',
  fix: '故障排除',
  service: '服务完成',
  receipt: '收到送修产品',
  request: '确认备件需求',
  complaint: '接到投诉',
  acceptance: '验收合格之日',
  delivery: '货物签收之日',
  installation: '安装调试完成之日',
  invoice: '发票开具之日',
  expiry: '质保期满之日',
};

const COVER_NAME = { parts: '零部件', labour: '人工', travel: '差旅' } as const;
/** 零部件、人工和差旅 */
const joinAnd = (xs: string[]) =>
  xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join('、')}和${xs[xs.length - 1]}`;

/** What is done by the deadline, completing 「……内」. */
const DEADLINE_ACTION: Record<DeadlineKind, string> = {
  answer: '接听报修电话',
  respond: '作出响应',
  remote_fix: '通过电话或远程方式排除故障',
  arrive: '到达现场',
  diagnose: '查明故障原因',
  propose: '提交书面处理方案',
  fix: '排除故障，恢复设备正常运行',
  replace: '更换故障设备或部件',
  standby: '仍未修复的，免费提供性能不低于原设备的备用设备，直至原设备修复交回',
  escalate: '仍未解决的，升级至技术负责人督办',
  call_back: '进行回访，了解服务质量',
  first_visit: '进行首次上门回访',
  report: '提交书面故障分析报告',
  inspection_report: '提交书面巡检报告',
  deliver_parts: '发出所需备品备件',
  complaint_reply: '答复投诉人',
  complaint_visit: '上门走访投诉人，当面沟通处理意见',
  complaint_close: '办结投诉',
  train_start: '开展现场培训',
  doa_replace: '出现非人为性能故障的，免费更换同型号新品',
  return_goods: '出现非人为性能故障的，可办理退货',
};

const DEADLINE_LABEL: Record<DeadlineKind, string> = {
  answer: '电话接听时限',
  respond: '响应时限',
  remote_fix: '远程排除时限',
  arrive: '到达现场时限',
  diagnose: '查明原因时限',
  propose: '处理方案提交时限',
  fix: '修复时限',
  replace: '更换时限',
  standby: '备用设备提供时限',
  escalate: '升级处理时限',
  call_back: '服务回访时限',
  first_visit: '首次回访时限',
  report: '故障分析报告提交时限',
  inspection_report: '巡检报告提交时限',
  deliver_parts: '备件发出时限',
  complaint_reply: '投诉答复时限',
  complaint_visit: '投诉上门走访时限',
  complaint_close: '投诉办结时限',
  train_start: '培训开始时限',
  doa_replace: '到货包换期',
  return_goods: '到货退货期',
};

const PERIOD_LABEL: Record<PeriodKind, string> = {
  warranty: '保修期',
  repair_warranty: '维修部件保修期',
  replaced_part_warranty: '更换部件保修期',
  latent_defect: '潜在缺陷保证期',
  parts_supply: '备件供应保障期',
  onsite_support: '现场技术支持期',
};

const CYCLE_ACTION: Record<CycleKind, string> = {
  phone_check: '电话回访',
  visit: '上门回访',
  inspect: '现场巡检',
  maintain: '免费保养',
  overhaul: '全面检修',
  drill: '应急演练',
};

const OTHER_LABEL: Record<string, string> = {
  dedicated_engineers: '本项目专职工程师人数',
  engineers: '专业服务工程师人数',
  service_centres: '服务中心数量',
  repair_stations: '维修站数量',
  parts_warehouses: '备件仓库数量',
  annual_fee: '年度维保服务费',
  labour_fee: '保修期外人工费',
  onsite_fee: '保修期外上门服务费',
  travel_fee: '保修期外差旅费',
  parts_price: '保修期外零部件价格',
  replace_after_repairs: '更换前累计维修次数',
  downtime_restart: '保修期重新计算的停机时长',
  book_ahead: '上门服务预约提前时间',
  service_hours: '服务时间',
  train: '培训时间',
  satisfaction: '满意度目标',
};

export const REGION_NAME: Record<Region, string> = {
  city: '市区',
  county: '县（区）',
  province: '省内其他地区',
  out_of_province: '省外',
};
export const CHANNEL_NAME: Record<Channel, string> = {
  hotline: '服务热线',
  after_hours: '非工作时间值班电话',
  onsite: '上门服务',
  remote: '远程支持',
  online: '在线服务',
  email: '电子邮件',
};

/** 「一级故障·」「压缩机」「县（区）」…: what narrows the fact, in front of its label. */
function scopeText(s: Scope | undefined): string {
  if (!s) return '';
  const parts = [
    s.party === 'installer' ? '安装服务商' : '',
    s.product ?? '',
    s.component ?? '',
    s.region ? REGION_NAME[s.region] : '',
    s.level ? `${s.level.replace(/故障$/, '')}故障` : '',
    s.channel ? CHANNEL_NAME[s.channel] : '',
  ];
  return parts.filter(Boolean).join('');
}

/** The fact's name in forms and problems: its own label, else scope + kind (「一级故障到达现场时限」). */
export function factLabel(c: Commitment): string {
  if (c.label) return c.label;
  const base =
    c.kind in DEADLINE_LABEL
      ? DEADLINE_LABEL[c.kind as DeadlineKind]
      : c.kind in PERIOD_LABEL
        ? PERIOD_LABEL[c.kind as PeriodKind]
        : c.kind in CYCLE_ACTION
          ? `${CYCLE_ACTION[c.kind as CycleKind]}周期`
          : (OTHER_LABEL[c.kind] ?? c.kind);
  // A warranty of a component reads 「压缩机保修期」; the whole unit's 「整机保修期」.
  if (c.kind === 'warranty' && !c.scope?.component && !c.scope?.product) return '整机保修期';
  return `${scopeText(c.scope)}${base}`;
}

/** 每年 / 每季度 / 每半年 / 每月 / 每周 / 每2个月. */
export function everyText(d: FactDuration): string {
  if (d.value === 1)
    return { 分钟: '每分钟', 小时: '每小时', 工作日: '每个工作日', 天: '每天', 周: '每周', 个月: '每月', 年: '每年' }[
      d.unit
    ];
  if (d.unit === '个月' && d.value === 3) return '每季度';
  if (d.unit === '个月' && d.value === 6) return '每半年';
  if (d.unit === '个月' && d.value === 12) return '每年';
  return `每${formatFactDuration(d)}`;
}

const moneyText = (yuan: string) => formatMoney(parseMoneyToFen(yuan));

/** The figure alone, as it reads in a table cell or the 偏离表: 2小时, 36个月, 每季度1次, 3次, 300.00元/次. */
export function factFigure(c: Commitment): string {
  switch (c.kind) {
    case 'replace_after_repairs':
      return `${c.repairs}次`;
    case 'downtime_restart':
      return formatFactDuration(c.over);
    case 'book_ahead':
      return `提前${formatFactDuration(c.ahead)}`;
    case 'service_hours':
      return c.schedule === '7x24' ? '7×24小时' : c.schedule === '5x8' ? '工作日每日8小时' : c.text!;
    case 'train':
      return formatFactDuration(c.length);
    case 'satisfaction':
      return `${formatNumber(c.percent)}%`;
    default:
      if ('within' in c) return formatFactDuration(c.within);
      if ('period' in c) return formatFactDuration(c.period);
      if ('times' in c) return `${everyText(c.every)}${c.times}次`;
      if ('count' in c) return `${c.count}${c.kind === 'dedicated_engineers' || c.kind === 'engineers' ? '名' : '个'}`;
      if (c.free) return '免费';
      if (c.basis === 'cost') return '按成本价';
      if (c.basis === 'list') return '按零部件报价清单';
      if (c.basis === 'discount') return `按报价清单下浮${formatNumber(c.percent ?? 0)}%`;
      return `${moneyText(c.amount!)}${c.per ? `/${c.per}` : ''}`;
  }
}

/** The whole promise as a clause prints it, without the closing 「。」. */
export function factPhrase(c: Commitment): string {
  const scope = c.scope?.level ? `${c.scope.level.replace(/故障$/, '')}故障` : '';
  switch (c.kind) {
    case 'replace_after_repairs':
      return `${c.scope?.component === '整机' ? '整机' : c.scope?.component ? `同一${c.scope.component}` : '同一部件'}因质量问题累计维修${c.repairs}次仍不能正常使用的，免费予以更换`;
    case 'downtime_restart':
      return `因质量问题造成设备停机超过${formatFactDuration(c.over)}的，整机保修期自设备修复之日起重新计算`;
    case 'book_ahead':
      return `计划性上门服务至少提前${formatFactDuration(c.ahead)}预约，并按约定时间到达`;
    case 'service_hours': {
      const channel = CHANNEL_NAME[c.scope?.channel ?? 'hotline'];
      if (c.schedule === '7x24') return `${channel}7×24小时受理报修，节假日不休`;
      if (c.schedule === '5x8') return `${channel}于工作日每日8小时受理报修`;
      return `${channel}的服务时间为${c.text}`;
    }
    case 'train':
      return `现场培训累计不少于${formatFactDuration(c.length)}${c.trainees ? `，受训人员不少于${c.trainees}名` : ''}`;
    case 'satisfaction':
      return `用户满意度不低于${formatNumber(c.percent)}%`;
    default:
      break;
  }
  if ('within' in c) {
    const from = EVENT_FROM[c.from];
    const action = DEADLINE_ACTION[c.kind];
    return `${scope ? `${scope}，` : ''}${from}${formatFactDuration(c.within)}内${action}`;
  }
  if ('period' in c) {
    const what =
      c.kind === 'warranty'
        ? `${c.scope?.product ?? ''}${c.scope?.component ?? (c.scope?.product ? '' : '整机')}保修${formatFactDuration(c.period)}`
        : `${PERIOD_LABEL[c.kind]}为${formatFactDuration(c.period)}`;
    const counted = c.from ? `${what}，${EVENT_FROM[c.from]}计算` : what;
    return c.covers?.length
      ? `${counted}；期内维修所需的${joinAnd(c.covers.map((x) => COVER_NAME[x]))}费用由我方承担`
      : counted;
  }
  if ('times' in c) return `${everyText(c.every)}${CYCLE_ACTION[c.kind]}${c.times}次`;
  if ('count' in c) return `${OTHER_LABEL[c.kind]}为${factFigure(c)}`;
  return `${OTHER_LABEL[c.kind]}${c.free ? '全免' : factFigure(c).startsWith('按') ? `${factFigure(c)}收取` : `为${factFigure(c)}`}`;
}

/** A deadline with its event, for a table cell: 「自接到报修通知起4小时内」; other facts print their figure. */
export function factDeadline(c: Commitment): string {
  return 'within' in c ? `${EVENT_FROM[c.from]}${formatFactDuration(c.within)}内` : factFigure(c);
}
