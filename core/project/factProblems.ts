// A wrong field inside a project's facts (project.commitments), named as the 编制 screen names it: the fact by its
// Chinese label (its own name, else kind and scope: 「到达现场时限」), then the field (单位, 起算事件, 地区 …) — never an
// internal key or an array index. A fact too broken to name is 「第 N 项承诺」.
import { factLabel } from '../commitments/phrase.js';
import {
  type Commitment,
  COUNT_KINDS,
  CYCLE_KINDS,
  DEADLINE_KINDS,
  PERIOD_KINDS,
  PRICE_KINDS,
  scopeSchema,
} from '../commitments/schema.js';
import { invisibleIn } from '../text/names.js';
import type { z } from 'zod';

/** The fields of a fact, in Chinese and English. */
const FACT_FIELD: Record<string, { zh: string; en: string }> = {
  id: { zh: '标识', en: 'id' },
  kind: { zh: '类型', en: 'kind' },
  label: { zh: '名称', en: 'name' },
  offered: { zh: '是否承诺', en: 'offered' },
  unconfirmed: { zh: '示例数值待确认', en: 'example figure not yet confirmed' },
  scope: { zh: '适用范围', en: 'scope' },
  level: { zh: '故障等级', en: 'fault level' },
  product: { zh: '产品', en: 'product' },
  component: { zh: '部件', en: 'component' },
  region: { zh: '地区', en: 'region' },
  channel: { zh: '服务渠道', en: 'channel' },
  party: { zh: '承诺方', en: 'party' },
  within: { zh: '时限', en: 'time limit' },
  period: { zh: '期限', en: 'period' },
  every: { zh: '周期', en: 'cycle' },
  over: { zh: '停机时长', en: 'downtime' },
  ahead: { zh: '提前时间', en: 'notice period' },
  length: { zh: '培训时长', en: 'training length' },
  value: { zh: '数值', en: 'figure' },
  unit: { zh: '单位', en: 'unit' },
  from: { zh: '起算事件', en: 'starting event' },
  separate: { zh: '单独计算', en: 'separate' },
  covers: { zh: '保修内容', en: 'what is covered' },
  times: { zh: '次数', en: 'number of times' },
  count: { zh: '数量', en: 'number' },
  amount: { zh: '金额', en: 'amount' },
  per: { zh: '计价单位', en: 'charged per' },
  free: { zh: '是否免费', en: 'free' },
  basis: { zh: '计价方式', en: 'pricing basis' },
  percent: { zh: '百分比', en: 'percentage' },
  repairs: { zh: '维修次数', en: 'number of repairs' },
  schedule: { zh: '服务时间安排', en: 'schedule' },
  text: { zh: '文字说明', en: 'text' },
  trainees: { zh: '培训人数', en: 'number of trainees' },
};

const KINDS = new Set<string>([
  ...DEADLINE_KINDS,
  ...PERIOD_KINDS,
  ...CYCLE_KINDS,
  ...COUNT_KINDS,
  ...PRICE_KINDS,
  ...['replace_after_repairs', 'downtime_restart', 'book_ahead', 'service_hours', 'train', 'satisfaction'],
]);

/** A fact's own name if it is one a person can read (not too long, nothing invisible). */
const readableLabel = (label: unknown) =>
  typeof label === 'string' && label.length >= 1 && label.length <= 60 && !invisibleIn(label) ? label : undefined;

/** The label of a raw, possibly broken fact, from the parts of it that are valid; none when it has no known kind. */
function named(item: unknown): { zh: string; en: string } | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const raw = item as Record<string, unknown>;
  const own = readableLabel(raw.label);
  if (own) return { zh: own, en: `commitment “${own}”` };
  if (typeof raw.kind !== 'string' || !KINDS.has(raw.kind)) return undefined;
  const scope = scopeSchema.safeParse(raw.scope);
  const zh = factLabel({ kind: raw.kind, scope: scope.success ? scope.data : undefined } as Commitment);
  return /^[\x20-\x7e]*$/.test(zh) ? undefined : { zh, en: `commitment “${zh}”` };
}

