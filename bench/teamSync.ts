// The team library's bench (issue 20), on a real PostgreSQL (BIDFORGE_TEST_PG, as the tests; .ci/run makes it) and the
// server in its own process (`bidforge server`), as a company runs it:
//   a fresh client pulls 10,000 approved clause versions < 5 s;
//   one approved change reaches a subscribed client < 1 s (watcher's long poll → local store);
//   50 clients syncing at once (each pushes a submission, then all pull the 50 approvals): every sync succeeds.
// Run alone with `npx tsx bench/teamSync.ts`; `npm run bench` includes its rows.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openStore } from '../core/library/store/index.js';
import { teamClient } from '../core/teamSync/client.js';
import { syncStateSchema, writeState } from '../core/teamSync/state.js';
import { syncLibrary } from '../core/teamSync/sync.js';
import { watchLibrary } from '../core/teamSync/watch.js';
import { addUser } from '../server/auth.js';
import { migrate, openPool } from '../server/db.js';

type Row = {
  workload: string;
  units: number;
  median_ms: number;
  target?: string;
  ok?: boolean;
  note?: string;
  rss_mb: number;
};
const ADMIN_URL = process.env.BIDFORGE_TEST_PG ?? 'postgres://bidforge:bidforge@127.0.0.1:5432/postgres';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function seed(pool: pg.Pool, clauses: number, perVariant: number, authorId: number, reviewerId: number) {
  await pool.query(
    `INSERT INTO clauses (id, category, title, tags, doc_types, owner, review_interval_months)
     SELECT 'bench-' || i, '售后服务', '基准条款 ' || i, '[]', '["service-plan"]', '法务部', 12 FROM generate_series(1, $1) i`,
    [clauses],
  );
  await pool.query(
    `INSERT INTO versions (clause_id, variant, version, body, variables, change_note, status, author_id, reviewer_id,
                           client_key, decided_at)
     SELECT 'bench-' || i, '标准', v, '第 ' || i || ' 条第 ' || v || ' 版：接到报修后 {{response_hours}} 小时内响应，并在约定时间内到达现场处理。',
            '[]', '基准', 'approved', $3, $4, 'bench-' || i || '-' || v, now()
     FROM generate_series(1, $1) i, generate_series(1, $2) v ORDER BY i, v`,
    [clauses, perVariant, authorId, reviewerId],
  );
}

function startServerProcess(db: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'cli/main.ts'), 'server', '--db', db, '--port', '0', '--lang', 'en'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m)
        resolve({
          url: m[1]!,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`the server stopped (${code}): ${out}`)));
  });
}

