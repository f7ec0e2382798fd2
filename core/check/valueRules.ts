// Values that would print a wrong or unfinished figure: blanks, zero prices and placeholders are errors, because
// each of them reaches the bid as it is (「由担任」, ¥0.00, 待定).
import { factsOf } from './factRules.js';
import type { Problem } from '../model/problem.js';
import { parseMoneyToFen, type Duration, type Row } from '../model/variables.js';
import { factName, factTexts } from './factTexts.js';
import { label, shown, type Rule } from './helpers.js';
import { LEGACY_KEYS } from '../commitments/legacy.js';
import { effectiveValues, hasOwnFacts } from '../commitments/resolve.js';
import { isFigure, isSuggested } from '../assemble/values.js';
import { formatMoney } from '../format/zh.js';

/**
 * 待定, XXX, ××, 某某, TBD, ＊＊, 另议, 请填写, ___ …: text that stands in for a figure or a name nobody has decided.
 * A single × is a figure (7×24), two in a row are not; 〇〇 is left alone, it is a year (二〇〇八).
 */
export const PLACEHOLDER =
  /((?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|Ｘ{2,}|×{2,}|□{2,}|某某|待定|待补充|待确认|待填|请填写|另议|\bTBD\b|\bTBA\b|\bTBC\b|\*{2,}|＊{2,}|_{3,}|＿{2,}|\?{2,}|？{2,})/i;

/** Every text of a value: a scalar, the items of a list, the text cells of a table. */
function textsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return [];
  return v.flatMap((x) =>
    typeof x === 'string'
      ? [x]
      : x && typeof x === 'object'
        ? Object.values(x as Row).filter((c): c is string => typeof c === 'string')
        : [],
  );
}

