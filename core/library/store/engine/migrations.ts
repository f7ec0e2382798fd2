// Migrations. MIGRATIONS[n] turns a schema-n file into a schema-(n+1) file. They work on plain JSON (the old shape
// has no zod schema any more) and must not throw on a well-formed old file; the result is validated afterwards.
import { STORE_SCHEMA_VERSION } from '../schema.js';

type Json = Record<string, unknown>;
export type Migration = { description: string; up: (data: Json, now: Date) => Json };

const arr = (x: unknown): Json[] => (Array.isArray(x) ? (x as Json[]) : []);

export const MIGRATIONS: Record<number, Migration> = {
  1: {
    description:
      'v1 → v2: clauses gain an owner, a review interval and a last-review time (for freshness); versions record their origin; projects record when they were last used and when each pin was set',
    up(data, now) {
      const clauses = arr(data.clauses).map((c) => {
        const versions = arr(c.variants).flatMap((v) => arr(v.versions));
        const times = versions.map((v) => String(v.decidedAt ?? v.createdAt ?? '')).filter((t) => t).sort();
        return {
          ...c,
          owner: typeof c.owner === 'string' ? c.owner : String(versions[0]?.author ?? ''),
          reviewIntervalMonths: typeof c.reviewIntervalMonths === 'number' ? c.reviewIntervalMonths : 12,
          lastReviewedAt: times[times.length - 1] ?? now.toISOString(),
          variants: arr(c.variants).map((v) => ({ ...v, versions: arr(v.versions).map((ver) => ({ origin: 'user', ...ver })) })),
        };
      });
      const projects = arr(data.projects).map((p) => {
        const usedAt = typeof p.updatedAt === 'string' ? p.updatedAt : now.toISOString();
        const { updatedAt: _dropped, ...rest } = p;
        return { ...rest, lastUsedAt: usedAt, pins: arr(p.pins).map((pin) => ({ pinnedAt: usedAt, ...pin })) };
      });
      return { ...data, schemaVersion: 2, clauses, blueprints: arr(data.blueprints).map((b) => ({ origin: 'user', ...b })), projects };
    },
  },
  2: {
    // Nothing to convert. The number moves so that an older BidForge refuses the file instead of dropping the
    // conditions when it saves (its schema would strip the unknown `when`).
    description: 'v2 → v3: clause versions may carry a `when` condition (conditional inclusion)',
    up: (data) => ({ ...data, schemaVersion: 3 }),
  },
};

export class MigrationError extends Error {
  constructor(
    readonly kind: 'too_new' | 'bad_version' | 'no_migration',
    message: string,
  ) {
    super(message);
  }
}

/** Brings a parsed file up to STORE_SCHEMA_VERSION. Returns the data (not yet validated) and the version it had. */
export function migrate(raw: unknown, now: Date, migrations: Record<number, Migration> = MIGRATIONS): { data: unknown; from: number } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new MigrationError('bad_version', 'the file does not hold a JSON object');
  const from = (raw as Json).schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) throw new MigrationError('bad_version', `schemaVersion is ${JSON.stringify(from)}, expected a whole number ≥ 1`);
  if (from > STORE_SCHEMA_VERSION)
    throw new MigrationError('too_new', `the library was written by a newer BidForge (schema ${from}; this version reads up to ${STORE_SCHEMA_VERSION})`);
  let data = raw as Json;
  for (let v = from; v < STORE_SCHEMA_VERSION; v++) {
    const m = migrations[v];
    if (!m) throw new MigrationError('no_migration', `no migration from schema ${v} to ${v + 1}`);
    data = m.up(data, now);
  }
  return { data, from };
}
