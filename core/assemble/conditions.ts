// Conditions over variables: which clauses and sections a document includes.
// Evaluated on parsed values (durations compared by length, money in yuan), never by running template code.
import { durationHours } from '../format/zh.js';
import type { Condition, When } from '../model/library.js';
import type { Duration, Value, VariableDecl } from '../model/variables.js';

/** Why a condition cannot be decided (core/i18n/problemText.ts words it by `issue`). */
export type ConditionProblem = {
  message: string;
  params: { key: string; op: string; issue: 'undeclared' | 'no_value' | 'types' };
};
export type ConditionOutcome = { holds: boolean; problem?: ConditionProblem };

const problem = (c: Condition, issue: ConditionProblem['params']['issue'], message: string): ConditionOutcome => ({
  holds: false,
  problem: { message, params: { key: c.key, op: c.op, issue } },
});

export const conditionsOf = (when: When | undefined): Condition[] =>
  when === undefined ? [] : Array.isArray(when) ? when : [when];

const isDuration = (v: unknown): v is Duration => typeof v === 'object' && v !== null && 'unit' in v && 'value' in v;

const CALENDAR: Partial<Record<Duration['unit'], number>> = { 个月: 1, 年: 12 };
/**
 * Two durations as numbers to compare: in months when both are months or years (12个月 is exactly 1年), else in
 * hours (a month as 30 days, a year as 365).
 */
function durationPair(a: Duration, b: Duration): [number, number] {
  const ma = CALENDAR[a.unit];
  const mb = CALENDAR[b.unit];
  if (ma !== undefined && mb !== undefined) return [a.value * ma, b.value * mb];
  return [durationHours(a), durationHours(b)];
}

/** The side of a comparison as a number or string: money (kept in fen) in yuan; durations are paired above. */
function comparable(decl: VariableDecl, v: Value): number | string | boolean | undefined {
  if (decl.type === 'duration' && isDuration(v)) return durationHours(v);
  if (decl.type === 'money' && typeof v === 'number') return v / 100;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return undefined;
}

function sides(
  decl: VariableDecl,
  v: Value,
  c: Condition,
): [ReturnType<typeof comparable>, ReturnType<typeof comparable>] {
  if (decl.type === 'duration' && isDuration(v) && isDuration(c.value)) return durationPair(v, c.value);
  return [comparable(decl, v), isDuration(c.value) ? durationHours(c.value) : c.value];
}

/** Whether one condition holds. A variable without a value makes it false (its absence is reported elsewhere). */
export function evaluateCondition(
  c: Condition,
  decls: Map<string, VariableDecl>,
  values: Map<string, Value>,
): ConditionOutcome {
  const decl = decls.get(c.key);
  if (!decl) return problem(c, 'undeclared', `条件引用了未声明的变量 ${c.key}`);
  const v = values.get(c.key);
  if (c.op === 'set')
    return { holds: v !== undefined && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0) };
  if (v === undefined) return { holds: false };
  const [a, b] = sides(decl, v, c);
  if (a === undefined || b === undefined) return problem(c, 'no_value', `条件 ${c.key} ${c.op} 缺少可比较的值`);
  if (c.op === 'eq') return { holds: a === b };
  if (c.op === 'ne') return { holds: a !== b };
  if (typeof a !== typeof b || typeof a === 'boolean')
    return problem(c, 'types', `条件 ${c.key} ${c.op} 的两边类型不同，无法比较大小`);
  switch (c.op) {
    case 'gte':
      return { holds: a >= b };
    case 'lte':
      return { holds: a <= b };
    case 'gt':
      return { holds: a > b };
    case 'lt':
      return { holds: a < b };
  }
}

/** All conditions of a `when` hold; problems (bad references) are returned for the caller to place. */
export function evaluateWhen(
  when: When | undefined,
  decls: Map<string, VariableDecl>,
  values: Map<string, Value>,
): { holds: boolean; problems: ConditionProblem[] } {
  const outcomes = conditionsOf(when).map((c) => evaluateCondition(c, decls, values));
  return { holds: outcomes.every((o) => o.holds), problems: outcomes.flatMap((o) => (o.problem ? [o.problem] : [])) };
}
