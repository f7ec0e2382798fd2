// Rules on the forms the tender mandates (#18): a column of the mandated 偏离表 that would print blank in every row —
// nothing we compute fills it and the writer gave no text, or what fills it (the 条目号) is empty in every row — is an
// error naming the column. 说明/备注 may stay empty.
import { toTraditional } from '../format/script.js';
import { blankColumns, mandatedTable } from '../tender/formsFollow.js';
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
];
