// Today's clauses name promises by variable key (onsite_arrival, warranty_months …). This table says which fact
// each key is, both ways: a project without facts has them read from its values (nothing lost), and a project
// with facts gives those keys their values, so clauses written before facts still print the stated figures.
import { formatMoney } from '../format/zh.js';
import { DURATION_UNITS, parseMoneyToFen, type Duration } from '../model/variables.js';
import type {
  Commitment,
  CountKind,
  CycleKind,
  DeadlineKind,
  FactDuration,
  FactEvent,
  PeriodKind,
  Scope,
} from './schema.js';
import { monthsOf } from './time.js';

/** Reads a legacy value: raw project JSON or parsed values, which differ only in how money is held. */
export type ValueReader = { get(key: string): unknown; fen(key: string): number | undefined };

type Row = {
  keys: string[];
  id: string;
  toFact(r: ValueReader): Commitment | undefined;
  /** The legacy values of this fact, in project-file form (money in yuan). */
  toValues(c: Commitment): Record<string, unknown>;
};

const isDuration = (v: unknown): v is Duration =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as Duration).value === 'number' &&
  (DURATION_UNITS as readonly string[]).includes((v as Duration).unit);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const sc = (scope?: Scope) => (scope ? { scope } : {});

/** A fact duration as a variable's duration: weeks have no variable unit, so they go as days. */
function asDuration(d: FactDuration): Duration {
  return d.unit === '周' ? { value: d.value * 7, unit: '天' } : { value: d.value, unit: d.unit };
}

function deadline(key: string, id: string, kind: DeadlineKind, from: FactEvent, scope?: Scope): Row {
  return {
    keys: [key],
    id,
    toFact: (r) => {
      const v = r.get(key);
      return isDuration(v) && v.value > 0
        ? { id, kind, offered: true, within: { value: v.value, unit: v.unit }, from, ...sc(scope) }
        : undefined;
    },
    toValues: (c) => ('within' in c ? { [key]: asDuration(c.within) } : {}),
  };
}

function period(key: string, id: string, kind: PeriodKind, unit: '个月' | '年', from?: FactEvent, scope?: Scope): Row {
  return {
    keys: [key],
    id,
    toFact: (r) => {
      const v = r.get(key);
      return isCount(v)
        ? { id, kind, offered: true, period: { value: v, unit }, ...(from ? { from } : {}), ...sc(scope) }
        : undefined;
    },
    toValues: (c) => {
      const m = 'period' in c ? monthsOf(c.period) : undefined;
      const n = m === undefined ? undefined : unit === '年' ? m / 12 : m;
      return n !== undefined && Number.isInteger(n) ? { [key]: n } : {};
    },
  };
}

function perYear(key: string, id: string, kind: CycleKind): Row {
  return {
    keys: [key],
    id,
    toFact: (r) => {
      const v = r.get(key);
      return isCount(v) ? { id, kind, offered: true, times: v, every: { value: 1, unit: '年' } } : undefined;
    },
    toValues: (c) => {
      if (!('times' in c)) return {};
      const months = monthsOf(c.every);
      const n = months ? (c.times * 12) / months : undefined;
      return n !== undefined && Number.isInteger(n) ? { [key]: n } : {};
    },
  };
}

function count(key: string, id: string, kind: CountKind): Row {
  return {
    keys: [key],
    id,
    toFact: (r) => {
      const v = r.get(key);
      return isCount(v) ? { id, kind, offered: true, count: v } : undefined;
    },
    toValues: (c) => ('count' in c ? { [key]: c.count } : {}),
  };
}

const WARRANTY_START: Record<string, FactEvent> = {
  验收合格之日: 'acceptance',
  签收之日: 'delivery',
  发票开具之日: 'invoice',
};
const PHONE_CYCLE: Record<string, FactDuration> = {
  每周: { value: 1, unit: '周' },
  每月: { value: 1, unit: '个月' },
  每两个月: { value: 2, unit: '个月' },
  每季度: { value: 3, unit: '个月' },
};
const yuan = (fen: number) => formatMoney(fen).replace(/[¥,]/g, '');
const SEVEN_BY_24 = /7\s*[×xX*＊]\s*24/;

