// 正偏离 / 无偏离 / 负偏离, computed from the tender's figure and ours — never typed by the writer when a figure
// exists, because a mistyped 正偏离 on a worse promise is how bids get rejected.
import type { Value, VariableDecl } from '../model/variables.js';
import type { Deviation, Requirement, RequirementOp } from './schema.js';
import { findQuantities } from './quantities.js';
import {
  comparable,
  formatQuantity,
  isTimeUnit,
  normalizeUnit,
  type Comparable,
  type Direction,
  type Measure,
  type Quantity,
} from './units.js';
import { factPhrase } from '../commitments/phrase.js';
import type { Commitment } from '../commitments/schema.js';
import { factOfRequirement, factQuantity } from './facts.js';

/** The project's facts: a requirement linked to a fact (or to a legacy key no clause declares) reads it. */
export type DeviationOptions = {
  facts?: readonly Commitment[];
  /** Ignored: a 工作日 is a day, never so many hours (kept so older callers and files still type-check). */
  workingDayHours?: number;
};

/** Why a row's deviation could not be computed; the checks turn these into problems. */
export type DeviationIssue =
  | 'unlinked'
  | 'unknown_variable'
  | 'unknown_fact'
  | 'no_value'
  | 'not_measurable'
  | 'units'
  | 'free_text';

export type DeviationRow = {
  /** 序号, from 1. */
  index: number;
  requirement: Requirement;
  ours?: Quantity | string;
  /** 投标文件应答. */
  response: string;
  /** Absent when it could not be computed and the writer gave none. */
  deviation?: Deviation;
  source: 'computed' | 'manual' | 'none';
  issue?: DeviationIssue;
  /** 说明. */
  note: string;
  /**
   * Why a computed 负偏离 between working days and hours or days is one, for the writer (never printed in the bid):
   * our working days may run over a weekend or a public holiday, or the tender's may be as short as so many days.
   */
  workingDays?: 'ours_longer' | 'theirs_shorter' | 'ours_shorter' | 'theirs_longer';
};

/** Which side's working days make a computed 负偏离 of a time (undefined when units are alike or unordered). */
function workingDaysReason(
  direction: Direction | undefined,
  required: Quantity,
  ours: Quantity,
): DeviationRow['workingDays'] {
  const a = normalizeUnit(ours.unit) === '工作日';
  const b = normalizeUnit(required.unit) === '工作日';
  if (a === b || !isTimeUnit(ours.unit) || !isTimeUnit(required.unit)) return undefined;
  if (direction === 'lower') return a ? 'ours_longer' : 'theirs_shorter';
  if (direction === 'higher') return a ? 'ours_shorter' : 'theirs_longer';
  return undefined;
}

const EPSILON = 1e-9;

/**
 * Compares our figure with the tender's. Direction: `better`, else ≤ means lower is better (a response time),
 * ≥ means higher is better (a warranty). An "=" requirement without a direction accepts only the exact figure.
 */
export function compareFigures(
  op: RequirementOp,
  required: Quantity,
  ours: Quantity,
  better?: Direction,
  measure?: Measure,
): { deviation: Deviation; basis: Comparable['basis'] } | undefined {
  const direction = directionOf(op, better);
  const c = comparable(ours, required, direction, measure);
  if (!c) return undefined;
  const diff = c.ours - c.required;
  const scale = Math.max(1, Math.abs(c.required));
  if (Math.abs(diff) <= EPSILON * scale) return { deviation: '无偏离', basis: c.basis };
  const improves = direction === 'lower' ? diff < 0 : direction === 'higher' ? diff > 0 : false;
  return { deviation: improves ? '正偏离' : '负偏离', basis: c.basis };
}

const directionOf = (op: RequirementOp, better?: Direction): Direction | undefined =>
  better ?? (op === '<=' ? 'lower' : op === '>=' ? 'higher' : undefined);

/** Our committed figure from a variable: a quantity when it is measurable, else its text. */
export function figureOf(decl: VariableDecl, v: Value): Quantity | string | undefined {
  switch (decl.type) {
    case 'duration':
      return v as Quantity;
    case 'integer':
    case 'number':
      return { value: v as number, unit: decl.unit ?? '' };
    case 'percent':
      return { value: v as number, unit: '%' };
    case 'money':
      return { value: (v as number) / 100, unit: '元' };
    case 'text':
    case 'multiline':
    case 'choice':
      return v as string;
    case 'boolean':
      return v ? '是' : '否';
    default:
      return undefined;
  }
}

/** The tender's sentence with its figure replaced by ours: "2小时内响应" + 30分钟 → "30分钟内响应". */
export function responseText(req: Requirement, ours: Quantity | string | undefined): string {
  if (req.response) return req.response;
  if (ours === undefined) return '';
  if (typeof ours === 'string') return ours;
  const shown = formatQuantity(ours);
  if (req.value !== undefined) {
    const hit = findQuantities(req.text).find(
      (q) => Math.abs(q.value - req.value!) < EPSILON && normalizeUnit(q.unit) === normalizeUnit(req.unit),
    );
    if (hit) return req.text.slice(0, hit.start) + shown + req.text.slice(hit.end);
  }
  return shown;
}

