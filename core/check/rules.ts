// Checks before export: contradictions between promised facts (factRules), blanks, zero prices and placeholders
// (valueRules, textRules), shares outside 0–100 % (percentRules), dates, tables, unfinished text, unapproved clauses.
// Each rule fires only when the keys it reads are present, so one rule set serves every document type.
import { assemble, type Assembly } from '../assemble/assemble.js';
import { packageOptions } from '../assemble/shared.js';
import { blockText, dateOf, label, tables, type CheckContext, type Rule, type RuleScope } from './helpers.js';
import type { Library } from '../model/library.js';
import type { Problem } from '../model/problem.js';
import type { Project } from '../model/project.js';
import type { Row } from '../model/variables.js';
import { DEVIATION_RULES } from './deviationRules.js';
import { MANDATED_FORM_RULES } from './mandatedFormRules.js';
import { DOCUMENT_RULES } from './documentRules.js';
import { PACKAGE_RULES } from './packageRules.js';
import { FACT_RULES } from './factRules.js';
import { CONFIRM_RULES } from './confirmRules.js';
import { VALUE_RULES } from './valueRules.js';
import { TEXT_RULES } from './textRules.js';
import { PERCENT_RULES } from './percentRules.js';

export type { CheckContext, Rule, RuleScope } from './helpers.js';

