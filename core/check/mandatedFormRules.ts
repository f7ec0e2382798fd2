// Rules on the forms the tender mandates (#18): a column of the mandated 偏离表 that nothing we compute fills and the
// writer gave no text for would print blank in every row — an error naming the column.
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
      const prints = ctx.document.blocks.some(
        (b) =>
          b.kind === 'table' &&
          b.header.length === m.columns.length &&
          b.header.every((h, i) => h === printed(m.columns[i]!)),
      );
      if (!prints) return [];
      return blankColumns(m).map((column) => ({
        severity: 'error' as const,
        code: 'mandated_column_blank',
        message: `招标文件规定的「${m.title}」中「${column}」一列没有内容：请在招标要求中填写该列，或改用我方格式`,
        params: { form: m.title, column },
      }));
    },
  },
];
