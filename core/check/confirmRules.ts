// Facts whose figure is still the 承诺 catalogue's example (added there and neither edited nor confirmed since): a
// promise nobody typed must not reach a bid, so each is an error — export refuses errors — naming the fact and the
// example it shows. Facts read from legacy values never carry the mark.
import { factFigure } from '../commitments/phrase.js';
import type { Problem } from '../model/problem.js';
import { factsOf } from './factRules.js';
import type { Rule } from './helpers.js';

export const CONFIRM_RULES: Rule[] = [
  {
    code: 'unconfirmed_figure',
    severity: 'error',
    describe: "no offered fact still holds the catalogue's example figure, unconfirmed",
    run: (ctx) =>
      factsOf(ctx)
        .filter((f) => f.fact.unconfirmed)
        .map((f): Problem => {
          const params = { label: f.label, value: factFigure(f.fact) };
          return {
            severity: 'error',
            code: 'unconfirmed_figure',
            field: f.field,
            message: `「${params.label}」的数值是示例（${params.value}），尚未确认：请填写或确认后再导出`,
            params,
          };
        }),
  },
];
