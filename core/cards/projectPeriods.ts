// Warranty periods for a batch that comes from a project: the project's warranty facts (core/commitments — its own
// `commitments`, or the facts its values state), never a second copy of them. 整机 is the plan's whole-unit promise
// (a warranty fact with no component); component facts (压缩机, 水箱内胆, …) follow; a fact scoped to a product applies
// to the card templates that product picks. A card fact for 整机 that differs from the plan is already a check error
// (card_warranty_mismatch); the cards follow the plan and say so. Each period prints in the unit the fact states
// (400天, 6周; years as months, 3年 → 36个月); one a card cannot print (工作日, 小时, 0.5个月) is left off the card
// with a warning naming it, never silently.
import { projectFacts } from '../commitments/resolve.js';
import type { Commitment, FactDuration } from '../commitments/schema.js';
import { sameLength } from '../commitments/time.js';
import { formatNumber } from '../format/zh.js';
import type { Problem } from '../model/problem.js';
import type { Project } from '../model/project.js';
import { matchesTemplate } from './batch.js';
import { type CardPeriod, cardPeriodOf, periodFields } from './period.js';
import type { CardComponent, CardTemplate } from './template.js';

const WHOLE = '整机';
type Warranty = {
  component: string;
  product?: string;
  /** As the fact states it. */
  stated: FactDuration;
  /** As the card prints it; undefined when it cannot. */
  period: CardPeriod | undefined;
  plan: boolean;
};

function warranties(project: Pick<Project, 'commitments' | 'values'>): Warranty[] {
  return projectFacts(project).flatMap((f: Commitment) => {
    if (f.kind !== 'warranty' || !f.offered || !('period' in f)) return [];
    return [
      {
        component: f.scope?.component ?? WHOLE,
        stated: f.period,
        period: cardPeriodOf(f.period),
        plan: !f.scope?.component,
        ...(f.scope?.product ? { product: f.scope.product } : {}),
      },
    ];
  });
}

/** A product's own fact wins over the general one for the same component; the plan's 整机 over the card's. */
const rank = (w: Warranty) => (w.product ? 2 : 0) + (w.plan ? 1 : 0);

/** "24个月", "400天", "5个工作日": a figure as the fact states it. */
const typed = (d: FactDuration, space = '') =>
  `${formatNumber(d.value)}${space}${d.unit === '工作日' ? '个工作日' : d.unit}`;

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
  if (plan && cardWhole && !sameLength(plan.stated, cardWhole.stated)) {
    const params = {
      card: cardWhole.stated.value,
      cardUnit: cardWhole.stated.unit,
      plan: plan.stated.value,
      planUnit: plan.stated.unit,
    };
    problems.push({
      severity: 'warning',
      code: 'card_period_from_plan',
      message: `保修卡的整机保修期（${typed(cardWhole.stated)}）与方案承诺的 ${typed(plan.stated, ' ')}不一致；${
        plan.period ? `卡片按方案印 ${typed(plan.stated, ' ')}` : '方案的期限印不上卡片，卡片不印整机保修期'
      }`,
      params: plan.period ? params : { ...params, why: 'not_printed' },
    });
  }
  // A period no card can print, unless a fact that outranks it for the same component and product is printed instead.
  for (const w of all.filter((w) => !w.period)) {
    const shadowed = all.some(
      (o) => o !== w && o.component === w.component && o.product === w.product && rank(o) > rank(w),
    );
    if (shadowed) continue;
    const what = `${w.product ? `“${w.product}”的` : ''}“${w.component}”`;
    problems.push({
      severity: 'warning',
      code: 'card_period_from_plan',
      message: `${what}的保修期 ${typed(w.stated)} 印不上保修卡：卡片只印整天、整周、整月或整年，并算出到期日；卡片上没有“${w.component}”这一行，请在方案中改用天、周、个月或年`,
      params: {
        why: 'unprintable',
        component: w.component,
        ...(w.product ? { product: w.product } : {}),
        period: w.stated.value,
        unit: w.stated.unit,
      },
    });
  }
  return {
    problems,
    of(t) {
      const byComponent = new Map<string, Warranty>();
      for (const w of all.filter((w) => !w.product || matchesTemplate(w.product, t))) {
        const had = byComponent.get(w.component);
        if (!had || rank(w) > rank(had)) byComponent.set(w.component, w);
      }
      if (!byComponent.size) return undefined;
      const list = [...byComponent.values()].sort((a, b) =>
        a.component === WHOLE ? -1 : b.component === WHOLE ? 1 : 0,
      );
      // The project's periods, the unprintable ones left off (warned above): never the template's in their place.
      return list.flatMap((w) => (w.period ? [{ name: w.component, ...periodFields(w.period) }] : []));
    },
  };
}
