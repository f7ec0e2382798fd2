// Pulled server changes landed in the local store data (pure; runs inside one store write). Approved legal text is
// never merged: a server version is either found (same content, or linked) or appended as a new local version.
// Local work written meanwhile stays beside it and is reported as a conflict: two versions to choose between.
import { canonicalJson } from '../library/store/pack.js';
import {
  clauseHeaderShape,
  type StoreData,
  type StoredVariant,
  type StoredVersion,
  storedBlueprintSchema,
  storedVersionSchema,
} from '../library/store/schema.js';
import { z } from 'zod';
import type { Change, VersionChange } from './protocol.js';
import { linkIndex, type SyncConflict, type SyncState } from './state.js';

export type ApplyReport = {
  added: number;
  statusChanged: number;
  identical: number;
  blueprints: number;
  conflicts: SyncConflict[];
  /** Blueprints edited here and changed on the server too: kept as they are here. */
  keptBlueprints: string[];
  /** Changes this app cannot store (e.g. from a newer app's schema): left out and named, so the rest still lands. */
  skipped: { what: string; why: string }[];
};

const headerSchema = z.object(clauseHeaderShape);
const issue = (e: z.ZodError) =>
  e.issues
    .slice(0, 2)
    .map((i) => `${i.path.join('.')}: ${i.message}`)
    .join('; ');

/** Why this app's store could not hold the change, if it could not. */
function refusalOf(ch: Change): string | undefined {
  if (ch.kind === 'blueprint') {
    const b = storedBlueprintSchema.safeParse({ ...ch.blueprint, origin: 'pack' });
    return b.success ? undefined : issue(b.error);
  }
  const h = headerSchema.safeParse(ch.clause);
  if (!h.success) return issue(h.error);
  const v = storedVersionSchema.safeParse(versionFrom(ch, 1));
  return v.success ? undefined : issue(v.error);
}

const norm = (s: string) => s.replace(/\r\n/g, '\n').trimEnd();
const sameContent = (v: StoredVersion, c: VersionChange) =>
  norm(v.body) === norm(c.body) &&
  canonicalJson(v.variables) === canonicalJson(c.variables) &&
  canonicalJson(v.when ?? null) === canonicalJson(c.when ?? null);

function versionFrom(c: VersionChange, n: number): StoredVersion {
  return {
    version: n,
    body: c.body,
    variables: c.variables as StoredVersion['variables'],
    status: c.status,
    author: c.author,
    ...(c.reviewer ? { reviewer: c.reviewer } : {}),
    createdAt: c.createdAt,
    ...(c.decidedAt ? { decidedAt: c.decidedAt } : {}),
    changeNote: c.changeNote,
    origin: 'pack',
    ...(c.when !== undefined ? { when: c.when as StoredVersion['when'] } : {}),
  };
}

function settle(v: StoredVersion, c: VersionChange): boolean {
  if (v.status === c.status) return false;
  if (v.status === 'retired') return false; // retired here stays retired
  // A rejection sends my submission back to draft, with legal's reason; it never undoes an approval here.
  if (c.status === 'draft' && v.status !== 'in_review') return false;
  v.status = c.status;
  if (c.reviewer) v.reviewer = c.reviewer;
  if (c.decidedAt) v.decidedAt = c.decidedAt;
  if (c.status === 'draft') v.rejectReason = c.reason ?? '';
  return true;
}

