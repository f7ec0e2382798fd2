// Merging a pack payload (an imported pack, or the built-in templates) into store data: pure functions on plain data.
import type { Library } from '@core/model/library.js';
import type { Problem } from '@core/model/problem.js';
import type { PackSigner } from '../packSigner.js';
import { diffText, type DiffSegment } from './diff.js';
import {
  canonicalJson,
  showPackPerson,
  type PackBlueprint,
  type PackClause,
  type PackPayload,
  type PackVersion,
} from './pack.js';
import type { Origin, StoreData, StoredClause, StoredVariant, StoredVersion, VersionStatus } from './schema.js';

export type ItemStatus = 'new' | 'identical' | 'conflicting';
export type Resolution = 'keep-mine' | 'take-theirs' | 'keep-both';
export const RESOLUTIONS = ['keep-mine', 'take-theirs', 'keep-both'] as const;

export type ImportItem = {
  /** "clause:<id>/<variant>" or "blueprint:<id>": the key to give a resolution for. */
  key: string;
  kind: 'clause' | 'blueprint';
  id: string;
  variant?: string;
  title: string;
  status: ItemStatus;
  /** Their author and reviewer as shown (showPackPerson: invisible characters as [U+XXXX]). */
  theirs: { version?: number; status?: VersionStatus; author?: string; reviewer?: string; changeNote?: string };
  /** For identical and conflicting clause items: my latest version of that variant. */
  mine?: { version: number; status: VersionStatus; origin: Origin; author: string; changeNote: string };
  /** For conflicting clause items: my latest body → theirs. */
  diff?: DiffSegment[];
};

export type ImportPreview = {
  createdAt: string;
  checksum: string;
  items: ImportItem[];
  counts: Record<ItemStatus, number>;
  /** E.g. a blueprint names a clause that is neither in the pack nor in the library: Chinese, with params for
   * the English (STORE_EN, by code). */
  warnings: Problem[];
  /** Who signed the pack and whether its approvals are kept (absent for the built-in templates). */
  signer?: PackSigner;
};

export type MergeAction = 'added' | 'new-version' | 'replaced' | 'kept-both' | 'kept-mine' | 'identical' | 'conflict';
export type MergeReport = {
  actions: { key: string; action: MergeAction; note?: string }[];
  counts: Record<MergeAction, number>;
  /** Items left as they were because they need a person's decision (built-in merge only). */
  conflicts: ImportItem[];
  /** Who signed the pack and whether its approvals were kept (imports only). */
  signer?: PackSigner;
};

export const clauseKey = (id: string, variant: string) => `clause:${id}/${variant}`;
export const blueprintKey = (id: string) => `blueprint:${id}`;

const normBody = (s: string) => s.replace(/\r\n/g, '\n').trimEnd();
type Content = { body: string; variables: unknown; when?: unknown };
/** Body, variables and condition: a version that only changed when the clause is included is a different version. */
export function sameContent(a: Content, b: Content): boolean {
  return (
    normBody(a.body) === normBody(b.body) &&
    canonicalJson(a.variables) === canonicalJson(b.variables) &&
    canonicalJson(a.when ?? null) === canonicalJson(b.when ?? null)
  );
}

const stripOrigin = (x: object): object => {
  const { origin: _o, ...rest } = x as { origin?: unknown };
  return rest;
};
export const sameBlueprint = (a: PackBlueprint, b: PackBlueprint) =>
  canonicalJson(stripOrigin(a)) === canonicalJson(stripOrigin(b));

function classifyClause(data: StoreData, pc: PackClause): ImportItem[] {
  const mineClause = data.clauses.find((c) => c.id === pc.id);
  return pc.variants.map((pv) => {
    const base: ImportItem = {
      key: clauseKey(pc.id, pv.name),
      kind: 'clause',
      id: pc.id,
      variant: pv.name,
      title: pc.title,
      status: 'new',
      theirs: {
        version: pv.version.version,
        status: pv.version.status,
        author: showPackPerson(pv.version.author),
        ...(pv.version.reviewer !== undefined ? { reviewer: showPackPerson(pv.version.reviewer) } : {}),
        changeNote: pv.version.changeNote,
      },
    };
    const mv = mineClause?.variants.find((v) => v.name === pv.name);
    if (!mv) return base;
    const latest = mv.versions[mv.versions.length - 1]!;
    const mine = {
      version: latest.version,
      status: latest.status,
      origin: latest.origin,
      author: latest.author,
      changeNote: latest.changeNote,
    };
    if (mv.versions.some((v) => sameContent(v, pv.version))) return { ...base, status: 'identical', mine };
    return { ...base, status: 'conflicting', mine, diff: diffText(latest.body, pv.version.body) };
  });
}

