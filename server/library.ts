// The shared library on PostgreSQL: proposals (drafts and submissions), decisions by role with four eyes, blueprints,
// the pull stream, and the append-only history. Every change a client pulls takes its `seq` under one advisory
// lock held until commit, so seq order is commit order and a cursor never skips a change.
import { EventEmitter } from 'node:events';
import type pg from 'pg';
import type { z } from 'zod';
import { forbiddenConstruct, TemplateError, validateTemplate } from '@core/assemble/template.js';
import type {
  BlueprintChange,
  Change,
  HistoryRow,
  proposalSchema,
  PullResponse,
  PushResult,
  decideRequestSchema,
  VersionChange,
} from '@core/teamSync/protocol.js';
import type { Blueprint } from '@core/model/library.js';
import type { User } from './auth.js';
import { badRequest, conflict, forbidden, notFound } from './errors.js';
import { inTransaction } from './db.js';

const SEQ_LOCK = 20021;
type ProposalIn = z.output<typeof proposalSchema>;
type DecideIn = z.output<typeof decideRequestSchema>;

/** Wakes waiting pulls (long polls) when something they may pull was committed. */
export const changes = new EventEmitter();
changes.setMaxListeners(0);

function refusal(body: string, status: 'draft' | 'in_review'): string | undefined {
  if (status === 'draft') return forbiddenConstruct(body);
  try {
    validateTemplate(body);
    return undefined;
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    throw e;
  }
}

const lockVariant = (c: pg.PoolClient, clauseId: string, variant: string) =>
  c.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [clauseId, variant]);

export async function push(pool: pg.Pool, user: User, p: ProposalIn): Promise<PushResult> {
  const why = refusal(p.body, p.status);
  if (why) throw badRequest(`${p.clause.id}/${p.variant}: ${why}`, 'bad_template');
  return inTransaction(pool, async (c) => {
    await lockVariant(c, p.clause.id, p.variant);
    const latestApproved = async () =>
      (
        await c.query(
          `SELECT max(version) AS v FROM versions WHERE clause_id = $1 AND variant = $2 AND status = 'approved'`,
          [p.clause.id, p.variant],
        )
      ).rows[0].v as number | null;
    const staleFor = (base: number | null | undefined, approved: number | null) =>
      approved !== null && (base === null || base === undefined || approved > base);
    const seen = await c.query(
      'SELECT clause_id, variant, version, status, base_version FROM versions WHERE author_id = $1 AND client_key = $2',
      [user.id, p.key],
    );
    if (seen.rows.length) {
      const row = seen.rows[0];
      if (row.clause_id !== p.clause.id || row.variant !== p.variant)
        throw conflict(`proposal key ${p.key} was used for ${row.clause_id}/${row.variant}`, 'key_reused');
      let status = row.status;
      if (status === 'draft' && p.status === 'in_review') {
        await c.query(
          `UPDATE versions SET status = 'in_review' WHERE clause_id = $1 AND variant = $2 AND version = $3`,
          [row.clause_id, row.variant, row.version],
        );
        await history(c, user, 'submit', row.clause_id, row.variant, row.version, '');
        status = 'in_review';
      }
      const stale = staleFor(row.base_version, await latestApproved());
      return { key: p.key, clauseId: row.clause_id, variant: row.variant, version: row.version, status, stale };
    }
    const h = p.clause;
    if (p.newClause) {
      const taken = await c.query('SELECT 1 FROM clauses WHERE id = $1', [h.id]);
      if (taken.rows.length)
        throw conflict(
          `the team library already has a clause with id ${h.id}: copy this one as a new clause (another id) and sync again`,
          'clause_id_taken',
        );
    }
    await c.query(
      `INSERT INTO clauses (id, category, title, tags, doc_types, owner, review_interval_months)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [
        h.id,
        h.category,
        h.title,
        JSON.stringify(h.tags),
        JSON.stringify(h.docTypes),
        h.owner || user.name,
        h.reviewIntervalMonths,
      ],
    );
    const next = (
      await c.query('SELECT coalesce(max(version), 0) + 1 AS n FROM versions WHERE clause_id = $1 AND variant = $2', [
        h.id,
        p.variant,
      ])
    ).rows[0].n as number;
    if (p.baseVersion !== undefined && p.baseVersion >= next)
      throw badRequest(`${h.id}/${p.variant} has no version ${p.baseVersion} on the server`);
    await c.query(
      `INSERT INTO versions (clause_id, variant, version, body, variables, cond, change_note, status, author_id,
                             base_version, client_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        h.id,
        p.variant,
        next,
        p.body,
        JSON.stringify(p.variables),
        p.when === undefined ? null : JSON.stringify(p.when),
        p.changeNote,
        p.status,
        user.id,
        p.baseVersion ?? null,
        p.key,
      ],
    );
    await history(c, user, p.status === 'draft' ? 'propose' : 'submit', h.id, p.variant, next, p.changeNote);
    const stale = staleFor(p.baseVersion, await latestApproved());
    return { key: p.key, clauseId: h.id, variant: p.variant, version: next, status: p.status, stale };
  });
}

