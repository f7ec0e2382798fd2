// Which fact ids a clause may name. A fact a project does not state counts as not offered, so a misspelt id in a
// clause ({{#fact "arive"}}) would drop its sentence from every bid without a word: clauses may name only ids of the
// convention — a kind (arrive), a kind with a suffix (arrive_l3, warranty_compressor), a channel's hours
// (hotline_hours), or an id the variables' migration uses (core/commitments/legacy.ts).
import { LEGACY } from './legacy.js';
import { CHANNELS, COUNT_KINDS, CYCLE_KINDS, DEADLINE_KINDS, PERIOD_KINDS, PRICE_KINDS } from './schema.js';

const KINDS: readonly string[] = [
  ...DEADLINE_KINDS,
  ...PERIOD_KINDS,
  ...CYCLE_KINDS,
  ...COUNT_KINDS,
  ...PRICE_KINDS,
  'replace_after_repairs',
  'downtime_restart',
  'book_ahead',
  'service_hours',
  'train',
  'satisfaction',
];
const LEGACY_IDS = new Set(LEGACY.map((r) => r.id));
const HOURS = new RegExp(`^(${CHANNELS.join('|')})_hours$`);

/** A kind of fact, exactly (warranty, arrive …). */
export const isFactKind = (kind: string): boolean => KINDS.includes(kind);

export function isConventionalFactId(id: string): boolean {
  return LEGACY_IDS.has(id) || HOURS.test(id) || KINDS.some((k) => id === k || id.startsWith(`${k}_`));
}