/** What is better, in plain words, for the 说明 column: the reader sees why a row is 正偏离. */
function betterWords(req: Requirement, direction: Direction | undefined): string {
  const unit = normalizeUnit(req.unit);
  if (isTimeUnit(unit))
    return direction === 'lower' ? '我方承诺的时限短于招标文件要求' : '我方承诺的期限长于招标文件要求';
  if (unit === '%') return direction === 'lower' ? '我方承诺的比例低于招标文件要求' : '我方承诺的比例高于招标文件要求';
  if (unit === '元') return direction === 'lower' ? '我方报价低于招标文件要求' : '我方承诺的金额高于招标文件要求';
  return direction === 'lower' ? '我方承诺的数量少于招标文件要求' : '我方承诺的数量多于招标文件要求';
}

function noteOf(req: Requirement, deviation: Deviation | undefined, computed: boolean): string {
  const parts: string[] = [];
  if (req.note) parts.push(req.note);
  if (computed && deviation === '正偏离' && req.op) parts.push(betterWords(req, directionOf(req.op, req.better)));
  const accepted = req.accepted?.trim();
  if (deviation === '负偏离' && accepted) parts.push(`负偏离原因：${accepted}`);
  return parts.join('；');
}

/**
 * Our promise in its own words where the tender's sentence with our figure in it would say something else: a
 * booking rule is a minimum (「至少提前3天预约」), so 「提前不超过1天预约」 with our 3 in it would misstate it.
 */
function ownWords(req: Requirement, fact: Commitment | undefined): string | undefined {
  return !req.response && fact?.kind === 'book_ahead' && fact.offered && req.op === '<=' ? factPhrase(fact) : undefined;
}

/** One row of the deviation table for each requirement, in order. */
export function evaluateRequirements(
  reqs: Requirement[],
  decls: Map<string, VariableDecl>,
  values: Map<string, Value>,
  options: DeviationOptions = {},
): DeviationRow[] {
  return reqs.map((req, i) => {
    const decl = req.key ? decls.get(req.key) : undefined;
    const raw = req.key ? values.get(req.key) : undefined;
    // A fact answers when the requirement names one, or when its key is a fact no clause here declares (a 偏离表 alone).
    const fact = req.fact !== undefined || !decl ? factOfRequirement(req, options.facts ?? []) : undefined;
    const withdrawn = fact?.offered === false;
    const ours = fact
      ? withdrawn
        ? undefined
        : factQuantity(fact)
      : decl && raw !== undefined
        ? figureOf(decl, raw)
        : undefined;
    let computed: { deviation: Deviation; basis: Comparable['basis'] } | undefined;
    let issue: DeviationIssue | undefined;
    if (req.op === undefined || req.value === undefined) issue = 'free_text';
    else if (withdrawn) computed = { deviation: '负偏离', basis: 'same-unit' };
    else if (req.fact !== undefined && !fact) issue = 'unknown_fact';
    else if (!req.key && !fact) issue = 'unlinked';
    else if (!decl && !fact) issue = 'unknown_variable';
    else if (ours === undefined) issue = 'no_value';
    else if (typeof ours === 'string') issue = 'not_measurable';
    else {
      // A fact's time is elapsed time, except a training's length; a variable's as before (days of training).
      const measure = fact && fact.kind !== 'train' ? 'elapsed' : 'amount';
      computed = compareFigures(req.op, { value: req.value, unit: req.unit ?? '' }, ours, req.better, measure);
      if (!computed) issue = 'units';
    }
    const workingDays =
      computed?.deviation === '负偏离' && typeof ours === 'object' && req.op && req.value !== undefined
        ? workingDaysReason(directionOf(req.op, req.better), { value: req.value, unit: req.unit ?? '' }, ours)
        : undefined;
    // The writer's own judgement counts only where there is nothing to compute.
    const deviation = computed?.deviation ?? req.deviation;
    const source = computed ? 'computed' : req.deviation ? 'manual' : 'none';
    return {
      index: i + 1,
      requirement: req,
      ...(ours !== undefined ? { ours } : {}),
      response: withdrawn && !req.response ? '我方不作此项承诺' : (ownWords(req, fact) ?? responseText(req, ours)),
      ...(deviation ? { deviation } : {}),
      source,
      ...(issue && !computed ? { issue } : {}),
      note: noteOf(req, deviation, computed !== undefined),
      ...(workingDays ? { workingDays } : {}),
    };
  });
}

export const DEVIATION_TABLE_HEADER = [
  '序号',
  '招标文件条目号',
  '招标文件要求',
  '投标文件应答',
  '偏离',
  '说明',
] as const;

/** The cells of the 偏离表 annex: ★ items keep their star in front of the requirement. */
export function deviationTableCells(
  rows: DeviationRow[],
): Record<'no' | 'item' | 'requirement' | 'response' | 'deviation' | 'note', string>[] {
  return rows.map((r) => ({
    no: String(r.index),
    item: r.requirement.item,
    requirement: `${r.requirement.star ? '★' : ''}${r.requirement.text}`,
    response: r.response,
    deviation: r.deviation ?? '待确认',
    note: r.note,
  }));
}
