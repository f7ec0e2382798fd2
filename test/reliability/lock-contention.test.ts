// 两个程序抢一把过期的锁: a writer died and left its lock; two writers (real processes) start saving at the same
// moment, round after round. Never may both hold the lock at once, and every edit reported saved must be in the store.
// `npm test` runs 120 rounds (~6 s; the old lock failed in 3 of 3 runs of 150); `npm run stress` runs 1,000
// (BIDFORGE_LOCK_ROUNDS sets any number).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, pidIsAlive } from '@core/library/store/index.js';
import { bundle } from './helpers.js';

/** `npm run stress` runs the long form; BIDFORGE_LOCK_ROUNDS overrides either. */
const STRESS = process.env.npm_lifecycle_event === 'stress';
const ROUNDS = Number(process.env.BIDFORGE_LOCK_ROUNDS ?? (STRESS ? 1000 : 120));
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

type Racer = { name: string; proc: ChildProcessWithoutNullStreams; lines: string[] };

function startRacer(file: string, dataDir: string, name: string, holdLog: string): Racer {
  const proc = spawn(process.execPath, [file, dataDir, name, holdLog], { stdio: ['pipe', 'pipe', 'pipe'] });
  const racer: Racer = { name, proc, lines: [] };
  let buf = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => {
    const parts = (buf + d).split('\n');
    buf = parts.pop()!;
    racer.lines.push(...parts);
  });
  proc.stderr.setEncoding('utf8').on('data', (d: string) => racer.lines.push(`stderr ${d.trim()}`));
  return racer;
}

/** Waits until every racer has printed a line matching `re` (a state, not a timing); fails if one exits first. */
async function allSaid(racers: Racer[], re: RegExp, ms = 20_000): Promise<string[]> {
  const start = Date.now();
  for (;;) {
    const found = racers.map((r) => r.lines.find((l) => re.test(l)));
    if (found.every(Boolean)) return found as string[];
    const dead = racers.find((r) => r.proc.exitCode !== null);
    if (dead) throw new Error(`${dead.name} exited: ${dead.lines.join(' | ')}`);
    if (Date.now() - start > ms)
      throw new Error(`no ${re} within ${ms} ms: ${racers.map((r) => r.lines.slice(-3).join(' | ')).join(' / ')}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** The pid of a process that has exited: a lock naming it is stale. */
async function deadPid(): Promise<number> {
  for (;;) {
    const p = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => p.once('exit', r));
    if (p.pid && !pidIsAlive(p.pid)) return p.pid;
  }
}

describe('过期的锁与两个同时写入的程序', () => {
  it(
    `with a stale lock and two writer processes, over ${ROUNDS} rounds never both hold it and no saved edit is lost`,
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'bf-lockrace-'));
      cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
      const s = await openStore({ dataDir, program: 'test' });
      for (let i = 0; i < 20; i++)
        await s.createClause(
          { id: `race-${i}`, category: '测试', title: `抢锁${i}`, docTypes: ['service-plan'], body: '初始正文' },
          'test',
        );
      await s.close();
      const file = await bundle(join(import.meta.dirname, 'fixtures', 'lockRacer.ts'), 'lockRacer');
      cleanup.push(() => rm(file, { force: true }));
      const holdLog = join(dataDir, 'holds.log');
      writeFileSync(holdLog, '');
      const racers = ['A', 'B'].map((n) => startRacer(file, dataDir, n, holdLog));
      cleanup.push(async () => racers.forEach((r) => r.proc.kill('SIGKILL')));
      await allSaid(racers, /^ready$/);

      const dead = await deadPid();
      const stale = { pid: dead, host: hostname(), program: 'CLI', since: '2026-04-30T09:00:00.000Z' };
      const saved: string[] = [];
      let failed = 0;
      for (let round = 1; round <= ROUNDS; round++) {
        // The writer that held the lock was killed: its lock is left behind, in the old and in the new form.
        writeFileSync(join(dataDir, 'library.lock'), JSON.stringify({ ...stale, token: randomUUID() }));
        const token = randomUUID();
        mkdirSync(join(dataDir, 'library.locks'), { recursive: true });
        writeFileSync(join(dataDir, 'library.locks', `${token}.json`), JSON.stringify({ ...stale, token }));
        for (const r of racers) r.proc.stdin.write(`go ${round}\n`);
        const outcomes = await allSaid(racers, new RegExp(`^(saved|failed) ${round}\\b`));
        outcomes.forEach((o, i) => (o.startsWith('saved') ? saved.push(`${racers[i]!.name} ${round}`) : failed++));
      }

      // Holding at once shows as two "in" lines without an "out" between them.
      let depth = 0;
      let bothHeld = 0;
      for (const line of readFileSync(holdLog, 'utf8').split('\n').filter(Boolean)) {
        depth += line.startsWith('in ') ? 1 : -1;
        if (depth > 1) bothHeld++;
      }
      const reader = await openStore({ dataDir, program: 'test' });
      const bodies = new Set(
        (await reader.snapshot()).clauses.flatMap((c) => c.variants[0]!.versions.map((v) => v.body)),
      );
      await reader.close();
      const missing = saved.filter((e) => !bodies.has(e));
      console.log(
        `lock contention: ${ROUNDS} rounds, ${saved.length} edits saved, ${failed} failed loudly, both held ${bothHeld}, missing ${missing.length}`,
      );
      expect({ bothHeld, missing }).toEqual({ bothHeld: 0, missing: [] });
      expect(saved.length).toBe(2 * ROUNDS - failed);
    },
    30_000 + ROUNDS * 300,
  );
});