/** The field at `path` (after 'commitments') by its labels, e.g. 承诺『到达现场时限』的时限·单位. */
export function factFieldName(path: readonly PropertyKey[], json: Record<string, unknown>): { zh: string; en: string } {
  if (typeof path[0] !== 'number') return { zh: '承诺事项', en: 'commitments' };
  const list = Array.isArray(json.commitments) ? json.commitments : [];
  const own = named(list[path[0]]);
  const fact = own
    ? { zh: `承诺『${own.zh}』`, en: own.en }
    : { zh: `第 ${path[0] + 1} 项承诺`, en: `commitment #${path[0] + 1}` };
  const fields = path.slice(1).filter((p) => typeof p === 'string');
  if (!fields.length) return fact;
  const zh = fields.map((f) => FACT_FIELD[f]?.zh ?? '某项内容').join('·');
  const en = fields.map((f) => FACT_FIELD[f]?.en ?? 'a field').join(' ');
  return { zh: `${fact.zh}的${zh}`, en: `${en} of ${fact.en}` };
}

/** A figure out of range, a text or a list too long: with the limit (and a text's or list's own length). */
function boundIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
): { issue: string; zh: string; params: Record<string, number> } | undefined {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return undefined;
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  if (issue.origin === 'number') {
    if (issue.code === 'too_big') return { issue: 'number_max', zh: `不能大于 ${limit}`, params: { limit } };
    return issue.inclusive
      ? { issue: 'number_min', zh: `不能小于 ${limit}`, params: { limit } }
      : { issue: 'number_above', zh: `必须大于 ${limit}`, params: { limit } };
  }
  if (issue.code !== 'too_big') return undefined;
  const length = Array.isArray(input) || typeof input === 'string' ? input.length : undefined;
  if (length === undefined) return undefined;
  if (issue.origin === 'array')
    return { issue: 'items_max', zh: `共 ${length} 项，超过上限 ${limit} 项`, params: { length, limit } };
  if (issue.origin === 'string')
    return { issue: 'text_max', zh: `共 ${length} 个字符，超过上限 ${limit} 个`, params: { length, limit } };
  return undefined;
}

/** What is wrong, where a generic zod code says too little: a fact id used twice, an invisible character. */
export function factIssue(
  path: readonly PropertyKey[],
  issue: z.core.$ZodIssue,
  json: Record<string, unknown>,
): { issue: string; zh: string; params?: Record<string, string | number> } | undefined {
  const input = path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    json.commitments,
  );
  const bound = boundIssue(issue, input);
  if (bound) return bound;
  if (issue.code !== 'custom') return undefined;
  const last = path[path.length - 1];
  if (last === 'id' && typeof path[0] === 'number') {
    // The fact whose id it repeats, by its label: 「与承诺『到达现场时限』重复」.
    const list = Array.isArray(json.commitments) ? (json.commitments as unknown[]) : [];
    const id = (list[path[0]] as { id?: unknown } | undefined)?.id;
    const first = list.findIndex((c) => (c as { id?: unknown } | null)?.id === id);
    const other = first >= 0 && first !== path[0] ? named(list[first]) : undefined;
    return other
      ? { issue: 'duplicate_of', zh: `与承诺『${other.zh}』重复`, params: { other: other.zh } }
      : { issue: 'duplicate', zh: '与另一项承诺重复' };
  }
  if (last === 'label' && typeof path[0] === 'number') {
    const item = (Array.isArray(json.commitments) ? json.commitments : [])[path[0]] as { label?: unknown } | undefined;
    const bad = typeof item?.label === 'string' ? invisibleIn(item.label) : undefined;
    if (bad)
      return {
        issue: 'invisible',
        zh: `含有看不见的字符（${bad.codePoint} ${bad.zh}）`,
        params: { codePoint: bad.codePoint, charEn: bad.en },
      };
  }
  return undefined;
}