export const RULES: Rule[] = [
  {
    code: 'training_before_acceptance',
    severity: 'error',
    describe: 'no training session is dated before acceptance',
    run(ctx) {
      const acceptance = dateOf(ctx, 'acceptance_date');
      const rows = ctx.values.get('training_schedule') as Row[] | undefined;
      if (!acceptance || !rows) return [];
      return rows.flatMap((row, i) =>
        typeof row.date === 'string' && row.date < acceptance
          ? [
              {
                severity: 'error' as const,
                code: 'training_before_acceptance',
                field: 'values.training_schedule',
                message: `培训计划第${i + 1}行的日期 ${row.date} 早于验收日期 ${acceptance}`,
                params: { row: i + 1, date: row.date, acceptance },
              },
            ]
          : [],
      );
    },
  },
  {
    code: 'acceptance_before_bid',
    severity: 'warning',
    describe: 'acceptance is not dated before the document itself',
    run(ctx) {
      const acceptance = dateOf(ctx, 'acceptance_date');
      return acceptance && acceptance < ctx.project.date
        ? [
            {
              severity: 'warning',
              code: 'acceptance_before_bid',
              field: 'values.acceptance_date',
              message: `验收日期 ${acceptance} 早于文件日期 ${ctx.project.date}`,
              params: { acceptance, date: ctx.project.date },
            },
          ]
        : [];
    },
  },
  {
    code: 'end_before_start',
    severity: 'error',
    describe: 'every <x>_end / end_date comes after its start',
    run(ctx) {
      const out: Problem[] = [];
      for (const key of ctx.decls.keys()) {
        const m = /^(.*)(end)(_date)?$/.exec(key);
        if (!m) continue;
        const startKey = `${m[1]}start${m[3] ?? ''}`;
        const start = dateOf(ctx, startKey);
        const end = dateOf(ctx, key);
        if (start && end && end < start)
          out.push({
            severity: 'error',
            code: 'end_before_start',
            field: `values.${key}`,
            message: `「${label(ctx, key)}」${end} 早于「${label(ctx, startKey)}」${start}`,
            params: { label: label(ctx, key), end, startLabel: label(ctx, startKey), start },
          });
      }
      return out;
    },
  },
  {
    code: 'empty_table',
    severity: 'error',
    describe: 'a table variable has at least one row',
    run: (ctx) =>
      tables(ctx).flatMap(([k, rows]) =>
        rows.length
          ? []
          : [
              {
                severity: 'error' as const,
                code: 'empty_table',
                field: `values.${k}`,
                message: `表格「${label(ctx, k)}」没有任何一行`,
                params: { label: label(ctx, k) },
              },
            ],
      ),
  },
  {
    code: 'row_without_price',
    severity: 'error',
    describe: 'every row of a table with a money column has a price above zero',
    run(ctx) {
      const out: Problem[] = [];
      for (const [k, rows] of tables(ctx)) {
        const moneyCols = (ctx.decls.get(k)?.columns ?? []).filter((c) => c.type === 'money');
        rows.forEach((row, i) => {
          for (const c of moneyCols)
            if (row[c.key] === 0)
              out.push({
                severity: 'error',
                code: 'row_without_price',
                field: `values.${k}`,
                message: `表格「${label(ctx, k)}」第${i + 1}行的「${c.label}」为 ¥0.00，请填写价格或注明免费`,
                params: { label: label(ctx, k), row: i + 1, column: c.label },
              });
        });
      }
      return out;
    },
  },
  {
    code: 'unresolved_placeholder',
    scope: 'document',
    severity: 'error',
    describe: 'no Handlebars braces or internal markers remain in the output',
    run(ctx) {
      const bad = ctx.document.blocks.flatMap(blockText).find((t) => /\{\{|\}\}|[\uE000\uE001]/.test(t));
      return bad
        ? [
            {
              severity: 'error',
              code: 'unresolved_placeholder',
              message: `文档中仍有未替换的占位符：${bad.slice(0, 40)}`,
              params: { text: bad.slice(0, 40) },
            },
          ]
        : [];
    },
  },
  {
    code: 'empty_section',
    scope: 'document',
    severity: 'error',
    describe: 'every section has content (in every layout: a letter or a form prints no 一、 heading)',
    run(ctx) {
      // Assembly lists the sections that printed nothing and failed nowhere (core/assemble/assemble.ts).
      return (ctx.emptySections ?? []).map(({ title, printed }) => ({
        severity: 'error' as const,
        code: 'empty_section',
        section: title,
        message: `「${printed}」一节没有内容`,
        params: { section: printed },
      }));
    },
  },
  {
    code: 'unapproved_clause',
    scope: 'document',
    severity: 'warning',
    describe: 'every clause used is approved (otherwise the PDF carries a 草稿 watermark)',
    run: (ctx) =>
      ctx.sections.flatMap((s) =>
        s.clauses
          .filter((c) => c.status !== 'approved')
          .map((c) => ({
            severity: 'warning' as const,
            code: 'unapproved_clause',
            section: s.title,
            clause: c.id,
            message: `条款「${c.title}」（${c.variant}，第${c.version}版）尚未批准，导出的PDF将带“草稿”水印`,
            params: { title: c.title, variant: c.variant, version: c.version },
          })),
      ),
  },
];

RULES.unshift(...FACT_RULES, ...CONFIRM_RULES, ...VALUE_RULES, ...TEXT_RULES, ...PERCENT_RULES);
RULES.push(...DOCUMENT_RULES, ...PACKAGE_RULES, ...DEVIATION_RULES, ...MANDATED_FORM_RULES);

/** Every rule, or only those of one scope. */
export function runChecks(ctx: CheckContext, scope?: RuleScope): Problem[] {
  return RULES.filter((r) => !scope || (r.scope ?? 'values') === scope).flatMap((r) => r.run(ctx));
}

/** Assembly followed by every check: what preview, export and `bidforge check` report. */
export function assembleAndCheck(project: Project, lib: Library): Assembly {
  if (!project.documents) {
    const a = assemble(project, lib);
    return { ...a, problems: [...a.problems, ...runChecks({ ...a, project })] };
  }
  // One document of a bid package: it sees the package's values, and the figure checks read them all
  // (core/package assembles every document at once).
  const options = packageOptions(project, lib);
  const a = assemble(project, lib, options);
  const figures = runChecks({ ...a, ...options.shared, project }, 'values');
  return { ...a, problems: [...a.problems, ...runChecks({ ...a, project }, 'document'), ...figures] };
}
