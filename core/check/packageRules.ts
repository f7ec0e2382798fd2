// Rules across the documents of a bid package. They read shared figures, so they also hold inside one document
// that happens to declare both keys; in a package they run once, on the values of every document together.
// The installer's times against ours are facts, checked in core/check/factRules.ts.
import { LEGACY_KEY_OF } from '../commitments/legacy.js';
import { formatFactDuration } from '../commitments/phrase.js';
import { hasOwnFacts } from '../commitments/resolve.js';
import type { FactDuration } from '../commitments/schema.js';
import { sameLength } from '../commitments/time.js';
import type { Duration } from '../model/variables.js';
import { factsOf } from './factRules.js';
import type { CheckContext, Rule } from './helpers.js';
import { label } from './helpers.js';

/**
 * A warranty as the writer gave it: a whole number of months (the legacy keys), or a duration in its own unit; in a
 * project with facts of its own, the fact itself when its time gives the key no value (400天 is no whole month).
 */
function periodOf(ctx: CheckContext, key: string): { period: Duration | FactDuration; field: string } | undefined {
  const d = ctx.decls.get(key);
  const v = ctx.values.get(key);
  if (!d) return undefined;
  if (d.type === 'integer' && typeof v === 'number')
    return { period: { value: v, unit: '个月' }, field: `values.${key}` };
  if (d.type === 'duration' && v !== undefined) return { period: v as Duration, field: `values.${key}` };
  if (v !== undefined || !hasOwnFacts(ctx.project)) return undefined;
  const fact = factsOf(ctx).find((f) => LEGACY_KEY_OF.get(f.fact.id) === key);
  return fact && 'period' in fact.fact ? { period: fact.fact.period, field: fact.field } : undefined;
}

export const PACKAGE_RULES: Rule[] = [
  {
    code: 'card_warranty_mismatch',
    severity: 'error',
    describe: 'the warranty card promises the same whole-unit warranty as the service plan (in any units)',
    run(ctx) {
      const card = periodOf(ctx, 'whole_unit_months');
      const plan = periodOf(ctx, 'warranty_months');
      // The same time in other units (12个月 and 1年) agrees; 365天 and 1年 do not, in a leap year.
      if (!card || !plan) return [];
      if (sameLength(card.period, plan.period)) return [];
      const params = {
        cardLabel: label(ctx, 'whole_unit_months'),
        card: formatFactDuration(card.period),
        planLabel: label(ctx, 'warranty_months'),
        plan: formatFactDuration(plan.period),
      };
      return [
        {
          severity: 'error',
          code: 'card_warranty_mismatch',
          field: card.field,
          message: `保修卡「${params.cardLabel}」${params.card}与售后服务方案「${params.planLabel}」${params.plan}不一致`,
          params,
        },
      ];
    },
  },
];