export function classifyPayload(data: StoreData, payload: PackPayload): { items: ImportItem[]; warnings: Problem[] } {
  const items = payload.clauses.flatMap((pc) => classifyClause(data, pc));
  for (const pb of payload.blueprints) {
    const mine = data.blueprints.find((b) => b.id === pb.id);
    items.push({
      key: blueprintKey(pb.id),
      kind: 'blueprint',
      id: pb.id,
      title: pb.title,
      status: !mine ? 'new' : sameBlueprint(mine, pb) ? 'identical' : 'conflicting',
      theirs: {},
    });
  }
  const warnings: Problem[] = [];
  for (const pb of payload.blueprints)
    for (const s of pb.sections)
      for (const ref of s.clauses) {
        const inPack = payload.clauses.some((c) => c.id === ref.id && c.variants.some((v) => v.name === ref.variant));
        const inStore = data.clauses.some((c) => c.id === ref.id && c.variants.some((v) => v.name === ref.variant));
        if (!inPack && !inStore)
          warnings.push({
            severity: 'warning',
            code: 'pack_clause_missing',
            message: `蓝本 ${pb.id}（章节“${s.title}”）引用的条款 ${ref.id}/${ref.variant} 既不在条款包中，也不在条款库中`,
            params: { blueprint: pb.id, section: s.title, clauseId: ref.id, variant: ref.variant },
          });
      }
  return { items, warnings };
}

export type Decision = Resolution | { conflict: true } | { takeTheirs: true; status: VersionStatus };

type ApplyOptions = {
  now: Date;
  origin: Origin;
  /** How to settle a conflicting item. */
  decide: (item: ImportItem, mine: { origin: Origin }) => Decision;
};

function toStored(v: PackVersion, version: number, origin: Origin): StoredVersion {
  return { ...v, version, origin };
}

function uniqueName(taken: (name: string) => boolean, first: string, nth: (n: number) => string): string {
  if (!taken(first)) return first;
  for (let n = 2; ; n++) if (!taken(nth(n))) return nth(n);
}