export function applyChanges(d: StoreData, s: SyncState, changes: Change[], now: Date): ApplyReport {
  const links = linkIndex(s);
  const r: ApplyReport = {
    added: 0,
    statusChanged: 0,
    identical: 0,
    blueprints: 0,
    conflicts: [],
    keptBlueprints: [],
    skipped: [],
  };
  const clauses = new Map(d.clauses.map((c) => [c.id, c]));
  const at = now.toISOString();

  const touched = new Map<string, string>();
  for (const ch of changes) {
    const why = refusalOf(ch);
    if (why) {
      const what =
        ch.kind === 'blueprint' ? `blueprint ${ch.blueprint.id}` : `${ch.clause.id}/${ch.variant} v${ch.version}`;
      r.skipped.push({ what, why });
      continue;
    }
    if (ch.kind === 'blueprint') {
      const i = d.blueprints.findIndex((b) => b.id === ch.blueprint.id);
      const incoming = { ...structuredClone(ch.blueprint), origin: 'pack' as const };
      if (i < 0) d.blueprints.push(incoming);
      else {
        const { origin, ...mine } = d.blueprints[i]!;
        if (canonicalJson(mine) === canonicalJson(ch.blueprint)) continue;
        if (origin === 'user') {
          r.keptBlueprints.push(ch.blueprint.id);
          continue;
        }
        d.blueprints[i] = incoming;
      }
      r.blueprints++;
      continue;
    }
    const linked = links.byServer(ch.clause.id, ch.variant, ch.version);
    let clause = clauses.get(ch.clause.id);
    let variant: StoredVariant | undefined = clause?.variants.find((v) => v.name === ch.variant);
    touched.set(`${ch.clause.id}\u0000${ch.variant}`, ch.clause.id);
    if (linked && variant?.versions[linked.local - 1]) {
      // The same server version may stand here twice (realign below): both follow it.
      for (const l of s.links)
        if (l !== linked && l.clauseId === ch.clause.id && l.variant === ch.variant && l.server === ch.version) {
          const twin = variant.versions[l.local - 1];
          if (twin) settle(twin, ch);
        }
      if (settle(variant.versions[linked.local - 1]!, ch)) {
        r.statusChanged++;
        // Rejected: the server holds it as a draft now, so submitting it again here pushes it again.
        if (ch.status === 'draft') linked.pushed = 'draft';
      } else r.identical++;
      continue;
    }
    // A rejection of a proposal this folder does not know (its folder was reset): nothing to do.
    if (ch.status === 'draft') continue;
    // A version retired before this folder ever saw it approved: nothing to keep.
    if (ch.status === 'retired' && !variant?.versions.some((v) => sameContent(v, ch))) continue;
    if (!clause) {
      clause = {
        ...structuredClone(ch.clause),
        lastReviewedAt: ch.decidedAt || at,
        variants: [],
      };
      d.clauses.push(clause);
      clauses.set(clause.id, clause);
    }
    if (!variant) {
      variant = { name: ch.variant, versions: [] };
      clause.variants.push(variant);
      for (const dt of ch.clause.docTypes) if (!clause.docTypes.includes(dt)) clause.docTypes.push(dt);
    }
    // The same text already here (an earlier pull cut short, the built-in library, or my own proposal): link it.
    const same = variant.versions.find(
      (v) => sameContent(v, ch) && !links.byLocal(ch.clause.id, ch.variant, v.version)?.server,
    );
    if (same) {
      links.add({ clauseId: ch.clause.id, variant: ch.variant, local: same.version, server: ch.version });
      if (settle(same, ch)) r.statusChanged++;
      else r.identical++;
      continue;
    }
    const n = variant.versions.length + 1;
    // Local work not yet decided on the server that started before this version: it now stands beside it.
    for (const v of variant.versions) {
      if (v.status !== 'draft' && v.status !== 'in_review') continue;
      if ((baseOf(ch.clause.id, variant, v.version, links) ?? 0) < ch.version)
        r.conflicts.push({
          clauseId: ch.clause.id,
          variant: ch.variant,
          local: v.version,
          server: ch.version,
          arrivedAs: n,
          at,
        });
    }
    variant.versions.push(versionFrom(ch, n));
    links.add({ clauseId: ch.clause.id, variant: ch.variant, local: n, server: ch.version });
    if (ch.status === 'approved') clause.lastReviewedAt = ch.decidedAt || at;
    r.added++;
  }
  for (const [key, clauseId] of touched) {
    const variant = clauses.get(clauseId)?.variants.find((v) => v.name === key.slice(clauseId.length + 1));
    if (variant && realign(clauseId, variant, links, at)) r.added++;
  }
  for (const c of r.conflicts)
    if (!s.conflicts.some((x) => x.clauseId === c.clauseId && x.variant === c.variant && x.local === c.local))
      s.conflicts.push(c);
  return r;
}

/** The server version a local version started from: the nearest earlier local version approved on the server. */
export function baseOf(
  clauseId: string,
  variant: StoredVariant,
  local: number,
  links: { byLocal: (c: string, v: string, n: number) => { server: number } | undefined },
): number | undefined {
  for (let n = local - 1; n >= 1; n--) {
    const l = links.byLocal(clauseId, variant.name, n);
    const st = variant.versions[n - 1]?.status;
    if (l && (st === 'approved' || st === 'retired')) return l.server;
  }
  return undefined;
}

/**
 * The text in use here must be the team's: the approved version with the highest server number. Approvals can come
 * out of order (legal approves my older proposal after a colleague's newer one), and local numbers are appended in
 * arrival order; when the newest approved local version is a server version older than another approved one, that
 * one's text is added again as the newest local version (versions are never renumbered or changed). A version
 * approved only here (not on the server) is left alone.
 */
function realign(clauseId: string, variant: StoredVariant, links: ReturnType<typeof linkIndex>, at: string): boolean {
  let best: { local: number; server: number } | undefined;
  let newest: StoredVersion | undefined;
  for (const v of variant.versions) {
    if (v.status !== 'approved') continue;
    newest = v;
    const l = links.byLocal(clauseId, variant.name, v.version);
    if (l && (!best || l.server > best.server)) best = { local: v.version, server: l.server };
  }
  if (!best || !newest || newest.version === best.local) return false;
  const newestLink = links.byLocal(clauseId, variant.name, newest.version);
  if (!newestLink) return false;
  const src = variant.versions[best.local - 1]!;
  const n = variant.versions.length + 1;
  variant.versions.push({
    ...structuredClone(src),
    version: n,
    origin: 'pack',
    createdAt: at,
    changeNote: `${src.changeNote}（团队库当前批准版本 v${best.server}）`,
  });
  links.add({ clauseId, variant: variant.name, local: n, server: best.server });
  return true;
}
