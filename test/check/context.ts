// Check contexts for the check tests: a project stating its own facts, tender requirements, or typed values.
import { runChecks, type CheckContext } from '@core/check/rules.js';
import { commitmentsSchema } from '@core/commitments/schema.js';
import { requirementSchema } from '@core/deviation/schema.js';
import type { Problem } from '@core/model/problem.js';
import type { Project } from '@core/model/project.js';
import { checkContext, type Spec } from '../helpers/checkContext.js';

/** Chinese labels, as a real clause gives its variables. */
const LABELS: Record<string, string> = {
  onsite_arrival: '现场到达时间',
  complaint_response: '投诉响应时间',
  complaint_close: '投诉办结时限',
  satisfaction_target: '满意度目标',
  delay_penalty_percent: '逾期完工每日扣款比例',
  parts_discount: '零部件价格下浮比例',
  warranty_months: '质保期（月）',
  manager_title: '服务经理职务',
  penalties: '违约扣款标准',
  discount_rates: '备件折扣比例',
};

/** A context with typed values (each required and labelled), and project fields or facts when given. */
export function valuesContext(spec: Spec, project: Partial<Project> = {}): CheckContext {
  const c = checkContext(spec, {}, (k) => LABELS[k] ?? k);
  return { ...c, project: { ...c.project, ...project } };
}

/** A context whose project states its own facts (parsed as a project file would be), and perhaps values. */
export function factsContext(facts: unknown[], spec: Spec = {}, project: Partial<Project> = {}): CheckContext {
  return valuesContext(spec, { commitments: commitmentsSchema.parse(facts), ...project });
}

/** A context with tender requirements (parsed as a project file would be) answered by facts. */
export function requirementsContext(requirements: unknown[], facts: unknown[] = [], spec: Spec = {}): CheckContext {
  return factsContext(facts, spec, { requirements: requirements.map((r) => requirementSchema.parse(r)) });
}

/** The problems of one code. */
export const problemsOf = (c: CheckContext, code: string): Problem[] => runChecks(c).filter((p) => p.code === code);

/** A deadline fact. */
export const deadline = (id: string, kind: string, value: number, unit: string, from: string, scope?: object) => ({
  id,
  kind,
  within: { value, unit },
  from,
  ...(scope ? { scope } : {}),
});
