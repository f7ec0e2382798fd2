// Rules on the forms the tender mandates (#18): a column of the mandated 偏离表 that would print blank in every row —
// nothing we compute fills it and the writer gave no text, or what fills it (the 条目号) is empty in every row — is an
// error naming the column. 说明/备注 may stay empty. A blank in the mandated 承诺书's sentences that asks for a promise
// we do not offer (or none we recognise) is an error naming the sentence; one filled in our own wording because the
// tender's unit cannot state our figure exactly is a warning naming it.
import { letterValues } from '../assemble/mandated.js';
import { projectFacts } from '../commitments/resolve.js';
import { toTraditional } from '../format/script.js';
import { documentLayout } from '../model/document.js';
import type { BlankReport } from '../tender/formsBlanks.js';
import { blankColumns, letterParts, mandatedLetter, mandatedTable } from '../tender/formsFollow.js';
import type { Rule } from './helpers.js';

export const MANDATED_FORM_RULES: Rule[] = [
  {
    code: 'mandated_column_blank',
    scope: 'document',
    severity: 'error',
    describe: 'every column of the mandated 偏离表 is filled (computed or given by the writer)',
    run(ctx) {
      const m = mandatedTable(ctx.project.tender);
      if (!m) return [];
      // A 繁體 document prints the headers converted.
      const printed = (c: string) => (ctx.document.meta.script === 'hant' ? toTraditional(c) : c);
      const table = ctx.document.blocks.find(
        (b) =>
          b.kind === 'table' &&
          b.header.length === m.columns.length &&
          b.header.every((h, i) => h === printed(m.columns[i]!)),
      );
      if (table?.kind !== 'table') return [];
      const empty = m.columns.filter(
        (_, i) =>
          m.fields[i] && m.fields[i] !== 'note' && table.rows.length > 0 && table.rows.every((r) => !r[i]?.trim()),
      );
      const blank = new Set([...blankColumns(m), ...empty]);
      return m.columns
        .filter((c) => blank.has(c))
        .map((column) => ({
          severity: 'error' as const,
          code: 'mandated_column_blank',
          message: `招标文件规定的「${m.title}」中「${column}」一列没有内容：请在招标要求中填写该列，或改用我方格式`,
          params: { form: m.title, column },
        }));
    },
  },
  {
    code: 'mandated_blank_unfilled',
    scope: 'document',
    severity: 'error',
    describe:
      'every blank of the mandated 承诺书 is filled with our figure; one filled in our own wording is a warning',
    run(ctx) {
      if (documentLayout(ctx.document) !== 'letter') return [];
      const letter = mandatedLetter(ctx.project.tender);
      if (!letter) return [];
      const report: BlankReport = { inexact: [], unfilled: [] };
      letterParts(letter.text, letterValues(ctx.project, ctx.values), projectFacts(ctx.project), report);
      return [
        ...report.unfilled.map((sentence) => ({
          severity: 'error' as const,
          code: 'mandated_blank_unfilled',
          message: `招标文件规定的「${letter.title}」中「${sentence}」的空白没有对应的承诺：请在承诺中补充该项，或改用我方格式`,
          params: { form: letter.title, sentence },
        })),
        ...report.inexact.map((sentence) => ({
          severity: 'warning' as const,
          code: 'mandated_blank_own_wording',
          message: `招标文件规定的「${letter.title}」中「${sentence}」的单位无法准确表示我方承诺，已按我方措辞填写`,
          params: { form: letter.title, sentence },
        })),
      ];
    },
  },
];
