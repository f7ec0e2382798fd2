// A clause's default as the form offers it: a suggestion in the empty field, worded in the UI's language, taken only
// when the writer says so. A new project holds none of the figures (core/assemble/values.ts newProjectValues).
import type { VariableField } from '@core/api/contract.js';
import { formatMoney } from '@core/format/money.js';
import { DURATION_UNITS, type DurationUnit, parseMoneyToFen } from '@core/model/variables.js';
import type { MessageKey, Translate } from '../i18n.js';

const UNIT_COUNT: Record<DurationUnit, MessageKey> = {
  分钟: 'unit.n.minutes',
  小时: 'unit.n.hours',
  工作日: 'unit.n.workdays',
  天: 'unit.n.days',
  个月: 'unit.n.months',
  年: 'unit.n.years',
};

const isUnit = (u: unknown): u is DurationUnit =>
  typeof u === 'string' && (DURATION_UNITS as readonly string[]).includes(u);

/** Empty as the form shows it: nothing typed, or a text of nothing. */
export const isEmptyValue = (v: unknown): boolean => v === undefined || v === null || v === '';

/** Types whose default can be offered in an empty field (lists and tables keep theirs; a switch is never empty). */
const OFFERED = new Set<VariableField['type']>([
  'integer',
  'number',
  'money',
  'percent',
  'date',
  'duration',
  'choice',
  'text',
  'multiline',
]);

/** The suggestion's words (30 分钟, ¥28,000.00, 5%), or undefined when the field has none to offer. */
export function suggestionText(field: VariableField, t: Translate): string | undefined {
  const d = field.default;
  if (d === undefined || d === null || !OFFERED.has(field.type)) return undefined;
  switch (field.type) {
    case 'duration': {
      const v = d as { value?: unknown; unit?: unknown };
      return typeof v.value === 'number' && isUnit(v.unit) ? t(UNIT_COUNT[v.unit], { count: v.value }) : undefined;
    }
    case 'money':
      try {
        return formatMoney(parseMoneyToFen(d));
      } catch {
        return undefined;
      }
    case 'percent':
      return typeof d === 'number' ? `${d}%` : undefined;
    case 'integer':
    case 'number':
      // The field's own unit (次, 个月) stands beside the number in the control.
      return typeof d === 'number' ? String(d) : undefined;
    default:
      return typeof d === 'string' && d !== '' ? d : undefined;
  }
}

/** The unit a duration field starts on while empty: the suggestion's, so typing 30 under 建议：30 分钟 means minutes. */
export function suggestedUnit(field: VariableField): DurationUnit | undefined {
  const u = field.type === 'duration' ? (field.default as { unit?: unknown } | undefined)?.unit : undefined;
  return isUnit(u) ? u : undefined;
}
