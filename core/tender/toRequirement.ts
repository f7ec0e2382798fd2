// A confirmed row becomes a project requirement (core/deviation/schema.ts): the tender's words, its 条目号, ★, and
// the figure to compare when it has one. Pure, for the app's 导入招标文件 and later the CLI.
import type { Requirement } from '../deviation/schema.js';
import type { TenderRow } from './model.js';
import { splitItem } from './text.js';

/** Rows that are requirements a bid answers point by point; forms and 目录 entries are not. */
export const CONFIRMABLE: ReadonlySet<TenderRow['kind']> = new Set([
  'requirement',
  'star',
  'triangle',
  'disqualify',
  'scoring',
]);

/** `known`: the project's variable keys; a link to a variable the project lacks is left for the writer. */
export function toRequirement(row: TenderRow, known: ReadonlySet<string>): Requirement {
  const figure =
    row.op && row.value !== undefined ? { op: row.op, value: row.value, ...(row.unit ? { unit: row.unit } : {}) } : {};
  const key = row.key && known.has(row.key) ? { key: row.key } : {};
  const note = row.loc.pageEnd ? `招标文件第${row.loc.page}–${row.loc.pageEnd}页` : `招标文件第${row.loc.page}页`;
  // The 偏离表 prints 条目号 and ★ in their own places: the text starts after them, as the pasted-text recognizer's does.
  const text = splitItem(row.text).rest || row.text;
  return {
    item: (row.item ?? '').slice(0, 50),
    text: text.slice(0, 1000),
    ...figure,
    star: row.kind === 'star',
    ...key,
    note,
  };
}
