// Typed variables: declarations (from clauses) and the values a project gives them.
import { z } from 'zod';
import { formatMoney } from '../format/money.js';

export const DURATION_UNITS = ['分钟', '小时', '工作日', '天', '个月', '年'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Longest value per text type, in characters. */
export const TEXT_LIMITS = { text: 2_000, multiline: 10_000 } as const;

export const SCALAR_TYPES = ['text', 'multiline', 'integer', 'number', 'money', 'percent', 'date', 'duration', 'boolean', 'choice'] as const;
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
  required: z.boolean().default(true),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(z.string()).optional(),
  columns: z.array(columnSchema).optional(),
});
export type VariableDecl = z.infer<typeof variableSchema>;

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

/** "12800.00", "12,800", 12800 → 1280000 fen, exactly (no floating point on the way). */
export function parseMoneyToFen(input: unknown): number {
  // A number goes through its shortest decimal form, so 1.234 is refused like "1.234" instead of being rounded.
  const s = typeof input === 'number' ? (Number.isFinite(input) ? String(input) : '') : typeof input === 'string' ? input.replace(/[¥,\s]/g, '') : '';
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new Error(`"${String(input)}" is not an amount of money (expected e.g. "12800.00")`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new Error(`${String(input)} is too large an amount`);
  return m[1] ? -fen : fen;
}

export class ValueError extends Error {}

function bounded(n: number, decl: { min?: number; max?: number }): number {
  if (decl.min !== undefined && n < decl.min) throw new ValueError(`${n} is below the minimum ${decl.min}`);
  if (decl.max !== undefined && n > decl.max) throw new ValueError(`${n} is above the maximum ${decl.max}`);
  return n;
}

/** Parse one scalar from its JSON form; throws ValueError with a plain reason. */
export function parseScalar(type: ScalarType, raw: unknown, decl: Partial<VariableDecl> = {}): ScalarValue {
  switch (type) {
    case 'text':
    case 'multiline':
      if (typeof raw !== 'string') throw new ValueError(`expected text, got ${describe(raw)}`);
      if (type === 'text' && /[\r\n]/.test(raw)) throw new ValueError('a single-line text may not contain line breaks');
      // A value is a figure or a few sentences in a clause; a megabyte pasted by mistake must not stall the PDF layout.
      if ([...raw].length > TEXT_LIMITS[type]) throw new ValueError(`text is ${[...raw].length} characters long; at most ${TEXT_LIMITS[type]} fit one value`);
      return raw;
    case 'choice':
      if (typeof raw !== 'string') throw new ValueError(`expected one of the options, got ${describe(raw)}`);
      if (decl.options && !decl.options.includes(raw)) throw new ValueError(`"${raw}" is not one of: ${decl.options.join(' / ')}`);
      return raw;
    case 'integer':
      if (typeof raw !== 'number' || !Number.isInteger(raw)) throw new ValueError(`expected a whole number, got ${describe(raw)}`);
      return bounded(raw, decl);
    case 'number':
    case 'percent':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) throw new ValueError(`expected a number, got ${describe(raw)}`);
      return bounded(raw, decl);
    case 'money': {
      let fen: number;
      try {
        fen = parseMoneyToFen(raw);
      } catch (e) {
        throw new ValueError((e as Error).message);
      }
      if (fen < 0) throw new ValueError('an amount of money may not be negative');
      // Bounds are declared in yuan: compare in whole fen, report in yuan.
      if (decl.min !== undefined && fen < Math.round(decl.min * 100)) throw new ValueError(`${formatMoney(fen)} is below the minimum ${formatMoney(Math.round(decl.min * 100))}`);
      if (decl.max !== undefined && fen > Math.round(decl.max * 100)) throw new ValueError(`${formatMoney(fen)} is above the maximum ${formatMoney(Math.round(decl.max * 100))}`);
      return fen;
    }
    case 'date':
      if (typeof raw !== 'string' || !isValidIsoDate(raw)) throw new ValueError(`expected a date like 2026-11-24, got ${describe(raw)}`);
      return raw;
    case 'duration': {
      const r = raw as Partial<Duration> | null;
      if (!r || typeof r !== 'object' || typeof r.value !== 'number' || !Number.isFinite(r.value) || r.value < 0 || !DURATION_UNITS.includes(r.unit as DurationUnit))
        throw new ValueError(`expected a duration like {"value": 2, "unit": "小时"} (units: ${DURATION_UNITS.join('/')}), got ${describe(raw)}`);
      bounded(r.value, decl);
      return { value: r.value, unit: r.unit as DurationUnit };
    }
    case 'boolean':
      if (typeof raw !== 'boolean') throw new ValueError(`expected true or false, got ${describe(raw)}`);
      return raw;
  }
}

export const MAX_TABLE_ROWS = 5000;

/** Parse a declared variable's value; errors name the row and column for tables. */
export function parseValue(decl: VariableDecl, raw: unknown): Value {
  if (decl.type === 'list') {
    if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) throw new ValueError(`expected a list of texts, got ${describe(raw)}`);
    return raw as string[];
  }
  if (decl.type === 'table') {
    if (!Array.isArray(raw)) throw new ValueError(`expected a table (a list of rows), got ${describe(raw)}`);
    if (raw.length > MAX_TABLE_ROWS) throw new ValueError(`the table has ${raw.length} rows; at most ${MAX_TABLE_ROWS} are allowed`);
    return raw.map((row, i) => {
      if (!row || typeof row !== 'object' || Array.isArray(row)) throw new ValueError(`row ${i + 1}: expected an object of cells`);
      const out: Row = {};
      for (const col of decl.columns ?? []) {
        const cell = (row as Record<string, unknown>)[col.key];
        if (cell === undefined || cell === '') throw new ValueError(`row ${i + 1}, column "${col.label}" (${col.key}): no value`);
        try {
          out[col.key] = parseScalar(col.type, cell, {});
        } catch (e) {
          throw new ValueError(`row ${i + 1}, column "${col.label}" (${col.key}): ${(e as Error).message}`);
        }
      }
      return out;
    });
  }
  return parseScalar(decl.type, raw, decl);
}

function describe(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'string') return `"${raw.length > 40 ? raw.slice(0, 40) + '…' : raw}"`;
  if (typeof raw === 'object') return 'an object';
  return String(raw);
}
