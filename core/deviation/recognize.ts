// Proposes requirement rows from a tender's pasted service requirements. Proposals only: the writer confirms each
// row and its linked variable, because a tender's wording varies more than any pattern list.
import type { Requirement, RequirementOp } from './schema.js';
import { parseNumber } from './quantities.js';
import { normalizeUnit } from './units.js';

export type RequirementProposal = {
  requirement: Requirement;
  /** Which phrasing matched ("generic" when only a bound like 不少于3年 was found, "none" for free text). */
  pattern: string;
  recognized: boolean;
};

// Not the 24 of "7×24小时" nor the tail of a longer number.
const N = '(?<![×xX*＊\\d.])(?<n>\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+|半)\\s*';
const WITHIN = '(?:之内|以内|内)';
const AT_LEAST = '(?:不少于|不低于|不短于|至少|≥|>=|大于等于|不小于)';
const AT_MOST = '(?:不超过|不大于|不迟于|不得超过|不应超过|不多于|≤|<=|小于等于)';
const TIME = '(?<u>分钟|个小时|小时|个工作日|工作日|天|日)';

/**
 * `sentence`: the phrasing spans commas ("24小时内仍无法修复的，免费提供备用设备"), so it is tried on the whole sentence.
 * `fact`: the fact a promise with no variable of its own answers by (book_ahead).
 */
type Pattern = { id: string; key?: string; fact?: string; op: RequirementOp; re: RegExp; sentence?: boolean };

const p = (id: string, key: string | undefined, op: RequirementOp, source: string, sentence = false): Pattern => ({
  id,
  ...(key ? { key } : {}),
  op,
  re: new RegExp(source),
  ...(sentence ? { sentence } : {}),
});
const BOOK = '(?:进行|办理)?预约';

/** Most specific first: the standby sentence also mentions 修复, the report sentence also mentions 小时内. */
export const PATTERNS: Pattern[] = [
  p(
    'standby',
    'standby_after',
    '<=',
    `${N}${TIME}${WITHIN}?(?:仍)?(?:未能|无法|不能|未)(?:修复|排除|解决).*?备用(?:机|设备)`,
    true,
  ),
  p('standby-after', 'standby_after', '<=', `(?:超过|逾)${N}${TIME}.*?备用(?:机|设备)`, true),
  // Booking ahead is a lead time: "提前不超过1天预约" caps it (ours 提前3天 is worse), "至少提前1个工作日预约" asks for
  // at least that much notice. Before the generic bounds, which would read the figure without knowing its fact.
  { ...p('booking-max', undefined, '<=', `提前${AT_MOST}\\s*${N}${TIME}${BOOK}`), fact: 'book_ahead' },
  {
    ...p('booking-lead-max', undefined, '<=', `预约(?:提前)?(?:时间|期)${AT_MOST}\\s*${N}${TIME}`),
    fact: 'book_ahead',
  },
  {
    ...p('booking-min', undefined, '>=', `(?:${AT_LEAST}\\s*提前|提前${AT_LEAST})\\s*${N}${TIME}${BOOK}`),
    fact: 'book_ahead',
  },
  p('complaint', 'complaint_response', '<=', `投诉.*?${N}${TIME}${WITHIN}(?:答复|回复|反馈|处理)`),
  p('report', 'report_within', '<=', `${N}${TIME}${WITHIN}(?:提交|提供|出具)(?:书面)?(?:的)?(?:巡检|维修|服务)?报告`),
  p('rca', 'rca_within', '<=', `${N}${TIME}${WITHIN}(?:提交|提供|出具)(?:书面)?(?:的)?(?:故障)?(?:原因)?分析报告`),
  p(
    'response',
    'response_time',
    '<=',
    `${N}(?<u>分钟|个小时|小时)${WITHIN}?(?:作出|做出|给予|给出|进行)?(?:电话|远程)?响应`,
  ),
  p('response-time', 'response_time', '<=', `响应时间${AT_MOST}?(?:为|：|:)?\\s*${N}(?<u>分钟|个小时|小时)`),
  p('arrival', 'onsite_arrival', '<=', `${N}${TIME}${WITHIN}(?:派(?:员|人|工程师|技术人员))?(?:赶到|到达|抵达|赶赴)`),
  p('arrival-time', 'onsite_arrival', '<=', `到(?:达现)?场时间${AT_MOST}?(?:为|：|:)?\\s*${N}${TIME}`),
  p(
    'resolution',
    'resolution_time',
    '<=',
    `${N}${TIME}${WITHIN}(?:排除故障|修复|修好|解决(?:问题|故障)?|恢复(?:正常)?(?:使用|运行)?)`,
  ),
  p(
    'training-start',
    'training_start_within',
    '<=',
    `验收(?:合格)?后\\s*${N}${TIME}${WITHIN}(?:开展|组织|安排|进行)?(?:免费)?(?:现场)?培训`,
  ),
  p(
    'parts-dispatch',
    'parts_dispatch_within',
    '<=',
    `(?:备品备件|备件|配件).*?${N}${TIME}${WITHIN}(?:送达|到货|发出|发货|到位|供应)`,
  ),
  p(
    'warranty',
    'warranty_months',
    '>=',
    `(?:免费质保期|免费保修期|质量保证期|质保期|保修期|质保)(?:为|是|：|:)?\\s*${AT_LEAST}?\\s*${N}(?<u>年|个月|月)`,
  ),
  p(
    'parts-supply',
    'parts_supply_years',
    '>=',
    `(?:备品备件|备件|零配件|配件)(?:的)?(?:供应|供货|保障)(?:期|年限|时间)?(?:为)?\\s*${AT_LEAST}?\\s*${N}(?<u>年)`,
  ),
  p('training-days', 'training_days', '>=', `培训.*?${AT_LEAST}\\s*${N}(?<u>个工作日|工作日|天|日)`),
  p(
    'inspection',
    'inspection_per_year',
    '>=',
    `(?:巡检|巡查|上门检查|定期检查)(?:次数)?\\s*${AT_LEAST}\\s*${N}(?<u>次)`,
  ),
  p('maintenance', 'maintenance_per_year', '>=', `保养(?:次数)?\\s*${AT_LEAST}\\s*${N}(?<u>次)`),
  p('satisfaction', 'satisfaction_target', '>=', `满意度\\s*(?:${AT_LEAST}|达到)\\s*${N}(?<u>%|％)`),
  p('engineers', 'dedicated_engineers', '>=', `工程师(?:人数)?\\s*${AT_LEAST}\\s*${N}(?<u>名|人)`),
  p('warranty-of', 'warranty_months', '>=', `${AT_LEAST}\\s*${N}(?<u>年|个月|月)的?(?:免费)?(?:质保|保修|质量保证)`),
  p(
    'generic-min',
    undefined,
    '>=',
    `${AT_LEAST}\\s*${N}(?<u>个工作日|工作日|个小时|小时|分钟|天|日|个月|年|次|名|人|%|％)`,
  ),
  p('generic-max', undefined, '<=', `${AT_MOST}\\s*${N}(?<u>个工作日|工作日|个小时|小时|分钟|天|日|个月|年)`),
  p('generic-within', undefined, '<=', `${N}(?<u>个工作日|工作日|个小时|小时|分钟|天|日)${WITHIN}`),
];

