// Values that would print a wrong or unfinished figure: blanks, zero prices and placeholders are errors, because
// each of them reaches the bid as it is (「由担任」, ¥0.00, 待定).
import { factsOf } from './factRules.js';
import type { Problem } from '../model/problem.js';
import type { Row } from '../model/variables.js';
import { label, type Rule } from './helpers.js';

/** 待定, XXX, TBD, ＊＊, 另议, ___ …: text that stands in for a figure or a name nobody has decided. */
export const PLACEHOLDER =
  /((?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|Ｘ{2,}|待定|待补充|待确认|另议|\bTBD\b|\bTBA\b|\*{2,}|＊{2,}|_{3,}|＿{2,}|\?{2,}|？{2,})/i;

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
    describe: 'a required text is not empty or blank (a blank prints a broken sentence such as 「由担任」)',
    run(ctx) {
      const out: Problem[] = [];
      for (const [key, d] of ctx.decls) {
        const v = ctx.values.get(key);
        const blank =
          (d.type === 'text' || d.type === 'multiline') && d.required && typeof v === 'string' && v.trim() === '';
        const blankItem = d.type === 'list' && Array.isArray(v) && (v as string[]).findIndex((s) => s.trim() === '');
        if (blank)
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
        const hit = f.field.startsWith('commitments.')
          ? textsOf([f.fact.label ?? '', 'text' in f.fact ? (f.fact.text ?? '') : '']).find((t) => PLACEHOLDER.test(t))
          : undefined;
        if (hit)
          out.push({
            severity: 'error',
            code: 'placeholder_value',
            field: f.field,
            message: `「${f.label}」仍是占位内容：${hit.slice(0, 30)}`,
            params: { label: f.label, text: hit.slice(0, 30) },
          });
      }
      return out;
    },
  },
];
