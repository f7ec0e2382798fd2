// Typed variables: declarations (from clauses) and the values a project gives them.
import { z } from 'zod';
import { formatMoney } from '../format/money.js';
import { quoted, valueText, type ValueCode, type ValueParams } from '../i18n/valueText.js';
import { MoneyParseError, moneyToFen } from './money.js';

export const DURATION_UNITS = ['分钟', '小时', '工作日', '天', '个月', '年'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Longest value per text type, in characters. */
export const TEXT_LIMITS = { text: 2_000, multiline: 10_000 } as const;

export const SCALAR_TYPES = [
  'text',
  'multiline',
  'integer',
  'number',
  'money',
  'percent',
  'date',
  'duration',
  'boolean',
  'choice',
] as const;
export const VARIABLE_TYPES = [...SCALAR_TYPES, 'list', 'table'] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];
export type VariableType = (typeof VARIABLE_TYPES)[number];

export const columnSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  type: z.enum(SCALAR_TYPES),
  label: z.string().min(1),
  unit: z.string().optional(),
});
export type Column = z.infer<typeof columnSchema>;

export const variableSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'variable keys are lower_snake_case'),
  type: z.enum(VARIABLE_TYPES),
  label: z.string().min(1),
  unit: z.string().optional(),
  default: z.unknown().optional(),
  /** The default is an example (promised hours, this project's device): offered as a suggestion, never pre-filled. */
  example: z.boolean().optional(),
  required: z.boolean().default(true),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(z.string()).optional(),
  columns: z.array(columnSchema).optional(),
});
export type VariableDecl = z.infer<typeof variableSchema>;

/**
 * A wording default with a digit in it (9:00–18:00, 7×24) states hours, amounts or counts: it must be an example,
 * offered as a suggestion, never pre-filled into a new project (templates are held to this by a test).
 */
export const wordingWithFigure = (decl: Pick<VariableDecl, 'type' | 'default'>): boolean =>
  (decl.type === 'text' || decl.type === 'multiline') &&
  typeof decl.default === 'string' &&
  /[0-9０-９]/.test(decl.default);

/** Values as they live in memory after parsing: money in fen, dates as ISO strings. */
export type Duration = { value: number; unit: DurationUnit };
export type ScalarValue = string | number | boolean | Duration;
export type Row = Record<string, ScalarValue>;
export type Value = ScalarValue | string[] | Row[];

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = isoDate.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** "12800.00", "12,800", "５８６００", "5.86万", 12800 → fen, exactly; throws ValueError (core/model/money.ts). */
export function parseMoneyToFen(input: unknown): number {
  try {
    return moneyToFen(input);
  } catch (e) {
    if (!(e instanceof MoneyParseError)) throw e;
    throw new ValueError(e.code, {
      value: typeof input === 'string' || typeof input === 'number' ? String(input) : quoted(input),
    });
  }
}

/** An invalid value: a code of core/i18n/valueText.ts and its params; the message is the Chinese wording. */
export class ValueError extends Error {
  constructor(
    readonly code: ValueCode,
    readonly params: ValueParams = {},
  ) {
    super(valueText(code, params, 'zh-CN'));
  }
}

function bounded(n: number, decl: { min?: number; max?: number }): number {
  if (decl.min !== undefined && n < decl.min) throw new ValueError('below_min', { value: n, min: decl.min });
  if (decl.max !== undefined && n > decl.max) throw new ValueError('above_max', { value: n, max: decl.max });
  return n;
}