export async function teamSyncRows(): Promise<Row[]> {
  const name = `bidforge_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    return [
      {
        workload: 'team sync',
        units: 0,
        median_ms: Number.NaN,
        note: `skipped: no PostgreSQL (${(e as Error).message})`,
        rss_mb: 0,
      },
    ];
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const db = u.toString();
  const pool = await openPool(db, 4);
  const dirs: string[] = [];
  const folder = async () => {
    const d = await mkdtemp(join(tmpdir(), 'bidforge-bench-team-'));
    dirs.push(d);
    return d;
  };
  let server: { url: string; stop(): Promise<void> } | undefined;
  const rows: Row[] = [];
  try {
    await migrate(pool);
    const writer = await addUser(pool, '撰写人', 'writer');
    const legal = await addUser(pool, '法务', 'legal');
    const CLAUSES = 5000;
    const PER = 2;
    await seed(pool, CLAUSES, PER, writer.user.id, legal.user.id);
    server = await startServerProcess(db);
    const url = server.url;

    // 1. A fresh client pulls everything.
    const pulls: number[] = [];
    for (let run = 0; run < 3; run++) {
      const dataDir = await folder();
      const store = await openStore({ dataDir, program: 'bench' });
      const t = performance.now();
      const r = await syncLibrary(store, { url, token: writer.token, dataDir, pullOnly: true });
      pulls.push(performance.now() - t);
      if (!r.ok || r.pulled !== CLAUSES * PER) throw new Error(`pull failed: ${JSON.stringify(r.error ?? r.pulled)}`);
      await store.close();
    }
    rows.push({
      workload: `team sync: fresh client pulls ${CLAUSES * PER} versions`,
      units: CLAUSES * PER,
      median_ms: median(pulls),
      target: '< 5 s',
      ok: median(pulls) < 5000,
      note: `${CLAUSES} clauses × ${PER} approved versions; server in its own process`,
      rss_mb: rss(),
    });

    // 2. One approval reaches a subscribed client (already up to date).
    const subDir = await folder();
    const sub = await openStore({ dataDir: subDir, program: 'bench' });
    const first = await syncLibrary(sub, { url, token: writer.token, dataDir: subDir, pullOnly: true });
    const watcher = watchLibrary(sub, { url, token: writer.token, dataDir: subDir, pullOnly: true, waitMs: 20_000 });
    const w = teamClient({ url, token: writer.token });
    const l = teamClient({ url, token: legal.token });
    const lat: number[] = [];
    for (let i = 0; i < 7; i++) {
      const id = `live-${i}`;
      await w.push([
        {
          key: `bench-live-${i}-${Date.now()}`,
          clause: { id, category: '售后服务', title: `实时条款 ${i}`, docTypes: ['service-plan'] },
          variant: '标准',
          body: `第 ${i} 次变更：节假日照常提供技术支持。`,
          variables: [],
          status: 'in_review',
        },
      ]);
      await new Promise((r) => setTimeout(r, 300)); // let the watcher go back to waiting
      const t = performance.now();
      await l.decide({ clauseId: id, variant: '标准', version: 1, action: 'approve' });
      for (;;) {
        const c = await sub.getClause(id);
        if (c?.variants[0]?.versions[0]?.status === 'approved') break;
        if (performance.now() - t > 10_000) throw new Error('the approval did not arrive within 10 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      lat.push(performance.now() - t);
    }
    await watcher.stop();
    await sub.close();
    rows.push({
      workload: 'team sync: approval → subscribed client',
      units: lat.length,
      median_ms: median(lat),
      target: '< 1 s',
      ok: Math.max(...lat) < 1000,
      note: `max ${Math.round(Math.max(...lat))} ms over ${lat.length} approvals; subscriber holds ${first.pulled} versions`,
      rss_mb: rss(),
    });

    // 3. Fifty clients at once: each pushes a submission, legal approves all, then all fifty pull together.
    const seq = Number((await pool.query('SELECT last_value FROM change_seq')).rows[0].last_value);
    const clients = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const dataDir = await folder();
        const user = await addUser(pool, `撰写人${i}`, 'writer');
        await writeState(dataDir, syncStateSchema.parse({ server: url, cursor: seq }));
        const store = await openStore({ dataDir, program: 'bench' });
        const ref = await store.createClause(
          {
            id: `crowd-${i}`,
            category: '售后服务',
            title: `并发条款 ${i}`,
            tags: [],
            docTypes: ['service-plan'],
            variant: '标准',
            body: `第 ${i} 位撰写人的承诺：每季度回访一次。`,
            variables: [],
            changeNote: '并发',
          },
          user.user.name,
        );
        await store.submit(ref, user.user.name);
        return { dataDir, store, token: user.token };
      }),
    );
    const round = async () => {
      const t = performance.now();
      const rs = await Promise.all(
        clients.map((c) => syncLibrary(c.store, { url, token: c.token, dataDir: c.dataDir })),
      );
      return {
        ms: performance.now() - t,
        failed: rs.filter((r) => !r.ok).length,
        pulled: rs.reduce((n, r) => n + r.pulled, 0),
      };
    };
    const pushRound = await round();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        l.decide({ clauseId: `crowd-${i}`, variant: '标准', version: 1, action: 'approve' }),
      ),
    );
    const pullRound = await round();
    for (const c of clients) await c.store.close();
    const failed = pushRound.failed + pullRound.failed;
    rows.push({
      workload: 'team sync: 50 clients at once',
      units: 50,
      median_ms: Math.max(pushRound.ms, pullRound.ms),
      target: 'all succeed',
      ok: failed === 0 && pullRound.pulled >= 50 * 50,
      note: `push round ${Math.round(pushRound.ms)} ms, pull round ${Math.round(pullRound.ms)} ms (${pullRound.pulled} changes); ${failed} failed`,
      rss_mb: rss(),
    });
  } finally {
    await server?.stop();
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await teamSyncRows();
  for (const r of rows)
    console.log(
      `${r.ok === false ? 'NO ' : r.ok ? 'ok ' : '-- '} ${r.workload}: ${Math.round(r.median_ms)} ms (target ${r.target ?? '-'}) ${r.note ?? ''}`,
    );
}