/** Applies a payload to `data` in place. Conflicts are settled by `decide`. */
export function applyPayload(data: StoreData, payload: PackPayload, opts: ApplyOptions): MergeReport {
  const { items } = classifyPayload(data, payload);
  const byKey = new Map(items.map((i) => [i.key, i]));
  const report: MergeReport = {
    actions: [],
    counts: { added: 0, 'new-version': 0, replaced: 0, 'kept-both': 0, 'kept-mine': 0, identical: 0, conflict: 0 },
    conflicts: [],
  };
  const act = (key: string, action: MergeAction, note?: string) => {
    report.actions.push(note ? { key, action, note } : { key, action });
    report.counts[action]++;
  };
  const nowIso = opts.now.toISOString();

  for (const pc of payload.clauses) {
    const mine = data.clauses.find((c) => c.id === pc.id);
    if (!mine) {
      const clause: StoredClause = {
        id: pc.id,
        category: pc.category,
        title: pc.title,
        tags: pc.tags,
        docTypes: pc.docTypes,
        owner: pc.owner,
        reviewIntervalMonths: pc.reviewIntervalMonths,
        lastReviewedAt: nowIso,
        variants: pc.variants.map((pv) => ({ name: pv.name, versions: [toStored(pv.version, 1, opts.origin)] })),
      };
      data.clauses.push(clause);
      for (const pv of pc.variants) act(clauseKey(pc.id, pv.name), 'added', 'v1');
      continue;
    }
    for (const pv of pc.variants) {
      const item = byKey.get(clauseKey(pc.id, pv.name))!;
      const mv = mine.variants.find((v) => v.name === pv.name);
      if (item.status === 'new' || !mv) {
        mine.variants.push({ name: pv.name, versions: [toStored(pv.version, 1, opts.origin)] });
        for (const dt of pc.docTypes) if (!mine.docTypes.includes(dt)) mine.docTypes.push(dt);
        act(item.key, 'added', 'v1');
        continue;
      }
      if (item.status === 'identical') {
        act(item.key, 'identical');
        continue;
      }
      const latest = mv.versions[mv.versions.length - 1]!;
      const d = opts.decide(item, { origin: latest.origin });
      if (typeof d === 'object' && 'conflict' in d) {
        report.conflicts.push(item);
        act(item.key, 'conflict');
      } else if (d === 'keep-mine') act(item.key, 'kept-mine');
      else if (d === 'take-theirs' || (typeof d === 'object' && 'takeTheirs' in d)) {
        const n = mv.versions.length + 1;
        const status = typeof d === 'object' ? d.status : pv.version.status;
        mv.versions.push({
          ...toStored(pv.version, n, opts.origin),
          status,
          createdAt: nowIso,
          decidedAt: status === 'approved' ? nowIso : pv.version.decidedAt,
        });
        act(item.key, 'new-version', `v${n}`);
      } else {
        const name = uniqueName(
          (x) => mine.variants.some((v) => v.name === x),
          `${pv.name}（导入）`,
          (k) => `${pv.name}（导入${k}）`,
        );
        mine.variants.push({ name, versions: [toStored(pv.version, 1, opts.origin)] } satisfies StoredVariant);
        act(item.key, 'kept-both', `as variant ${name}`);
      }
    }
  }

  for (const pb of payload.blueprints) {
    const key = blueprintKey(pb.id);
    const item = byKey.get(key)!;
    const i = data.blueprints.findIndex((b) => b.id === pb.id);
    if (i < 0) {
      data.blueprints.push({ ...pb, origin: opts.origin });
      act(key, 'added');
      continue;
    }
    if (item.status === 'identical') {
      act(key, 'identical');
      continue;
    }
    const d = opts.decide(item, { origin: data.blueprints[i]!.origin });
    if (typeof d === 'object' && 'conflict' in d) {
      report.conflicts.push(item);
      act(key, 'conflict');
    } else if (d === 'keep-mine') act(key, 'kept-mine');
    else if (d === 'take-theirs' || (typeof d === 'object' && 'takeTheirs' in d)) {
      data.blueprints[i] = { ...pb, origin: opts.origin };
      act(key, 'replaced');
    } else {
      const id = uniqueName(
        (x) => data.blueprints.some((b) => b.id === x),
        `${pb.id}-imported`,
        (k) => `${pb.id}-imported-${k}`,
      );
      data.blueprints.push({ ...pb, id, title: `${pb.title}（导入）`, origin: opts.origin });
      act(key, 'kept-both', `as blueprint ${id}`);
    }
  }
  return report;
}

/** The built-in templates as a pack payload: files with the same clause id become variants of one clause. */
export function builtinPayload(lib: Library, now: Date): PackPayload {
  const nowIso = now.toISOString();
  const clauses = new Map<string, PackClause>();
  const versionOf = new Map<string, number>();
  for (const c of lib.clauses) {
    let pc = clauses.get(c.id);
    if (!pc) {
      pc = {
        id: c.id,
        category: c.category,
        title: c.title,
        tags: [...c.tags],
        docTypes: [...c.docTypes],
        owner: c.owner ?? c.author,
        reviewIntervalMonths: c.reviewIntervalMonths ?? 12,
        variants: [],
      };
      clauses.set(c.id, pc);
    }
    for (const t of c.tags) if (!pc.tags.includes(t)) pc.tags.push(t);
    for (const d of c.docTypes) if (!pc.docTypes.includes(d)) pc.docTypes.push(d);
    const version: PackVersion = {
      version: c.version,
      body: c.body,
      variables: c.variables,
      status: c.status,
      author: c.author,
      createdAt: nowIso,
      ...(c.status === 'approved' ? { decidedAt: nowIso } : {}),
      changeNote: c.changeNote,
      ...(c.when ? { when: structuredClone(c.when) } : {}),
    };
    const key = `${c.id}\u0000${c.variant}`;
    const i = pc.variants.findIndex((v) => v.name === c.variant);
    if (i < 0) pc.variants.push({ name: c.variant, version });
    else if (c.version > (versionOf.get(key) ?? 0)) pc.variants[i] = { name: c.variant, version };
    versionOf.set(key, Math.max(c.version, versionOf.get(key) ?? 0));
  }
  return { clauses: [...clauses.values()], blueprints: lib.blueprints.map((b) => structuredClone(b)) };
}