/** Parse one scalar from its JSON form; throws ValueError with a plain reason. */
export function parseScalar(type: ScalarType, raw: unknown, decl: Partial<VariableDecl> = {}): ScalarValue {
  switch (type) {
    case 'text':
    case 'multiline':
      if (typeof raw !== 'string') throw new ValueError('text_expected', { got: quoted(raw) });
      if (type === 'text' && /[\r\n]/.test(raw)) throw new ValueError('line_break');
      // A value is a figure or a few sentences in a clause; a megabyte pasted by mistake must not stall the PDF layout.
      if ([...raw].length > TEXT_LIMITS[type])
        throw new ValueError('text_too_long', { length: [...raw].length, max: TEXT_LIMITS[type] });
      return raw;
    case 'choice':
      if (typeof raw !== 'string') throw new ValueError('choice_expected', { got: quoted(raw) });
      if (decl.options && !decl.options.includes(raw))
        throw new ValueError('not_an_option', { value: raw, options: decl.options.join(' / ') });
      return raw;
    case 'integer':
      if (typeof raw !== 'number' || !Number.isInteger(raw))
        throw new ValueError('integer_expected', { got: quoted(raw) });
      return bounded(raw, decl);
    case 'number':
    case 'percent':
      if (typeof raw !== 'number' || !Number.isFinite(raw))
        throw new ValueError('number_expected', { got: quoted(raw) });
      return bounded(raw, decl);
    case 'money': {
      const fen = parseMoneyToFen(raw);
      if (fen < 0) throw new ValueError('money_negative');
      // Bounds are declared in yuan: compare in whole fen, report in yuan.
      if (decl.min !== undefined && fen < Math.round(decl.min * 100))
        throw new ValueError('below_min', { value: formatMoney(fen), min: formatMoney(Math.round(decl.min * 100)) });
      if (decl.max !== undefined && fen > Math.round(decl.max * 100))
        throw new ValueError('above_max', { value: formatMoney(fen), max: formatMoney(Math.round(decl.max * 100)) });
      return fen;
    }
    case 'date':
      if (typeof raw !== 'string' || !isValidIsoDate(raw)) throw new ValueError('date_expected', { got: quoted(raw) });
      return raw;
    case 'duration': {
      const r = raw as Partial<Duration> | null;
      if (
        !r ||
        typeof r !== 'object' ||
        typeof r.value !== 'number' ||
        !Number.isFinite(r.value) ||
        r.value < 0 ||
        !DURATION_UNITS.includes(r.unit as DurationUnit)
      )
        throw new ValueError('duration_expected', { units: DURATION_UNITS.join('/'), got: quoted(raw) });
      bounded(r.value, decl);
      return { value: r.value, unit: r.unit as DurationUnit };
    }
    case 'boolean':
      if (typeof raw !== 'boolean') throw new ValueError('boolean_expected', { got: quoted(raw) });
      return raw;
  }
}

export const MAX_TABLE_ROWS = 5000;
export const MAX_LIST_ITEMS = 1000;

/** Parse a declared variable's value; errors name the row and column for tables. */
export function parseValue(decl: VariableDecl, raw: unknown): Value {
  if (decl.type === 'list') {
    if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string'))
      throw new ValueError('list_expected', { got: quoted(raw) });
    // Each item is a line of a clause: as long as a text value at most. One 30,000-character item once held the PDF
    // layout for over a minute.
    if (raw.length > MAX_LIST_ITEMS) throw new ValueError('too_many_items', { items: raw.length, max: MAX_LIST_ITEMS });
    (raw as string[]).forEach((item, i) => {
      const length = [...item].length;
      if (length > TEXT_LIMITS.text)
        throw new ValueError('item_too_long', { item: i + 1, length, max: TEXT_LIMITS.text });
    });
    return raw as string[];
  }
  if (decl.type === 'table') {
    if (!Array.isArray(raw)) throw new ValueError('table_expected', { got: quoted(raw) });
    if (raw.length > MAX_TABLE_ROWS) throw new ValueError('too_many_rows', { rows: raw.length, max: MAX_TABLE_ROWS });
    return raw.map((row, i) => {
      if (!row || typeof row !== 'object' || Array.isArray(row)) throw new ValueError('row_not_object', { row: i + 1 });
      const out: Row = {};
      for (const col of decl.columns ?? []) {
        const cell = (row as Record<string, unknown>)[col.key];
        if (cell === undefined || cell === '') throw new ValueError('cell_missing', { row: i + 1, column: col.label });
        try {
          out[col.key] = parseScalar(col.type, cell, {});
        } catch (e) {
          if (!(e instanceof ValueError)) throw e;
          throw new ValueError('cell_invalid', { ...e.params, row: i + 1, column: col.label, cellCode: e.code });
        }
      }
      return out;
    });
  }
  return parseScalar(decl.type, raw, decl);
}
