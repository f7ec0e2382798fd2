// The figures a sentence asks for (≤ 2 小时到场, ≥ 3 年质保 …): this module's tender phrasings first, then the
// pasted-text recognizer of core/deviation (composed, not copied), then its generic bounds.
import { recognizeRequirements } from '../deviation/recognize.js';
import { parseNumber } from '../deviation/quantities.js';
import { normalizeUnit } from '../deviation/units.js';
import { EXTRA_PATTERNS, SCHEDULE, type ExtraPattern } from './patterns.js';

export type Figure = {
  op: '<=' | '>=' | '=';
  value?: number;
  unit?: string;
  schedule?: string;
  key?: string;
  fact?: string;
  pattern: string;
  generic: boolean;
  part: string;
};

/** Variable → fact (core/commitments/legacy.ts): what a row concerns, by the fact's id. */
const FACT_OF: Record<string, string> = {
  response_time: 'respond',
  onsite_arrival: 'arrive',
  resolution_time: 'fix',
  resolution_from_report: 'fix_from_notice',
  standby_after: 'standby',
  critical_arrival: 'arrive_l1',
  critical_resolution: 'fix_l1',
  major_resolution: 'fix_l2',
  minor_arrival: 'arrive_l3',
  major_plan_within: 'propose_major',
  rca_within: 'report',
  complaint_response: 'complaint_reply',
  complaint_close: 'complaint_close',
  survey_within: 'call_back',
  first_visit_within: 'first_visit',
  report_within: 'inspection_report',
  parts_dispatch_within: 'deliver_parts',
  training_start_within: 'train_start',
  repair_turnaround: 'fix_mail_in',
  warranty_months: 'warranty',
  compressor_months: 'warranty_compressor',
  tank_months: 'warranty_tank',
  repair_warranty_months: 'repair_warranty',
  replaced_part_months: 'replaced_part_warranty',
  latent_defect_months: 'latent_defect',
  parts_supply_years: 'parts_supply',
  inspection_per_year: 'inspect',
  maintenance_per_year: 'maintain',
  dedicated_engineers: 'dedicated_engineers',
  engineer_count: 'engineers',
  service_centers: 'service_centres',
  repair_limit: 'replace_after_repairs',
  downtime_limit: 'downtime_restart',
  training_days: 'train',
  satisfaction_target: 'satisfaction',
  service_hours: 'hotline_hours',
};

const withFact = (key: string | undefined) => (key ? { key, ...(FACT_OF[key] ? { fact: FACT_OF[key] } : {}) } : {});

function extra(part: string, patterns: ExtraPattern[]): Figure | undefined {
  for (const p of patterns) {
    const m = p.re.exec(part);
    if (!m) continue;
    const value = p.value ? p.value(m) : m.groups?.n !== undefined ? parseNumber(m.groups.n) : undefined;
    if (value === undefined) continue;
    return {
      op: p.op,
      value,
      unit: p.unit ?? normalizeUnit(m.groups?.u),
      ...withFact(p.key),
      pattern: p.id,
      generic: false,
      part,
    };
  }
  return undefined;
}

function pasted(part: string): Figure | undefined {
  const proposal = recognizeRequirements(part).find((x) => x.recognized);
  const r = proposal?.requirement;
  if (!r || !proposal || r.op === undefined || r.value === undefined) return undefined;
  return {
    op: r.op,
    value: r.value,
    ...(r.unit ? { unit: r.unit } : {}),
    ...withFact(r.key),
    ...(r.fact && !r.key ? { fact: r.fact } : {}),
    pattern: `deviation:${proposal.pattern}`,
    generic: proposal.pattern.startsWith('generic'),
    part,
  };
}

function schedule(part: string): Figure | undefined {
  const m = SCHEDULE.exec(part);
  return m
    ? {
        op: '=',
        schedule: `${m.groups!.d}×${m.groups!.h}`,
        ...withFact('service_hours'),
        pattern: 'schedule',
        generic: false,
        part,
      }
    : undefined;
}

const SENTENCE = EXTRA_PATTERNS.filter((p) => p.sentence);
const PART = EXTRA_PATTERNS.filter((p) => !p.sentence);

/** Every figure of a sentence: one for a phrasing that spans commas, else one per comma-separated part. */
export function figuresOf(sentence: string): Figure[] {
  const whole = extra(sentence, SENTENCE) ?? pastedWhole(sentence);
  if (whole) return [whole];
  const parts = sentence
    .split(/[，,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.flatMap((part) => [extra(part, PART) ?? pasted(part), schedule(part)].filter((f): f is Figure => !!f));
}

/** core/deviation's phrasings that span commas (备用机 after N hours unrepaired). */
function pastedWhole(sentence: string): Figure | undefined {
  const f = pasted(sentence);
  return f && /^deviation:standby/.test(f.pattern) ? { ...f, part: sentence } : undefined;
}
