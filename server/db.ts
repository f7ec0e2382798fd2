// The server's PostgreSQL: a pool, and the schema created and migrated on start from server/migrations/NNN_*.sql
// (each applied once, in order, in its own transaction, recorded in schema_migrations).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/**
 * server/migrations, found from this module upwards: beside it when run from source (server/db.ts), under the
 * checkout or install when run from the CLI bundle (dist/cli/bidforge.cjs).
 */
export function migrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    for (const candidate of [join(dir, 'migrations'), join(dir, 'server', 'migrations')])
      if (existsSync(join(candidate, '001_init.sql'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('server/migrations is missing from this installation');
}

/** Loaded when a pool is opened, not when the CLI starts: every other command stays free of it (42 ms). */
export async function openPool(url: string, max = 20): Promise<pg.Pool> {
  const { default: driver } = await import('pg');
  const pool = new driver.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection (a database restart) must not crash the server; the pool reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Applies the migrations not yet applied; returns their names. Two servers starting at once take turns (a lock). */
export async function migrate(pool: pg.Pool, dir = migrationsDir()): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(20020)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query('SELECT name FROM schema_migrations')).rows.map((r) => r.name as string));
    for (const f of files) {
      if (done.has(f)) continue;
      const sql = await readFile(join(dir, f), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [f]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${f} failed: ${(e as Error).message}`);
      }
      applied.push(f);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(20020)').catch(() => undefined);
    client.release();
  }
  return applied;
}

/** Runs `work` in a transaction on one client. */
export async function inTransaction<T>(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const r = await work(c);
    await c.query('COMMIT');
    return r;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}