export const LEGACY: Row[] = [
  deadline('response_time', 'respond', 'respond', 'notice'),
  deadline('onsite_arrival', 'arrive', 'arrive', 'notice'),
  deadline('resolution_time', 'fix', 'fix', 'arrival'),
  deadline('resolution_from_report', 'fix_from_notice', 'fix', 'notice'),
  deadline('standby_after', 'standby', 'standby', 'arrival'),
  deadline('critical_arrival', 'arrive_l1', 'arrive', 'notice', { level: '一级' }),
  deadline('critical_resolution', 'fix_l1', 'fix', 'arrival', { level: '一级' }),
  deadline('major_resolution', 'fix_l2', 'fix', 'arrival', { level: '二级' }),
  deadline('minor_arrival', 'arrive_l3', 'arrive', 'notice', { level: '三级' }),
  deadline('slight_fix_within', 'fix_slight', 'fix', 'arrival', { level: '轻微' }),
  deadline('general_fix_within', 'fix_general', 'fix', 'arrival', { level: '一般' }),
  deadline('major_plan_within', 'propose_major', 'propose', 'arrival', { level: '重大' }),
  deadline('emergency_restore', 'fix_emergency', 'fix', 'arrival', { level: '紧急' }),
  deadline('rca_within', 'report', 'report', 'fix'),
  deadline('complaint_response', 'complaint_reply', 'complaint_reply', 'complaint'),
  deadline('complaint_close', 'complaint_close', 'complaint_close', 'complaint'),
  deadline('survey_within', 'call_back', 'call_back', 'service'),
  deadline('first_visit_within', 'first_visit', 'first_visit', 'acceptance'),
  deadline('report_within', 'inspection_report', 'inspection_report', 'service'),
  deadline('parts_dispatch_within', 'deliver_parts', 'deliver_parts', 'request'),
  deadline('training_start_within', 'train_start', 'train_start', 'acceptance'),
  deadline('repair_turnaround', 'fix_mail_in', 'fix', 'receipt'),
  deadline('installer_arrival', 'installer_arrive', 'arrive', 'notice', { party: 'installer' }),
  deadline('installer_resolution', 'installer_fix', 'fix', 'arrival', { party: 'installer' }),
  {
    keys: ['warranty_months', 'warranty_start'],
    id: 'warranty',
    toFact: (r) => {
      const v = r.get('warranty_months');
      const from = WARRANTY_START[String(r.get('warranty_start'))];
      return isCount(v)
        ? {
            id: 'warranty',
            kind: 'warranty',
            offered: true,
            period: { value: v, unit: '个月' },
            ...(from ? { from } : {}),
          }
        : undefined;
    },
    toValues: (c) => {
      const m = 'period' in c ? monthsOf(c.period) : undefined;
      const start = 'from' in c ? Object.entries(WARRANTY_START).find(([, e]) => e === c.from)?.[0] : undefined;
      return {
        ...(m !== undefined && Number.isInteger(m) ? { warranty_months: m } : {}),
        ...(start ? { warranty_start: start } : {}),
      };
    },
  },
  period('whole_unit_months', 'warranty_card_unit', 'warranty', '个月', undefined, { component: '整机' }),
  period('compressor_months', 'warranty_compressor', 'warranty', '个月', undefined, { component: '压缩机' }),
  period('tank_months', 'warranty_tank', 'warranty', '个月', undefined, { component: '水箱内胆' }),
  period('pipes_electrics_months', 'warranty_pipes', 'warranty', '个月', undefined, { component: '管路及电气部件' }),
  period('repair_warranty_months', 'repair_warranty', 'repair_warranty', '个月'),
  period('replaced_part_months', 'replaced_part_warranty', 'replaced_part_warranty', '个月'),
  period('latent_defect_months', 'latent_defect', 'latent_defect', '个月', 'expiry'),
  period('parts_supply_years', 'parts_supply', 'parts_supply', '年', 'acceptance'),
  perYear('inspection_per_year', 'inspect', 'inspect'),
  perYear('maintenance_per_year', 'maintain', 'maintain'),
  perYear('drills_per_year', 'drill', 'drill'),
  count('dedicated_engineers', 'dedicated_engineers', 'dedicated_engineers'),
  count('engineer_count', 'engineers', 'engineers'),
  count('service_centers', 'service_centres', 'service_centres'),
  count('repair_stations', 'repair_stations', 'repair_stations'),
  count('parts_warehouses', 'parts_warehouses', 'parts_warehouses'),
  {
    keys: ['phone_check_cycle'],
    id: 'phone_check',
    toFact: (r) => {
      const every = PHONE_CYCLE[String(r.get('phone_check_cycle'))];
      return every ? { id: 'phone_check', kind: 'phone_check', offered: true, times: 1, every } : undefined;
    },
    toValues: (c) => {
      const name =
        'every' in c && c.times === 1
          ? Object.entries(PHONE_CYCLE).find(([, d]) => d.value === c.every.value && d.unit === c.every.unit)?.[0]
          : undefined;
      return name ? { phone_check_cycle: name } : {};
    },
  },
  {
    keys: ['repair_limit'],
    id: 'replace_after_repairs',
    toFact: (r) => {
      const v = r.get('repair_limit');
      return isCount(v)
        ? { id: 'replace_after_repairs', kind: 'replace_after_repairs', offered: true, repairs: v }
        : undefined;
    },
    toValues: (c) => ('repairs' in c ? { repair_limit: c.repairs } : {}),
  },
  {
    keys: ['downtime_limit'],
    id: 'downtime_restart',
    toFact: (r) => {
      const v = r.get('downtime_limit');
      return isDuration(v) && v.value > 0
        ? { id: 'downtime_restart', kind: 'downtime_restart', offered: true, over: { value: v.value, unit: v.unit } }
        : undefined;
    },
    toValues: (c) => ('over' in c ? { downtime_limit: asDuration(c.over) } : {}),
  },
  {
    keys: ['training_days'],
    id: 'train',
    toFact: (r) => {
      const v = r.get('training_days');
      return isDuration(v) && v.value > 0
        ? { id: 'train', kind: 'train', offered: true, length: { value: v.value, unit: v.unit } }
        : undefined;
    },
    toValues: (c) => ('length' in c ? { training_days: asDuration(c.length) } : {}),
  },
  {
    keys: ['satisfaction_target'],
    id: 'satisfaction',
    toFact: (r) => {
      const v = r.get('satisfaction_target');
      return typeof v === 'number' && v > 0 && v <= 100
        ? { id: 'satisfaction', kind: 'satisfaction', offered: true, percent: v }
        : undefined;
    },
    toValues: (c) => (c.kind === 'satisfaction' ? { satisfaction_target: c.percent } : {}),
  },
  {
    keys: ['parts_discount'],
    id: 'parts_price',
    toFact: (r) => {
      const v = r.get('parts_discount');
      return typeof v === 'number' && v >= 0 && v <= 100
        ? { id: 'parts_price', kind: 'parts_price', offered: true, basis: 'discount', percent: v }
        : undefined;
    },
    toValues: (c) =>
      c.kind === 'parts_price' && c.basis === 'discount' && c.percent !== undefined
        ? { parts_discount: c.percent }
        : {},
  },
  {
    keys: ['annual_fee'],
    id: 'annual_fee',
    toFact: (r) => {
      const fen = r.fen('annual_fee');
      // A zero fee is kept as stated, so the check can call it out rather than the migration hiding it.
      return fen !== undefined
        ? { id: 'annual_fee', kind: 'annual_fee', offered: true, amount: yuan(fen), per: '年' }
        : undefined;
    },
    toValues: (c) => (c.kind === 'annual_fee' && c.amount !== undefined ? { annual_fee: c.amount } : {}),
  },
  {
    keys: ['service_hours'],
    id: 'hotline_hours',
    toFact: (r) => {
      const v = r.get('service_hours');
      if (typeof v !== 'string' || !v.trim()) return undefined;
      return SEVEN_BY_24.test(v) && v.replace(SEVEN_BY_24, '').replace(/小时|全年无休|[，,、\s]/g, '') === ''
        ? { id: 'hotline_hours', kind: 'service_hours', offered: true, schedule: '7x24', scope: { channel: 'hotline' } }
        : {
            id: 'hotline_hours',
            kind: 'service_hours',
            offered: true,
            schedule: 'stated',
            text: v,
            scope: { channel: 'hotline' },
          };
    },
    toValues: (c) =>
      c.kind === 'service_hours'
        ? { service_hours: c.schedule === '7x24' ? '7×24小时' : c.schedule === '5x8' ? '工作日每日8小时' : c.text }
        : {},
  },
];

