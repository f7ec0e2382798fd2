// The 承诺 panel's model, without React: the project's facts grouped by what they promise, the fault-level table
// (levels × kinds, each level with its own times), and the edits the panel makes — each returns a new list.
import { severityOf } from '@core/commitments/levels.js';
import {
  COUNT_KINDS,
  CYCLE_KINDS,
  DEADLINE_KINDS,
  PERIOD_KINDS,
  PRICE_KINDS,
  type Commitment,
  type CommitmentKind,
  type DeadlineKind,
  type FactEvent,
  type Scope,
} from '@core/commitments/schema.js';
import { FACT_KINDS, sampleFact } from '@core/library/sampleFacts.js';
import { changedPaths } from './editKey.js';

/** What a fact's value looks like: decides the controls that edit it. */
export type FactShape =
  | 'deadline'
  | 'period'
  | 'cycle'
  | 'count'
  | 'price'
  | 'repairs'
  | 'downtime'
  | 'booking'
  | 'hours'
  | 'training'
  | 'satisfaction';

export function shapeOf(kind: CommitmentKind): FactShape {
  const has = (list: readonly string[]) => list.includes(kind);
  if (has(DEADLINE_KINDS)) return 'deadline';
  if (has(PERIOD_KINDS)) return 'period';
  if (has(CYCLE_KINDS)) return 'cycle';
  if (has(COUNT_KINDS)) return 'count';
  if (has(PRICE_KINDS)) return 'price';
  const other: Record<string, FactShape> = {
    replace_after_repairs: 'repairs',
    downtime_restart: 'downtime',
    book_ahead: 'booking',
    service_hours: 'hours',
    train: 'training',
  };
  return other[kind] ?? 'satisfaction';
}

/** The panel's groups, in the order a service plan tells them; every kind is in exactly one. */
export const FACT_GROUPS = [
  { id: 'hours', kinds: ['service_hours', 'book_ahead'] },
  { id: 'response', kinds: ['answer', 'respond', 'remote_fix', 'arrive'] },
  { id: 'repair', kinds: ['diagnose', 'propose', 'fix', 'replace', 'standby', 'escalate', 'report'] },
  {
    id: 'warranty',
    kinds: [
      'warranty',
      'repair_warranty',
      'replaced_part_warranty',
      'latent_defect',
      'replace_after_repairs',
      'downtime_restart',
      'doa_replace',
      'return_goods',
      'onsite_support',
    ],
  },
  {
    id: 'visits',
    kinds: [
      'call_back',
      'first_visit',
      'phone_check',
      'visit',
      'inspect',
      'maintain',
      'overhaul',
      'inspection_report',
      'drill',
    ],
  },
  { id: 'training', kinds: ['train_start', 'train'] },
  { id: 'parts', kinds: ['parts_supply', 'deliver_parts', 'parts_warehouses'] },
  { id: 'network', kinds: ['dedicated_engineers', 'engineers', 'service_centres', 'repair_stations'] },
  { id: 'complaints', kinds: ['complaint_reply', 'complaint_visit', 'complaint_close', 'satisfaction'] },
  { id: 'fees', kinds: ['annual_fee', 'labour_fee', 'onsite_fee', 'travel_fee', 'parts_price'] },
] as const satisfies readonly { id: string; kinds: readonly CommitmentKind[] }[];
export type FactGroupId = (typeof FACT_GROUPS)[number]['id'];

const GROUP_OF = new Map<string, FactGroupId>(FACT_GROUPS.flatMap((g) => g.kinds.map((k) => [k, g.id] as const)));
export const groupOf = (kind: CommitmentKind): FactGroupId => GROUP_OF.get(kind) ?? 'fees';

/** A fact with its place in project.commitments (problems name it as `commitments.<index>`). */
export type IndexedFact = { fact: Commitment; index: number };

/** A deadline of the bidder's for one fault level and nothing narrower: a cell of the fault-level table. */
export const isLevelCell = (c: Commitment): boolean =>
  shapeOf(c.kind) === 'deadline' &&
  !!c.scope?.level &&
  !c.scope.product &&
  !c.scope.component &&
  !c.scope.region &&
  !c.scope.channel &&
  (c.scope.party ?? 'bidder') === 'bidder';