export const VALUE_RULES: Rule[] = [
  {
    code: 'blank_value',
    severity: 'error',
    describe: 'a required text is not empty, no text is blank (a blank prints a broken sentence such as 「由担任」)',
    run(ctx) {
      const out: Problem[] = [];
      for (const [key, d] of ctx.decls) {
        const v = ctx.values.get(key);
        // An optional text left empty is simply absent; one of spaces prints as blank like a required one.
        const blank =
          (d.type === 'text' || d.type === 'multiline') &&
          typeof v === 'string' &&
          v.trim() === '' &&
          (d.required || v !== '');
        const blankItem = d.type === 'list' && Array.isArray(v) && (v as string[]).findIndex((s) => s.trim() === '');
        // A required list with no item prints its lead-in and nothing after it.
        const emptyList = d.type === 'list' && d.required && Array.isArray(v) && v.length === 0;
        if (blank || emptyList)
          out.push({
            severity: 'error',
            code: 'blank_value',
            field: `values.${key}`,
            message: `「${label(ctx, key)}」为空：请填写内容，空白会在文件中留下残缺的句子`,
            params: { label: label(ctx, key) },
          });
        else if (d.type === 'table' && Array.isArray(v)) {
          // Empty cells are refused when the table is read; a cell of spaces passes that and prints blank.
          const textCols = (d.columns ?? []).filter((c) => c.type === 'text' || c.type === 'multiline');
          const hit = (v as Row[]).flatMap((row, i) =>
            textCols
              .filter((c) => typeof row[c.key] === 'string' && (row[c.key] as string).trim() === '')
              .map((c) => ({ row: i + 1, column: c.label })),
          )[0];
          if (hit)
            out.push({
              severity: 'error',
              code: 'blank_table_cell',
              field: `values.${key}`,
              message: `表格「${label(ctx, key)}」第${hit.row}行的「${hit.column}」为空：请填写或删除该行`,
              params: { label: label(ctx, key), ...hit },
            });
        } else if (typeof blankItem === 'number' && blankItem >= 0)
          out.push({
            severity: 'error',
            code: 'blank_list_item',
            field: `values.${key}`,
            message: `「${label(ctx, key)}」第${blankItem + 1}项为空：请填写或删除该项`,
            params: { label: label(ctx, key), item: blankItem + 1 },
          });
      }
      return out;
    },
  },
  {
    code: 'zero_price',
    severity: 'error',
    describe: 'a promised price or fee is not ¥0.00 (a free service is said to be free, not priced at zero)',
    run(ctx) {
      const out: Problem[] = [];
      for (const [key, d] of ctx.decls)
        if (d.type === 'money' && ctx.values.get(key) === 0)
          out.push({
            severity: 'error',
            code: 'zero_price',
            field: `values.${key}`,
            message: `「${label(ctx, key)}」为 ¥0.00：请填写实际金额；如该项免费，请删去收费承诺或在条款中写明免费`,
            params: { label: label(ctx, key) },
          });
      // Facts of the project's own (legacy facts are the values above, reported there once).
      for (const f of factsOf(ctx))
        if (
          f.field.startsWith('commitments.') &&
          'amount' in f.fact &&
          f.fact.amount !== undefined &&
          Number(f.fact.amount) === 0 &&
          !f.fact.free
        )
          out.push({
            severity: 'error',
            code: 'zero_price',
            field: f.field,
            message: `「${f.label}」为 ¥0.00：请填写实际金额；如该项免费，请注明免费`,
            params: { label: f.label },
          });
      return out;
    },
  },
  {
    code: 'free_with_price',
    severity: 'error',
    describe: 'a fee is either free or has an amount, not both',
    run: (ctx) =>
      factsOf(ctx).flatMap((f): Problem[] => {
        if (!('free' in f.fact) || !f.fact.free || f.fact.amount === undefined || Number(f.fact.amount) === 0)
          return [];
        const params = { label: f.label, amount: formatMoney(parseMoneyToFen(f.fact.amount)) };
        return [
          {
            severity: 'error',
            code: 'free_with_price',
            field: f.field,
            message: `「${params.label}」既注明免费，又写明金额${params.amount}：请删去金额，或取消“免费”`,
            params,
          },
        ];
      }),
  },
  {
    code: 'zero_figure',
    severity: 'error',
    describe: 'a promised time, or a promised count or period, is not 0 (「0小时内到达」「保修0个月」)',
    run: (ctx) =>
      [...ctx.decls].flatMap(([key, d]): Problem[] => {
        const v = ctx.values.get(key);
        const zero =
          (d.type === 'duration' && (v as Duration | undefined)?.value === 0) ||
          (d.type === 'integer' && v === 0 && LEGACY_KEYS.has(key));
        if (!zero) return [];
        const params = { label: label(ctx, key), value: shown(ctx, key) };
        return [
          {
            severity: 'error',
            code: 'zero_figure',
            field: `values.${key}`,
            message: `「${params.label}」为${params.value}：承诺的数值应大于零；如不作此项承诺，请删去相应条款`,
            params,
          },
        ];
      }),
  },
  {
    code: 'undecided_figure',
    scope: 'document',
    severity: 'warning',
    describe:
      'an optional figure or example a clause suggests is stated, or knowingly left out (then it is not in the document)',
    run(ctx) {
      // A new project starts without figures (core/assemble/values.ts newProjectValues): `check` names each one the
      // clauses suggest, also the optional ones, whose promise simply disappears when left blank. A project with facts
      // of its own decides those in 承诺 (offered or not), so its fact keys are not asked here.
      const raw = effectiveValues(ctx.project);
      const own = hasOwnFacts(ctx.project);
      const seen = new Set<string>();
      const out: Problem[] = [];
      for (const c of ctx.sections.flatMap((s) => s.clauses))
        for (const { key } of c.variables) {
          // The key as the assembly declared it (every clause's declaration merged: core/assemble/values.ts).
          const d = ctx.decls.get(key);
          if (!d || seen.has(key) || d.required || d.default === undefined || !isSuggested(d)) continue;
          seen.add(d.key);
          // An example that is not a figure (服务时间's wording) is asked for as a wording, not a 数值; an empty one is blank.
          const figure = isFigure(d);
          const v = raw[d.key];
          if ((own && LEGACY_KEYS.has(d.key)) || (v !== undefined && v !== null && (figure || v !== ''))) continue;
          const params = { label: label(ctx, d.key), ...(figure ? {} : { kind: 'text' }) };
          out.push({
            severity: 'warning',
            code: 'undecided_figure',
            clause: c.id,
            field: `values.${d.key}`,
            message: figure
              ? `「${params.label}」未填写：文件中不含这项承诺；如作此承诺，请填写数值`
              : `「${params.label}」未填写：文件中不含这项内容；如需写入，请填写`,
            params,
          });
        }
      return out;
    },
  },
  {
    code: 'placeholder_value',
    severity: 'error',
    describe: 'no value or fact still holds a placeholder such as 待定, XXX, TBD, ＊＊ or 另议',
    run(ctx) {
      const out: Problem[] = [];
      for (const [k, v] of ctx.values) {
        const hit = textsOf(v).find((t) => PLACEHOLDER.test(t));
        if (hit)
          out.push({
            severity: 'error',
            code: 'placeholder_value',
            field: `values.${k}`,
            message: `「${label(ctx, k)}」仍是占位内容：${hit.slice(0, 30)}`,
            params: { label: label(ctx, k), text: hit.slice(0, 30) },
          });
      }
      for (const f of factsOf(ctx)) {
        // Facts of the project's own (legacy facts are the values above, reported there once).
        const hit = f.field.startsWith('commitments.')
          ? factTexts(f.fact).find(([, t]) => PLACEHOLDER.test(t))
          : undefined;
        if (hit) {
          const params = { label: factName(f.fact, hit[0], f.label), text: hit[1].slice(0, 30) };
          out.push({
            severity: 'error',
            code: 'placeholder_value',
            field: f.field,
            message: `「${params.label}」仍是占位内容：${params.text}`,
            params,
          });
        }
      }
      return out;
    },
  },
];
