// Rules across the documents of a bid package. They read shared figures, so they also hold inside one document
// that happens to declare both keys; in a package they run once, on the values of every document together.
// The installer's times against ours are facts, checked in core/check/factRules.ts.
import type { Rule } from './helpers.js';
import { label, monthsOf } from './helpers.js';

export const PACKAGE_RULES: Rule[] = [
  {
    code: 'card_warranty_mismatch',
    severity: 'error',
    describe: 'the warranty card promises the same whole-unit warranty as the service plan',
    run(ctx) {
      const card = monthsOf(ctx, 'whole_unit_months');
      const plan = monthsOf(ctx, 'warranty_months');
      return card !== undefined && plan !== undefined && card !== plan
        ? [
            {
              severity: 'error',
              code: 'card_warranty_mismatch',
              field: 'values.whole_unit_months',
              message: `保修卡「${label(ctx, 'whole_unit_months')}」${card}个月与售后服务方案「${label(ctx, 'warranty_months')}」${plan}个月不一致`,
              params: {
                cardLabel: label(ctx, 'whole_unit_months'),
                card,
                planLabel: label(ctx, 'warranty_months'),
                plan,
              },
            },
          ]
        : [];
    },
  },
];
