// Rules across the documents of a bid package. They read shared figures, so they also hold inside one document
// that happens to declare both keys; in a package they run once, on the values of every document together.
import type { Rule } from './helpers.js';
import { label, monthsOf, notLonger } from './helpers.js';

export const PACKAGE_RULES: Rule[] = [
  notLonger(
    'installer_arrival_looser',
    'error',
    'installer_arrival',
    'onsite_arrival',
    '安装服务商的到场时限宽于我方向采购人承诺的到场时限，服务商按协议到场时我方已经违约',
  ),
  notLonger(
    'installer_resolution_looser',
    'error',
    'installer_resolution',
    'resolution_time',
    '安装服务商的修复时限宽于我方向采购人承诺的修复时限',
  ),
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
