// A real PostgreSQL for the team-library tests: each suite makes its own database with a random name and drops it.
// Without CI and without a reachable PostgreSQL the suites skip and say why; under CI=true they always run.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type LibraryStore } from '@core/library/store/index.js';
import { syncLibrary, type SyncOptions } from '@core/teamSync/sync.js';
import { teamClient } from '@core/teamSync/client.js';
import { addUser } from '../../server/auth.js';
import { startServer, type RunningServer } from '../../server/main.js';

/** A role that may create databases; .ci/run makes it (bidforge/bidforge on 127.0.0.1). */
export const ADMIN_URL = process.env.BIDFORGE_TEST_PG ?? 'postgres://bidforge:bidforge@127.0.0.1:5432/postgres';

export async function postgresReachable(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return undefined;
  } catch (e) {
    return `PostgreSQL is not reachable at ${ADMIN_URL.replace(/:[^:@/]+@/, ':***@')} (${(e as Error).message}); set BIDFORGE_TEST_PG or run .ci/run`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Why the suite skips, or undefined to run. Under CI it never skips: a missing database fails the tests. */
export const skipReason = process.env.CI === 'true' ? undefined : await postgresReachable();
if (skipReason) console.warn(`test/server skipped: ${skipReason}`);

export async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bidforge_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export type TestTeam = {
  server: RunningServer;
  db: { url: string; drop(): Promise<void> };
  tokens: Record<string, string>;
  /** A new client folder signed in as one of the team's users. */
  client(name: string): Promise<TestClient>;
  token(name: string): string;
  close(): Promise<void>;
};

/** A server on a fresh database with users 王律师 (legal), 李律师 (legal), 张三 and 李四 (writers), 管理员 (admin). */
export async function startTeam(port = 0): Promise<TestTeam> {
  const db = await createDatabase();
  const server = await startServer({
    db: db.url,
    port,
    log: process.env.BIDFORGE_SERVER_LOG ? undefined : () => undefined,
  });
  const tokens: Record<string, string> = {};
  for (const [name, role] of [
    ['王律师', 'legal'],
    ['李律师', 'legal'],
    ['张三', 'writer'],
    ['李四', 'writer'],
    ['管理员', 'admin'],
  ] as const)
    tokens[name] = (await addUser(server.pool, name, role)).token;
  return {
    server,
    db,
    tokens,
    client: (name) => newClient(server.url, tokens[name] ?? 'bft_unknown-user-token-000000'),
    token: (name) => tokens[name] ?? '',
    async close() {
      await server.close();
      await db.drop();
    },
  };
}

export type TestClient = {
  store: LibraryStore;
  dataDir: string;
  sync(extra?: Partial<SyncOptions>): ReturnType<typeof syncLibrary>;
  api: ReturnType<typeof teamClient>;
};

/** A desktop app's data folder (an empty library) subscribed to the team server as `user`. */
export async function newClient(url: string, token: string): Promise<TestClient> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bidforge-team-'));
  const store = await openStore({ dataDir, program: 'test' });
  return {
    store,
    dataDir,
    sync: (extra = {}) => syncLibrary(store, { url, token, dataDir, timeoutMs: 10_000, ...extra }),
    api: teamClient({ url, token }),
  };
}

export const clauseInput = (id: string, body: string) => ({
  id,
  category: '售后服务',
  title: `条款 ${id}`,
  tags: [],
  docTypes: ['service-plan' as const],
  variant: '标准',
  body,
  variables: [],
  changeNote: '初稿',
});
