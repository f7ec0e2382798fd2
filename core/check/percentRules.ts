// Shares: a penalty of 合同金额的0.5%/日, a parts discount, a satisfaction target. A promised share lies above 0 and
// at most 100 %: 0 % promises nothing (like a ¥0 fee) and more than 100 % cannot be meant. Both are errors.
import { formatPercent } from '../format/zh.js';
import type { Problem } from '../model/problem.js';
import { factsOf } from './factRules.js';
import { label, tables, type CheckContext, type Rule } from './helpers.js';

/** A number whose unit is %: a share typed as a plain number. */
const isPercentNumber = (d: { type: string; unit?: string | undefined }) =>
  d.type === 'number' && (d.unit?.trim() === '%' || d.unit?.trim() === '％');

type Share = { field: string; label: string; value: number; row?: number; column?: string };

/** Every promised share: percent variables, percent cells of tables, and the discount a fact of the project states. */
function shares(ctx: CheckContext): Share[] {
  const out: Share[] = [];
  for (const [k, d] of ctx.decls) {
    const v = ctx.values.get(k);
    if ((d.type === 'percent' || isPercentNumber(d)) && typeof v === 'number')
      out.push({ field: `values.${k}`, label: label(ctx, k), value: v });
  }
  for (const [k, rows] of tables(ctx)) {
    const cols = (ctx.decls.get(k)?.columns ?? []).filter((c) => c.type === 'percent' || isPercentNumber(c));
    rows.forEach((row, i) => {
      for (const c of cols) {
        const v = row[c.key];
        if (typeof v === 'number')
          out.push({ field: `values.${k}`, label: label(ctx, k), value: v, row: i + 1, column: c.label });
      }
    });
  }
  // Legacy facts are the values above; a discount with no figure would print 下浮0%.
  for (const f of factsOf(ctx))
    if (f.field.startsWith('commitments.') && f.fact.kind === 'parts_price' && f.fact.basis === 'discount')
      out.push({ field: f.field, label: f.label, value: f.fact.percent ?? 0 });
  return out;
}

function problem(code: string, s: Share, zh: string): Problem {
  const value = formatPercent(s.value);
  const where = s.row !== undefined ? `表格「${s.label}」第${s.row}行的「${s.column}」` : `「${s.label}」`;
  return {
    severity: 'error',
    code,
    field: s.field,
    message: `${where}为 ${value}${zh}`,
    params: { label: s.label, value, ...(s.row !== undefined ? { row: s.row, column: s.column! } : {}) },
  };
}

export const PERCENT_RULES: Rule[] = [
  {
    code: 'percent_not_positive',
    severity: 'error',
    describe: 'a promised share is above 0 % (a 0 % penalty or discount promises nothing)',
    run: (ctx) =>
      shares(ctx)
        .filter((s) => s.value <= 0)
        .map((s) => problem('percent_not_positive', s, '：承诺的比例应大于 0%；如不作此项约定，请删去相应承诺')),
  },
  {
    code: 'percent_over_100',
    severity: 'error',
    describe: 'a promised share is at most 100 %',
    run: (ctx) =>
      shares(ctx)
        .filter((s) => s.value > 100)
        .map((s) => problem('percent_over_100', s, '，超过 100%')),
  },
];
