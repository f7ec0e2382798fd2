// Sample facts for a clause's sample render: each fact its body names, offered with a plausible figure, so legal sees
// the sentence a bid would print (a fact a project does not state counts as not offered, and its sentence would
// vanish from the sample). Pure: the renderer's fact picker lists the kinds from here too.
import {
  CHANNELS,
  COUNT_KINDS,
  CYCLE_KINDS,
  DEADLINE_KINDS,
  PERIOD_KINDS,
  PRICE_KINDS,
  type Commitment,
} from '../commitments/schema.js';

const OTHER_KINDS = [
  'replace_after_repairs',
  'downtime_restart',
  'book_ahead',
  'service_hours',
  'train',
  'satisfaction',
] as const;
/** Every kind of fact a clause may name, most used first (deadlines and periods). */
export const FACT_KINDS: readonly string[] = [
  ...DEADLINE_KINDS,
  ...PERIOD_KINDS,
  ...CYCLE_KINDS,
  ...COUNT_KINDS,
  ...PRICE_KINDS,
  ...OTHER_KINDS,
];

const HOURS = new RegExp(`^(${CHANNELS.join('|')})_hours$`);
const has = (list: readonly string[], k: string) => list.includes(k);

/** The fact ids a body names in {{#fact}}, {{#anyFact}}, {{promise}}, {{figure}}, {{deadline}} and {{until}}. */
export function factIdsIn(body: string): string[] {
  const ids = new Set<string>();
  for (const m of body.matchAll(/\{\{\s*#?(?:fact|anyFact|promise|figure|deadline|until)\b([^}]*)\}\}/g))
    for (const q of m[1]!.matchAll(/"([a-z][a-z0-9_]*)"/g)) ids.add(q[1]!);
  return [...ids];
}

/** A fact of the id's kind (arrive, arrive_l1, warranty_compressor, hotline_hours) with a sample figure. */
export function sampleFact(id: string): Commitment | undefined {
  const hours = HOURS.exec(id);
  if (hours)
    return {
      id,
      offered: true,
      kind: 'service_hours',
      schedule: '7x24',
      scope: { channel: hours[1] as (typeof CHANNELS)[number] },
    };
  const kind = [...FACT_KINDS].sort((a, b) => b.length - a.length).find((k) => id === k || id.startsWith(`${k}_`));
  if (!kind) return undefined;
  const base = { id, offered: true };
  if (has(DEADLINE_KINDS, kind))
    return {
      ...base,
      kind: kind as (typeof DEADLINE_KINDS)[number],
      within: { value: 2, unit: '小时' },
      from: 'notice',
    };
  if (has(PERIOD_KINDS, kind))
    return { ...base, kind: kind as (typeof PERIOD_KINDS)[number], period: { value: 12, unit: '个月' } };
  if (has(CYCLE_KINDS, kind))
    return { ...base, kind: kind as (typeof CYCLE_KINDS)[number], times: 1, every: { value: 3, unit: '个月' } };
  if (has(COUNT_KINDS, kind)) return { ...base, kind: kind as (typeof COUNT_KINDS)[number], count: 2 };
  if (has(PRICE_KINDS, kind))
    return { ...base, kind: kind as (typeof PRICE_KINDS)[number], amount: '200.00', per: '次' };
  switch (kind) {
    case 'replace_after_repairs':
      return { ...base, kind, repairs: 3 };
    case 'downtime_restart':
      return { ...base, kind, over: { value: 20, unit: '天' } };
    case 'book_ahead':
      return { ...base, kind, ahead: { value: 3, unit: '天' } };
    case 'service_hours':
      return { ...base, kind, schedule: '7x24' };
    case 'train':
      return { ...base, kind, length: { value: 1, unit: '天' } };
    default:
      return { ...base, kind: 'satisfaction', percent: 95 };
  }
}

/** The sample facts for a body: one per fact id it names that follows the id convention. */
export const sampleFactsFor = (body: string): Commitment[] => factIdsIn(body).flatMap((id) => sampleFact(id) ?? []);