/** Facts per group (the level table's cells apart), groups without facts left out. */
export function groupFacts(facts: readonly Commitment[]): { id: FactGroupId; items: IndexedFact[] }[] {
  const indexed = facts.map((fact, index) => ({ fact, index })).filter((f) => !isLevelCell(f.fact));
  return FACT_GROUPS.map((g) => ({
    id: g.id,
    items: indexed
      .filter((f) => groupOf(f.fact.kind) === g.id)
      .sort((a, b) => kindRank(a.fact.kind) - kindRank(b.fact.kind) || a.index - b.index),
  })).filter((g) => g.items.length > 0);
}
const kindRank = (k: string) => FACT_GROUPS.flatMap((g) => g.kinds as readonly string[]).indexOf(k);

/** Kinds no fact states yet: the catalogue a new fact is picked from. */
export const unstatedKinds = (facts: readonly Commitment[]): CommitmentKind[] =>
  (FACT_KINDS as readonly CommitmentKind[]).filter((k) => !facts.some((c) => c.kind === k));

/** An id of the convention (kind, kind_suffix) not used yet. */
export function freeId(facts: readonly Commitment[], base: string): string {
  const used = new Set(facts.map((c) => c.id));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The event a new deadline of a kind usually runs from. */
const DEFAULT_FROM: Partial<Record<DeadlineKind, FactEvent>> = {
  diagnose: 'arrival',
  propose: 'arrival',
  fix: 'arrival',
  standby: 'arrival',
  escalate: 'arrival',
  report: 'fix',
  call_back: 'service',
  inspection_report: 'service',
  first_visit: 'acceptance',
  deliver_parts: 'request',
  complaint_reply: 'complaint',
  complaint_visit: 'complaint',
  complaint_close: 'complaint',
  train_start: 'acceptance',
  doa_replace: 'delivery',
  return_goods: 'delivery',
};

/**
 * A new fact of a kind, offered, appended to the list. Its figure is the catalogue's example, marked unconfirmed: the
 * schema requires a figure, so the fact cannot start blank; the mark keeps it from reaching a bid unseen (the check
 * reports it until the writer edits the figure or confirms it).
 */
export function addFact(facts: readonly Commitment[], kind: CommitmentKind, scope?: Scope): Commitment[] {
  const base = sampleFact(kind)!;
  const id = freeId(facts, kind === 'service_hours' ? `${scope?.channel ?? 'hotline'}_hours` : kind);
  let fact: Commitment = { ...base, id, unconfirmed: true };
  if ('within' in fact) fact = { ...fact, from: DEFAULT_FROM[fact.kind] ?? 'notice' };
  if ('period' in fact && fact.kind !== 'repair_warranty' && fact.kind !== 'replaced_part_warranty')
    fact = { ...fact, from: fact.kind === 'latent_defect' ? 'expiry' : 'acceptance' };
  if (fact.kind === 'service_hours') fact = { ...fact, scope: { channel: scope?.channel ?? 'hotline' } };
  else if (scope) fact = { ...fact, scope };
  return [...facts, fact];
}

/**
 * A copy of a fact with its own id and no scope, placed after it: the same promise for another product, region …
 * It keeps the source's mark: a typed or confirmed figure stays so, an example stays an example.
 */
export function duplicateFact(facts: readonly Commitment[], index: number): Commitment[] {
  const src = facts[index];
  if (!src) return [...facts];
  const { scope: _scope, label: _label, ...rest } = src;
  const copy = { ...rest, id: freeId(facts, src.kind) } as Commitment;
  return [...facts.slice(0, index + 1), copy, ...facts.slice(index + 1)];
}

export const removeFact = (facts: readonly Commitment[], index: number): Commitment[] =>
  facts.filter((_, i) => i !== index);

/**
 * The parts of a fact that make its figure (the parts an example sets, sampleFacts.ts): the writer who changes one has
 * typed the figure. Not the event, the scope, the name or the switch: changing those leaves the example as it was.
 */
const FIGURE_PARTS = new Set([
  'within',
  'period',
  'times',
  'every',
  'count',
  'amount',
  'per',
  'free',
  'basis',
  'percent',
  'repairs',
  'over',
  'ahead',
  'schedule',
  'text',
  'length',
]);

/** The writer's word that an example figure is the one meant: the fact without its unconfirmed mark. */
export function confirmFact(fact: Commitment): Commitment {
  const { unconfirmed: _unconfirmed, ...rest } = fact;
  return rest as Commitment;
}

/** Replaces one fact (the panel builds the whole new fact; its kind never changes); an edited figure is confirmed. */
export function replaceFact(facts: readonly Commitment[], index: number, fact: Commitment): Commitment[] {
  const before = facts[index];
  const typed =
    fact.unconfirmed && before && changedPaths(before, fact).some((p) => FIGURE_PARTS.has(p.split('.')[0]!))
      ? confirmFact(fact)
      : fact;
  return facts.map((c, i) => (i === index ? typed : c));
}

/** Sets one scope key (undefined or '' removes it; an empty scope goes away). */
export function withScope<K extends keyof Scope>(fact: Commitment, key: K, value: Scope[K] | ''): Commitment {
  const scope: Scope = { ...fact.scope };
  if (value === undefined || value === '') delete scope[key];
  else scope[key] = value;
  const { scope: _old, ...rest } = fact;
  return (Object.keys(scope).length ? { ...rest, scope } : rest) as Commitment;
}

// ---------- The fault-level table ----------

/** The usual names, most severe first: a new level takes the first one not used. */
export const LEVEL_NAMES = ['一级', '二级', '三级', '四级', '五级'] as const;
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 5;
/** The kinds a new table starts with: arrive on site, fix. */
export const DEFAULT_LEVEL_KINDS: DeadlineKind[] = ['respond', 'arrive', 'fix'];

export type LevelTable = {
  /** Most severe first (severityOf), unusual names after in their order of appearance. */
  levels: string[];
  /** The kinds some level states, in catalogue order. */
  kinds: DeadlineKind[];
  /** `${level}\u0000${kind}` → the fact's index. */
  cells: Map<string, number>;
};
export const cellKey = (level: string, kind: string) => `${level}\u0000${kind}`;

export function levelTable(facts: readonly Commitment[]): LevelTable {
  const cells = new Map<string, number>();
  const levels: string[] = [];
  const kinds = new Set<DeadlineKind>();
  facts.forEach((c, i) => {
    if (!isLevelCell(c)) return;
    const level = c.scope!.level!;
    if (!levels.includes(level)) levels.push(level);
    kinds.add(c.kind as DeadlineKind);
    if (!cells.has(cellKey(level, c.kind))) cells.set(cellKey(level, c.kind), i);
  });
  const rank = (l: string) => (severityOf(l) < 0 ? 100 + levels.indexOf(l) : severityOf(l));
  return {
    levels: [...levels].sort((a, b) => rank(a) - rank(b)),
    kinds: (DEADLINE_KINDS as readonly DeadlineKind[]).filter((k) => kinds.has(k)),
    cells,
  };
}

/** An id for a level's fact as clauses and the legacy keys name them: arrive_l1 for 一级, fix_emergency for 紧急,
 * fix_general for 一般 …, else arrive_level. */
const LEVEL_SLUG: Record<string, string> = {
  一级: 'l1',
  二级: 'l2',
  三级: 'l3',
  四级: 'l4',
  五级: 'l5',
  紧急: 'emergency',
  重大: 'major',
  严重: 'severe',
  一般: 'general',
  轻微: 'slight',
};
const levelBase = (kind: string, level: string) => `${kind}_${LEVEL_SLUG[level.replace(/故障$/, '')] ?? 'level'}`;
const levelId = (facts: readonly Commitment[], kind: string, level: string) => freeId(facts, levelBase(kind, level));

/**
 * The fact a level's cell starts from: the general promise of that kind (confirmed or not, as it is), else the example
 * figure, unconfirmed like a fact added from the catalogue.
 */
function levelFact(facts: readonly Commitment[], kind: DeadlineKind, level: string): Commitment {
  const general = facts.find((c) => c.kind === kind && !c.scope && c.offered !== false);
  const start = general ?? { ...sampleFact(kind)!, from: DEFAULT_FROM[kind] ?? 'notice', unconfirmed: true };
  const { label: _label, ...rest } = start;
  return { ...rest, id: levelId(facts, kind, level), offered: true, scope: { level } } as Commitment;
}

/** The next usual level name, or undefined when the table is full. */
export function nextLevelName(levels: readonly string[]): string | undefined {
  if (levels.length >= MAX_LEVELS) return undefined;
  return LEVEL_NAMES.find((n) => !levels.includes(n)) ?? undefined;
}

/** Adds a level with a time for each kind of the table (the general promise's to start with). */
export function addLevel(facts: readonly Commitment[], level: string): Commitment[] {
  const table = levelTable(facts);
  if (table.levels.length >= MAX_LEVELS || table.levels.includes(level)) return [...facts];
  const kinds = table.kinds.length ? table.kinds : DEFAULT_LEVEL_KINDS;
  const out = [...facts];
  for (const kind of kinds) out.push(levelFact(out, kind, level));
  return out;
}

/** Starts a table of two levels (一级, 二级), or completes one with fewer than two levels. */
export function startLevelTable(facts: readonly Commitment[]): Commitment[] {
  let out = [...facts];
  for (let name = nextLevelName(levelTable(out).levels); levelTable(out).levels.length < MIN_LEVELS && name; ) {
    out = addLevel(out, name);
    name = nextLevelName(levelTable(out).levels);
  }
  return out;
}

/** Removes a level's facts (a table keeps at least two levels; removing below that removes the whole table). */
export function removeLevel(facts: readonly Commitment[], level: string): Commitment[] {
  const table = levelTable(facts);
  const drop = table.levels.length <= MIN_LEVELS ? new Set(table.levels) : new Set([level]);
  return facts.filter((c) => !(isLevelCell(c) && drop.has(c.scope!.level!)));
}

/**
 * Renames a level in each of its facts (refused when the new name is empty or taken). A fact named by the level's
 * convention follows it (arrive_l1 → arrive_emergency), so clauses that name levels by id still find it.
 */
export function renameLevel(facts: readonly Commitment[], from: string, to: string): Commitment[] {
  const name = to.trim();
  if (!name || name.length > 20 || levelTable(facts).levels.includes(name)) return [...facts];
  const out = [...facts];
  out.forEach((c, i) => {
    if (!isLevelCell(c) || c.scope!.level !== from) return;
    const others = out.filter((_, j) => j !== i);
    const id = c.id === levelBase(c.kind, from) ? freeId(others, levelBase(c.kind, name)) : c.id;
    out[i] = { ...c, id, scope: { ...c.scope, level: name } };
  });
  return out;
}

/** Adds a column: a time of this kind for every level. */
export function addLevelKind(facts: readonly Commitment[], kind: DeadlineKind): Commitment[] {
  const out = [...facts];
  for (const level of levelTable(facts).levels)
    if (!out.some((c) => isLevelCell(c) && c.kind === kind && c.scope!.level === level))
      out.push(levelFact(out, kind, level));
  return out;
}

/** Removes a column: every level's time of this kind. */
export const removeLevelKind = (facts: readonly Commitment[], kind: DeadlineKind): Commitment[] =>
  facts.filter((c) => !(isLevelCell(c) && c.kind === kind));

/** Gives a level a time of its own for a kind it lacks (the cell was empty). */
export const fillLevelCell = (facts: readonly Commitment[], level: string, kind: DeadlineKind): Commitment[] => [
  ...facts,
  levelFact(facts, kind, level),
];

/** The event a column's times run from: the one every level shares, else undefined (the levels differ). */
export function levelKindEvent(facts: readonly Commitment[], kind: DeadlineKind): FactEvent | undefined {
  const events = new Set(
    facts.filter((c) => isLevelCell(c) && c.kind === kind).map((c) => ('from' in c ? c.from : undefined)),
  );
  return events.size === 1 ? [...events][0] : undefined;
}

/** Every level's time of a kind runs from this event. */
export const setLevelKindEvent = (facts: readonly Commitment[], kind: DeadlineKind, from: FactEvent): Commitment[] =>
  facts.map((c) => (isLevelCell(c) && c.kind === kind ? ({ ...c, from } as Commitment) : c));
