// Why a value is invalid, by code, in Chinese and English. core/model/variables.ts throws ValueError with a code and
// params; the Chinese text goes into the problem's message, the English one is made here from the same params.
// Params are shown as they are: labels, the user's own text, numbers.
export type ValueLang = 'zh-CN' | 'en';
export type ValueParams = Record<string, string | number>;

export const VALUE_CODES = [
  'text_expected',
  'line_break',
  'text_too_long',
  'choice_expected',
  'not_an_option',
  'integer_expected',
  'number_expected',
  'below_min',
  'above_max',
  'money_expected',
  'money_too_large',
  'money_negative',
  'date_expected',
  'duration_expected',
  'boolean_expected',
  'list_expected',
  'too_many_items',
  'item_too_long',
  'table_expected',
  'too_many_rows',
  'row_not_object',
  'cell_missing',
  'cell_invalid',
] as const;
export type ValueCode = (typeof VALUE_CODES)[number];

const ZH: Record<ValueCode, string> = {
  text_expected: '应填写文字，而不是 {got}',
  line_break: '单行文字中不能换行',
  text_too_long: '共 {length} 个字符，超过上限 {max} 个字符',
  choice_expected: '应从选项中选择一项，而不是 {got}',
  not_an_option: '“{value}”不在可选项中（{options}）',
  integer_expected: '应填写整数（如 36），而不是 {got}',
  number_expected: '应填写数字，而不是 {got}',
  below_min: '{value} 小于下限 {min}',
  above_max: '{value} 大于上限 {max}',
  money_expected: '“{value}”不是金额（可写作 12800.00、12,800、12800元 或 1.28万）',
  money_too_large: '金额 {value} 过大',
  money_negative: '金额不能为负数',
  date_expected: '应填写日期（如 2026-11-24），而不是 {got}',
  duration_expected: '应填写时长（数值和单位：{units}），而不是 {got}',
  boolean_expected: '应选择“是”或“否”，而不是 {got}',
  list_expected: '应为若干条文字，而不是 {got}',
  too_many_items: '共 {items} 条，超过上限 {max} 条',
  item_too_long: '第 {item} 条共 {length} 个字符，超过上限 {max} 个字符',
  table_expected: '应为表格，而不是 {got}',
  too_many_rows: '表格共 {rows} 行，超过上限 {max} 行',
  row_not_object: '第 {row} 行不是一行表格数据',
  cell_missing: '第 {row} 行“{column}”未填写',
  cell_invalid: '第 {row} 行“{column}”：',
};

const EN: Record<ValueCode, string> = {
  text_expected: 'enter text, not {got}',
  line_break: 'a single-line text may not contain line breaks',
  text_too_long: '{length} characters, more than the limit of {max}',
  choice_expected: 'pick one of the options, not {got}',
  not_an_option: '“{value}” is not one of the options ({options})',
  integer_expected: 'enter a whole number (such as 36), not {got}',
  number_expected: 'enter a number, not {got}',
  below_min: '{value} is below the minimum of {min}',
  above_max: '{value} is above the maximum of {max}',
  money_expected: '“{value}” is not an amount of money (write it like 12800.00 or 12,800)',
  money_too_large: 'the amount {value} is too large',
  money_negative: 'an amount of money may not be negative',
  date_expected: 'enter a date such as 2026-11-24, not {got}',
  duration_expected: 'enter a duration (a number and a unit: {units}), not {got}',
  boolean_expected: 'choose yes or no, not {got}',
  list_expected: 'expected a few lines of text, not {got}',
  too_many_items: '{items} items, more than the limit of {max}',
  item_too_long: 'item {item} has {length} characters, more than the limit of {max}',
  table_expected: 'expected a table, not {got}',
  too_many_rows: 'the table has {rows} rows, more than the limit of {max}',
  row_not_object: 'row {row} is not a table row',
  cell_missing: 'row {row}, “{column}” is empty',
  cell_invalid: 'row {row}, “{column}”: ',
};

const CATALOG: Record<ValueLang, Record<ValueCode, string>> = { 'zh-CN': ZH, en: EN };

export const isValueCode = (code: unknown): code is ValueCode =>
  typeof code === 'string' && (VALUE_CODES as readonly string[]).includes(code);

/**
 * The unfilled template of a value problem in `lang`: `code` and its params, where a table cell's reason nests the
 * cell's own code as `cellCode`. Undefined for a code this catalog does not have.
 */
export function valueTemplate(code: unknown, params: ValueParams, lang: ValueLang): string | undefined {
  if (!isValueCode(code)) return undefined;
  const text = CATALOG[lang][code];
  if (code !== 'cell_invalid') return text;
  const inner = valueTemplate(params.cellCode, params, lang);
  return inner === undefined ? undefined : text + inner;
}

/** Fills {name} in one pass, so a value that itself contains {x} is never read as a placeholder. */
export function fillParams(template: string, params: ValueParams): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m));
}

/** Why a value is invalid, in `lang`. */
export function valueText(code: ValueCode, params: ValueParams, lang: ValueLang): string {
  return fillParams(valueTemplate(code, params, lang) ?? code, params);
}

/** A value as a message quotes it, the same in both languages: text in quotes, lists and objects as brackets. */
export function quoted(raw: unknown): string {
  if (raw === null || raw === undefined) return '—';
  if (Array.isArray(raw)) return '[…]';
  if (typeof raw === 'string') return `“${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}”`;
  if (typeof raw === 'object') return '{…}';
  return String(raw);
}