const SENTENCE_PATTERNS = PATTERNS.filter((x) => x.sentence);

type Match = { pattern: Pattern; value: number; unit: string };

function matchPart(part: string, patterns = PATTERNS): Match | undefined {
  for (const pattern of patterns) {
    const m = pattern.re.exec(part);
    const value = m?.groups?.n !== undefined ? parseNumber(m.groups.n) : undefined;
    if (m && value !== undefined) return { pattern, value, unit: normalizeUnit(m.groups?.u) };
  }
  return undefined;
}

const ITEM =
  /^\s*(?:[★▲*]\s*)?((?:\d+[.．])+\d*|\d+[、)）]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)?\s*/;

/** Splits pasted text into sentences, each with the item number of its line and its ★ flag. */
function sentences(text: string): { item: string; star: boolean; text: string }[] {
  const out: { item: string; star: boolean; text: string }[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    // Chapter headings (第四章 售后服务要求) are not requirements.
    if (/^\s*第[一二三四五六七八九十\d]+[章节篇部]/.test(rawLine)) continue;
    const star = /[★]/.test(rawLine);
    const m = ITEM.exec(rawLine);
    const raw = m?.[1] ?? '';
    // （3） and (3) are kept whole, in full-width brackets; 3.1. / 3、 / 3) lose their trailing mark.
    const item = /^[（(]/.test(raw) ? `（${raw.slice(1, -1)}）` : raw.replace(/[.．、)）]$/, '');
    const rest = rawLine
      .slice(m?.[0].length ?? 0)
      .replace(/[★▲]/g, '')
      .trim();
    for (const s of rest.split(/[。；;]/)) {
      const t = s.trim();
      if (t.length >= 2) out.push({ item, star, text: t });
    }
  }
  return out;
}

/** Requirement rows proposed from pasted text: one per recognised figure, free-text rows for the rest. */
export function recognizeRequirements(text: string): RequirementProposal[] {
  const out: RequirementProposal[] = [];
  for (const s of sentences(text)) {
    const whole = matchPart(s.text, SENTENCE_PATTERNS);
    const parts = s.text
      .split(/[，,]/)
      .map((x) => x.trim())
      .filter(Boolean);
    const hits = whole
      ? [{ part: s.text, m: whole }]
      : parts.flatMap((part) => {
          const m = matchPart(part);
          return m ? [{ part, m }] : [];
        });
    if (!hits.length) {
      out.push({ requirement: { item: s.item, text: s.text, star: s.star }, pattern: 'none', recognized: false });
      continue;
    }
    for (const { part, m } of hits) {
      // One figure in the sentence: keep the whole sentence as the tender worded it; several: one row each.
      const wording = hits.length === 1 ? s.text : part;
      out.push({
        requirement: {
          item: s.item,
          text: wording,
          op: m.pattern.op,
          value: m.value,
          unit: m.unit,
          star: s.star,
          ...(m.pattern.key ? { key: m.pattern.key } : {}),
          ...(m.pattern.fact ? { fact: m.pattern.fact } : {}),
        },
        pattern: m.pattern.id,
        recognized: true,
      });
    }
  }
  return out;
}