function history(c: pg.PoolClient, user: User, action: string, id: string, variant: string, v: number, why: string) {
  return c.query(
    'INSERT INTO history (actor_id, action, clause_id, variant, version, reason) VALUES ($1, $2, $3, $4, $5, $6)',
    [user.id, action, id, variant, v, why],
  );
}

/** Approve (in review → approved), reject (in review → draft) or retire; approve and reject never by the author. */
export async function decide(pool: pg.Pool, user: User, d: DecideIn): Promise<{ status: string; seq?: number }> {
  const r = await inTransaction(pool, async (c) => {
    await lockVariant(c, d.clauseId, d.variant);
    const found = await c.query(
      'SELECT status, author_id FROM versions WHERE clause_id = $1 AND variant = $2 AND version = $3 FOR UPDATE',
      [d.clauseId, d.variant, d.version],
    );
    if (!found.rows.length) throw notFound(`no version ${d.clauseId}/${d.variant} v${d.version} on the server`);
    const { status, author_id } = found.rows[0];
    const ref = `${d.clauseId}/${d.variant} v${d.version}`;
    if (d.action !== 'retire' && author_id === user.id)
      throw forbidden(`${ref} is ${user.name}'s own proposal: another reviewer decides it (four eyes)`, 'own_version');
    const allowed = d.action === 'retire' ? ['draft', 'in_review', 'approved'] : ['in_review'];
    if (!allowed.includes(status))
      throw conflict(
        `cannot ${d.action} ${ref}: it is ${status} (only ${allowed.join(' or ')} can be)`,
        'bad_transition',
      );
    // Every decision takes a new seq: approvals and retirements reach everyone, a rejection reaches its author.
    await c.query('SELECT pg_advisory_xact_lock($1)', [SEQ_LOCK]);
    const to = d.action === 'approve' ? 'approved' : d.action === 'retire' ? 'retired' : 'draft';
    const u = await c.query(
      `UPDATE versions SET status = $4, reviewer_id = $5, decided_at = now(), reason = $6, seq = nextval('change_seq')
       WHERE clause_id = $1 AND variant = $2 AND version = $3 RETURNING seq`,
      [d.clauseId, d.variant, d.version, to, user.id, d.reason],
    );
    await history(c, user, d.action, d.clauseId, d.variant, d.version, d.reason);
    return { status: to, seq: Number(u.rows[0].seq) };
  });
  if (r.seq !== undefined) changes.emit('change', r.seq);
  return r;
}

export async function saveBlueprint(pool: pg.Pool, user: User, b: Blueprint): Promise<{ seq: number }> {
  const seq = await inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [SEQ_LOCK]);
    const r = await c.query(
      `INSERT INTO blueprints (id, doc, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, updated_by = EXCLUDED.updated_by, updated_at = now(),
         seq = nextval('change_seq')
       RETURNING seq`,
      [b.id, JSON.stringify(b), user.id],
    );
    return Number(r.rows[0].seq);
  });
  changes.emit('change', seq);
  return { seq };
}

const iso = (t: Date | null) => (t ? t.toISOString() : '');

