// Warranty periods for a batch that comes from a project: the project's warranty facts (core/commitments — its own
// `commitments`, or the facts its values state), never a second copy of them. 整机 is the plan's whole-unit promise
// (a warranty fact with no component); component facts (压缩机, 水箱内胆, …) follow; a fact scoped to a product applies
// to the card templates that product picks. A card fact for 整机 that differs from the plan is already a check error
// (card_warranty_mismatch); the cards follow the plan and say so.
import { projectFacts } from '../commitments/resolve.js';
import type { Commitment } from '../commitments/schema.js';
import { monthsOf } from '../commitments/time.js';
import type { Problem } from '../model/problem.js';
import type { Project } from '../model/project.js';
import { matchesTemplate } from './batch.js';
import type { CardComponent, CardTemplate } from './template.js';

const WHOLE = '整机';
type Warranty = { component: string; product?: string; months: number; plan: boolean };

function warranties(project: Pick<Project, 'commitments' | 'values'>): Warranty[] {
  return projectFacts(project).flatMap((f: Commitment) => {
    if (f.kind !== 'warranty' || !f.offered || !('period' in f)) return [];
    const months = monthsOf(f.period);
    if (months === undefined || !Number.isInteger(months)) return [];
    const component = f.scope?.component ?? WHOLE;
    return [
      { component, months, plan: !f.scope?.component, ...(f.scope?.product ? { product: f.scope.product } : {}) },
    ];
  });
}

export type ProjectPeriods = {
  /** The periods a template's cards print; undefined when the project states none for it. */
  of(t: CardTemplate): CardComponent[] | undefined;
  problems: Problem[];
};

export function periodsFromProject(project: Pick<Project, 'commitments' | 'values'>): ProjectPeriods {
  const all = warranties(project);
  const problems: Problem[] = [];
  const plan = all.find((w) => w.plan && !w.product);
  const cardWhole = all.find((w) => !w.plan && w.component === WHOLE && !w.product);
  if (plan && cardWhole && plan.months !== cardWhole.months)
    problems.push({
      severity: 'warning',
      code: 'card_period_from_plan',
      message: `保修卡的整机保修期（${cardWhole.months}个月）与方案承诺的 ${plan.months} 个月不一致；卡片按方案印 ${plan.months} 个月`,
      params: { card: cardWhole.months, plan: plan.months },
    });
  return {
    problems,
    of(t) {
      // A product's own fact wins over the general one for the same component; the plan's 整机 over the card's.
      const rank = (w: Warranty) => (w.product ? 2 : 0) + (w.plan ? 1 : 0);
      const byComponent = new Map<string, Warranty>();
      for (const w of all.filter((w) => !w.product || matchesTemplate(w.product, t))) {
        const had = byComponent.get(w.component);
        if (!had || rank(w) > rank(had)) byComponent.set(w.component, w);
      }
      const list = [...byComponent.values()].sort((a, b) =>
        a.component === WHOLE ? -1 : b.component === WHOLE ? 1 : 0,
      );
      return list.length ? list.map((w) => ({ name: w.component, months: w.months })) : undefined;
    },
  };
}
