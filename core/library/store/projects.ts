// Which projects use which versions (pins), how much each clause is used, and when clauses are due for review.
import type { z } from 'zod';
import { badRequest, notFound, refusal, type projectInputSchema } from './inputs.js';
import { clauseOf, latestApprovedOf, variantOf, versionOf } from './lookup.js';
import type { FreshnessItem, FreshnessState, OutdatedPin, ProjectUse, UsageItem } from './results.js';
import type { Pin, ProjectRecord, StoreData } from './schema.js';

const DAY = 86_400_000;

/** Calendar months, clamped to the month's end (31 Aug + 6 months = 28/29 Feb). UTC. */
export function addMonths(t: Date, months: number): Date {
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      y,
      m,
      Math.min(t.getUTCDate(), last),
      t.getUTCHours(),
      t.getUTCMinutes(),
      t.getUTCSeconds(),
      t.getUTCMilliseconds(),
    ),
  );
}

export function freshness(
  d: StoreData,
  now: Date,
  opts: { owner?: string; dueWithinDays?: number; includeOk?: boolean },
): FreshnessItem[] {
  const window = opts.dueWithinDays ?? 30;
  const out: FreshnessItem[] = [];
  for (const c of d.clauses) {
    if (opts.owner !== undefined && c.owner !== opts.owner) continue;
    if (c.variants.every((v) => v.versions.every((x) => x.status === 'retired'))) continue;
    const dueAt = addMonths(new Date(c.lastReviewedAt), c.reviewIntervalMonths);
    const daysLeft = Math.floor((dueAt.getTime() - now.getTime()) / DAY);
    const state: FreshnessState =
      now.getTime() > dueAt.getTime() ? 'overdue' : dueAt.getTime() - now.getTime() <= window * DAY ? 'due' : 'ok';
    if (state === 'ok' && !opts.includeOk) continue;
    out.push({
      clauseId: c.id,
      title: c.title,
      owner: c.owner,
      reviewIntervalMonths: c.reviewIntervalMonths,
      lastReviewedAt: c.lastReviewedAt,
      dueAt: dueAt.toISOString(),
      state,
      daysLeft,
    });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft);
}

export function usage(d: StoreData): UsageItem[] {
  const out: UsageItem[] = [];
  for (const c of d.clauses)
    for (const v of c.variants) {
      const item: UsageItem = { clauseId: c.id, variant: v.name, title: c.title, projects: 0, byVersion: {} };
      for (const p of d.projects) {
        const pin = p.pins.find((x) => x.clauseId === c.id && x.variant === v.name);
        if (!pin) continue;
        item.projects++;
        item.byVersion[pin.version] = (item.byVersion[pin.version] ?? 0) + 1;
        if (!item.lastUsedAt || p.lastUsedAt > item.lastUsedAt) item.lastUsedAt = p.lastUsedAt;
      }
      out.push(item);
    }
  return out.sort(
    (a, b) =>
      b.projects - a.projects ||
      (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? '') ||
      a.clauseId.localeCompare(b.clauseId),
  );
}

export function recordProject(d: StoreData, p: z.output<typeof projectInputSchema>, now: Date): ProjectRecord {
  const t = now.toISOString();
  const old = d.projects.find((x) => x.projectId === p.projectId);
  const pins: Pin[] = [];
  for (const pin of p.pins) {
    if (pins.some((x) => x.clauseId === pin.clauseId && x.variant === pin.variant)) continue;
    const v = variantOf(d, pin.clauseId, pin.variant);
    let version = pin.version;
    if (version === undefined) {
      const a = latestApprovedOf(v);
      if (!a)
        throw refusal('not_approved', 'pin', `条款 ${pin.clauseId}/${pin.variant} 没有已批准的版本可以固定`, {
          clauseId: pin.clauseId,
          variant: pin.variant,
        });
      version = a.version;
    } else versionOf(d, { clauseId: pin.clauseId, variant: pin.variant, version });
    const prev = old?.pins.find(
      (x) => x.clauseId === pin.clauseId && x.variant === pin.variant && x.version === version,
    );
    pins.push({ clauseId: pin.clauseId, variant: pin.variant, version, pinnedAt: prev?.pinnedAt ?? t });
  }
  const rec: ProjectRecord = { projectId: p.projectId, name: p.name, lastUsedAt: t, pins };
  if (old) Object.assign(old, rec);
  else d.projects.push(rec);
  return rec;
}

export function removeProject(d: StoreData, projectId: string): void {
  const i = d.projects.findIndex((x) => x.projectId === projectId);
  if (i < 0) throw notFound('project', `条款库中没有项目 ${projectId} 的记录`, { projectId });
  d.projects.splice(i, 1);
}

export function whereUsed(
  d: StoreData,
  target: { clauseId: string; variant?: string; version?: number },
): ProjectUse[] {
  clauseOf(d, target.clauseId);
  const out: ProjectUse[] = [];
  for (const p of d.projects)
    for (const pin of p.pins)
      if (
        pin.clauseId === target.clauseId &&
        (target.variant === undefined || pin.variant === target.variant) &&
        (target.version === undefined || pin.version === target.version)
      )
        out.push({
          projectId: p.projectId,
          name: p.name,
          version: pin.version,
          lastUsedAt: p.lastUsedAt,
          pinnedAt: pin.pinnedAt,
        });
  return out.sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt));
}

export function projectOf(d: StoreData, projectId: string): ProjectRecord {
  const p = d.projects.find((x) => x.projectId === projectId);
  if (!p) throw notFound('project', `条款库中没有项目 ${projectId} 的记录`, { projectId });
  return p;
}

export function outdated(d: StoreData, p: ProjectRecord): OutdatedPin[] {
  const out: OutdatedPin[] = [];
  for (const pin of p.pins) {
    const c = d.clauses.find((x) => x.id === pin.clauseId);
    const v = c?.variants.find((x) => x.name === pin.variant);
    const a = v && latestApprovedOf(v);
    if (c && a && a.version > pin.version)
      out.push({
        clauseId: pin.clauseId,
        variant: pin.variant,
        title: c.title,
        pinned: pin.version,
        latestApproved: a.version,
      });
  }
  return out;
}

export function updatePins(
  d: StoreData,
  projectId: string,
  which: 'all' | string[],
  now: Date,
): { clauseId: string; variant: string; from: number; to: number }[] {
  const p = projectOf(d, projectId);
  const stale = outdated(d, p);
  if (which !== 'all')
    for (const id of which)
      if (!p.pins.some((x) => x.clauseId === id))
        throw badRequest('unused_clause', `项目 ${projectId} 没有使用条款 ${id}`, { projectId, id });
  const chosen = which === 'all' ? stale : stale.filter((o) => which.includes(o.clauseId));
  for (const o of chosen) {
    const pin = p.pins.find((x) => x.clauseId === o.clauseId && x.variant === o.variant)!;
    pin.version = o.latestApproved;
    pin.pinnedAt = now.toISOString();
  }
  return chosen.map((o) => ({ clauseId: o.clauseId, variant: o.variant, from: o.pinned, to: o.latestApproved }));
}
