// One sync of a data folder with its team server: push this folder's drafts and submissions, then pull approved
// versions and blueprints into the local store. Local-first: the store is never locked while the network is used,
// and a failure is reported in the result (and in team-sync.json), never thrown at the caller.
import { createHash } from 'node:crypto';
import type { LibraryStore } from '../library/store/store.js';
import type { StoreData } from '../library/store/schema.js';
import { applyChanges, baseOf, type ApplyReport } from './apply.js';
import { teamClient, TeamSyncError, type ClientOptions, type TeamClient } from './client.js';
import type { Change, Proposal } from './protocol.js';
import { linkIndex, readState, writeState, type SyncConflict, type SyncState } from './state.js';

/** What a sync needs of the local store: a snapshot to find pending work, and one locked write to apply a pull. */
export type SyncTarget = Pick<LibraryStore, 'snapshot' | 'applyTeamSync'>;

export type SyncOptions = ClientOptions & {
  dataDir: string;
  /** Pull page size; at most this many changes are applied per store write batch of pages. */
  pageSize?: number;
  /** Apply to the store after this many changes were fetched (and at the end). */
  applyEvery?: number;
  /** Only pull (e.g. a read-only subscriber). */
  pullOnly?: boolean;
};

export type SyncReport = {
  ok: boolean;
  pushed: number;
  pulled: number;
  applied: Omit<ApplyReport, 'conflicts'>;
  /** New conflicts from this sync, and all still open. */
  conflicts: SyncConflict[];
  openConflicts: SyncConflict[];
  staleProposals: { clauseId: string; variant: string; local: number; server: number }[];
  /** Proposals the server would not take, with its reason (e.g. clause_id_taken); they are offered again next time. */
  refused: { clauseId: string; variant: string; local: number; code: string; message: string }[];
  cursor: number;
  error?: { code: string; message: string };
};

const proposalKey = (s: SyncState, clauseId: string, variant: string, local: number, createdAt: string) =>
  createHash('sha256')
    .update(`${s.clientId}\u0000${clauseId}\u0000${variant}\u0000${local}\u0000${createdAt}`)
    .digest('base64url')
    .slice(0, 40);

/** This folder's own work the server has not seen in its current state: new drafts and new submissions. */
export function pendingProposals(d: StoreData, s: SyncState): { proposal: Proposal; local: number }[] {
  const links = linkIndex(s);
  const out: { proposal: Proposal; local: number }[] = [];
  for (const c of d.clauses)
    for (const v of c.variants)
      for (const ver of v.versions) {
        if (ver.origin !== 'user' || (ver.status !== 'draft' && ver.status !== 'in_review')) continue;
        const l = links.byLocal(c.id, v.name, ver.version);
        if (l && (!l.pushed || l.pushed === ver.status || l.pushed === 'in_review')) continue;
        const base = baseOf(c.id, v, ver.version, links);
        // Made here: the clause's first version, and nothing of it came from (or went to) the server before.
        const newClause =
          ver.version === 1 &&
          !c.variants.some((x) => x.versions.some((y) => y.origin === 'pack')) &&
          !c.variants.some((x) => x.versions.some((y) => links.byLocal(c.id, x.name, y.version)));
        out.push({
          local: ver.version,
          proposal: {
            key: l?.key ?? proposalKey(s, c.id, v.name, ver.version, ver.createdAt),
            clause: {
              id: c.id,
              category: c.category,
              title: c.title,
              tags: c.tags,
              docTypes: c.docTypes,
              owner: c.owner,
              reviewIntervalMonths: c.reviewIntervalMonths,
            },
            variant: v.name,
            ...(base !== undefined ? { baseVersion: base } : {}),
            body: ver.body,
            variables: ver.variables,
            ...(ver.when ? { when: ver.when } : {}),
            changeNote: ver.changeNote,
            status: ver.status,
            newClause,
          },
        });
      }
  return out;
}