/** Approved and retired versions and blueprints changed after `since`, in seq order, at most `limit`. */
export async function pull(pool: pg.Pool, user: User, since: number, limit: number): Promise<PullResponse> {
  const vs = await pool.query(
    `SELECT v.seq, v.clause_id, v.variant, v.version, v.status, v.body, v.variables, v.cond, v.change_note, v.reason,
            v.created_at, v.decided_at, a.name AS author, r.name AS reviewer,
            c.category, c.title, c.tags, c.doc_types, c.owner, c.review_interval_months
     FROM versions v JOIN clauses c ON c.id = v.clause_id JOIN users a ON a.id = v.author_id
     LEFT JOIN users r ON r.id = v.reviewer_id
     WHERE v.seq > $1 AND (v.status IN ('approved', 'retired')
                           OR (v.status = 'draft' AND v.reviewer_id IS NOT NULL AND v.author_id = $3))
     ORDER BY v.seq LIMIT $2`,
    [since, limit + 1, user.id],
  );
  const bs = await pool.query('SELECT seq, doc FROM blueprints WHERE seq > $1 ORDER BY seq LIMIT $2', [
    since,
    limit + 1,
  ]);
  const all: Change[] = [
    ...vs.rows.map(
      (r): VersionChange => ({
        kind: 'version',
        seq: Number(r.seq),
        clause: {
          id: r.clause_id,
          category: r.category,
          title: r.title,
          tags: r.tags,
          docTypes: r.doc_types,
          owner: r.owner,
          reviewIntervalMonths: r.review_interval_months,
        },
        variant: r.variant,
        version: r.version,
        status: r.status,
        body: r.body,
        variables: r.variables,
        ...(r.cond === null ? {} : { when: r.cond }),
        changeNote: r.change_note,
        author: r.author,
        reviewer: r.reviewer ?? '',
        createdAt: iso(r.created_at),
        decidedAt: iso(r.decided_at),
        ...(r.reason ? { reason: r.reason } : {}),
      }),
    ),
    ...bs.rows.map((r): BlueprintChange => ({ kind: 'blueprint', seq: Number(r.seq), blueprint: r.doc })),
  ].sort((a, b) => a.seq - b.seq);
  const page = all.slice(0, limit);
  return { changes: page, cursor: page.length ? page[page.length - 1]!.seq : since, more: all.length > limit };
}

/** Waits up to `ms` for a change after `since` (a long poll), then pulls. */
export async function pullWaiting(
  pool: pg.Pool,
  user: User,
  since: number,
  limit: number,
  ms: number,
  signal: AbortSignal,
) {
  const first = await pull(pool, user, since, limit);
  if (first.changes.length || ms <= 0) return first;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      changes.off('change', onChange);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const onChange = (seq: number) => seq > since && done();
    const timer = setTimeout(done, ms);
    changes.on('change', onChange);
    signal.addEventListener('abort', done);
  });
  return signal.aborted ? first : pull(pool, user, since, limit);
}

export async function historyOf(pool: pg.Pool, clauseId: string | undefined, limit: number): Promise<HistoryRow[]> {
  const r = await pool.query(
    `SELECT h.seq, h.at, u.name AS actor, h.action, h.clause_id, h.variant, h.version, h.reason
     FROM history h JOIN users u ON u.id = h.actor_id WHERE ($1::text IS NULL OR h.clause_id = $1)
     ORDER BY h.seq DESC LIMIT $2`,
    [clauseId ?? null, limit],
  );
  return r.rows.map((x) => ({
    seq: Number(x.seq),
    at: iso(x.at),
    actor: x.actor,
    action: x.action,
    clauseId: x.clause_id,
    variant: x.variant,
    version: x.version,
    reason: x.reason,
  }));
}

/** Versions waiting for a decision, with who proposed them (legal's queue). */
export async function reviewQueue(pool: pg.Pool) {
  const r = await pool.query(
    `SELECT v.clause_id, v.variant, v.version, v.change_note, v.base_version, u.name AS author, c.title
     FROM versions v JOIN users u ON u.id = v.author_id JOIN clauses c ON c.id = v.clause_id
     WHERE v.status = 'in_review' ORDER BY v.created_at LIMIT 1000`,
  );
  return r.rows.map((x) => ({
    clauseId: x.clause_id,
    variant: x.variant,
    version: x.version,
    title: x.title,
    author: x.author,
    changeNote: x.change_note,
    baseVersion: x.base_version ?? undefined,
  }));
}