/** Every variable key that names a fact. */
export const LEGACY_KEYS: ReadonlySet<string> = new Set(LEGACY.flatMap((r) => r.keys));

/** The legacy key that carries a fact's figure (the first of its row), by fact id. */
export const LEGACY_KEY_OF: ReadonlyMap<string, string> = new Map(LEGACY.map((r) => [r.id, r.keys[0]!]));

/** Facts read from values; `keyOf` says which value each came from. */
export function factsFromValues(r: ValueReader): Commitment[] {
  return LEGACY.flatMap((row) => {
    const f = row.toFact(r);
    return f ? [f] : [];
  });
}

/** Values of project-file JSON. */
export const rawReader = (values: Record<string, unknown>): ValueReader => ({
  get: (k) => (Object.hasOwn(values, k) ? values[k] : undefined),
  fen: (k) => {
    const v = Object.hasOwn(values, k) ? values[k] : undefined;
    if (v === undefined || v === null) return undefined;
    try {
      return parseMoneyToFen(v);
    } catch {
      return undefined;
    }
  },
});

/** Parsed values (money in fen). */
export const parsedReader = (values: ReadonlyMap<string, unknown>): ValueReader => ({
  get: (k) => values.get(k),
  fen: (k) => {
    const v = values.get(k);
    return typeof v === 'number' ? v : undefined;
  },
});

/**
 * The legacy values the facts give, in project-file form, and the keys of facts not offered or not stated at all:
 * when a project has facts they are the whole truth, so clauses that still read those keys must not print a
 * promise the bid no longer makes.
 */
export function valuesFromFacts(facts: Commitment[]): { values: Record<string, unknown>; withdrawn: string[] } {
  const values: Record<string, unknown> = {};
  const withdrawn: string[] = [];
  for (const row of LEGACY) {
    const f = facts.find((x) => x.id === row.id);
    if (!f?.offered) {
      withdrawn.push(...row.keys);
      continue;
    }
    // A key the fact cannot state (a warranty of 400 天 has no whole months) goes too: the file's older figure for it
    // is not what the bid now promises.
    const given = row.toValues(f);
    Object.assign(values, given);
    withdrawn.push(...row.keys.filter((k) => !(k in given)));
  }
  return { values, withdrawn };
}