/** A conflict is settled once the local version is no longer waiting (retired, approved, or back to draft by legal). */
function stillOpen(d: StoreData, conflicts: SyncConflict[]): SyncConflict[] {
  return conflicts.filter((c) => {
    const v = d.clauses.find((x) => x.id === c.clauseId)?.variants.find((x) => x.name === c.variant)?.versions[
      c.local - 1
    ];
    return v?.status === 'draft' || v?.status === 'in_review';
  });
}

const emptyApplied = () => ({
  added: 0,
  statusChanged: 0,
  identical: 0,
  blueprints: 0,
  keptBlueprints: [] as string[],
  skipped: [] as { what: string; why: string }[],
});

export async function syncLibrary(store: SyncTarget, o: SyncOptions, client?: TeamClient): Promise<SyncReport> {
  const state = await readState(o.dataDir, o.url.replace(/\/+$/, ''));
  const report: SyncReport = {
    ok: true,
    pushed: 0,
    pulled: 0,
    applied: emptyApplied(),
    conflicts: [],
    openConflicts: [],
    staleProposals: [],
    refused: [],
    cursor: state.cursor,
  };
  try {
    const api = client ?? teamClient(o);
    if (!o.pullOnly) await pushPending(store, api, state, report);
    await pullAll(store, api, state, report, o);
    if (state.conflicts.length) state.conflicts = stillOpen(await store.snapshot(), state.conflicts);
    state.lastError = undefined;
  } catch (e) {
    const err =
      e instanceof TeamSyncError
        ? { code: e.code, message: e.message }
        : { code: 'sync_failed', message: (e as Error)?.message ?? String(e) };
    report.ok = false;
    report.error = err;
    state.lastError = { at: new Date().toISOString(), ...err };
  }
  report.cursor = state.cursor;
  report.openConflicts = state.conflicts;
  await writeState(o.dataDir, state).catch(() => undefined);
  return report;
}

async function pushPending(store: SyncTarget, api: TeamClient, state: SyncState, report: SyncReport) {
  const pending = pendingProposals(await store.snapshot(), state);
  const links = linkIndex(state);
  for (let i = 0; i < pending.length; i += 200) {
    const batch = pending.slice(i, i + 200);
    const { results } = await api.push(batch.map((p) => p.proposal));
    results.forEach((r, j) => {
      const p = batch[j]!;
      if ('error' in r) {
        const { clause, variant } = p.proposal;
        report.refused.push({ clauseId: clause.id, variant, local: p.local, ...r.error });
        return;
      }
      links.add({
        clauseId: r.clauseId,
        variant: r.variant,
        local: p.local,
        server: r.version,
        key: p.proposal.key,
        pushed: p.proposal.status,
      });
      if (r.stale)
        report.staleProposals.push({ clauseId: r.clauseId, variant: r.variant, local: p.local, server: r.version });
    });
    report.pushed += results.filter((r) => !('error' in r)).length;
    state.lastPushAt = new Date().toISOString();
  }
}

async function pullAll(store: SyncTarget, api: TeamClient, state: SyncState, report: SyncReport, o: SyncOptions) {
  const applyEvery = o.applyEvery ?? 20_000;
  let buffer: Change[] = [];
  let cursor = state.cursor;
  const flush = async () => {
    if (!buffer.length) return;
    const batch = buffer;
    buffer = [];
    const r = await store.applyTeamSync((d, now) => applyChanges(d, state, batch, now));
    for (const k of ['added', 'statusChanged', 'identical', 'blueprints'] as const) report.applied[k] += r[k];
    report.applied.keptBlueprints.push(...r.keptBlueprints);
    report.applied.skipped.push(...r.skipped);
    report.conflicts.push(...r.conflicts);
    state.cursor = cursor;
    await writeState(o.dataDir, state);
  };
  try {
    for (;;) {
      const page = await api.pull(cursor, o.pageSize ?? 2000);
      buffer.push(...page.changes);
      report.pulled += page.changes.length;
      cursor = page.cursor;
      if (buffer.length >= applyEvery) await flush();
      if (!page.more) break;
    }
  } finally {
    // What arrived before a failure is kept: the next sync goes on from there.
    await flush();
  }
  state.lastPullAt = new Date().toISOString();
}
