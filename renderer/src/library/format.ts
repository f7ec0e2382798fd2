// Small display helpers shared by the library's panels.
import type { VersionStatus } from '@core/api/library.js';
import type { Condition, When } from '@core/model/library.js';
import type { MessageKey } from '../i18n.js';

export const STATUS_COLOR: Record<VersionStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'success',
  retired: 'error',
};
export const statusKey = (s: VersionStatus): MessageKey => `lib.status.${s}`;

/** 2026-11-25T09:10:00Z → 2026-11-25 09:10 (local time). */
export function shortTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const OP_TEXT: Record<Condition['op'], string> = { gte: '≥', lte: '≤', gt: '>', lt: '<', eq: '=', ne: '≠', set: '' };

/** {key: warranty_months, op: gte, value: 24} → "warranty_months ≥ 24"; a list joins with "且". */
export function formatWhen(when: When): string {
  const one = (c: Condition) => {
    if (c.op === 'set') return `${c.key} ✓`;
    const v = c.value;
    const shown = v !== null && typeof v === 'object' ? `${v.value}${v.unit}` : String(v);
    return `${c.key} ${OP_TEXT[c.op]} ${shown}`;
  };
  return (Array.isArray(when) ? when : [when]).map(one).join(' 且 ');
}
