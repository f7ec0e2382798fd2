// 断电也不丢数据: a program saving to the store is killed (SIGKILL) at random moments, a hundred times. After each
// kill the store opens, parses, and holds either the state before the interrupted save or the state after it.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStore, openStore } from '@core/library/store/index.js';
import { bundle, randomFrom, sleep, startNode, waitForLine } from './helpers.js';

/** `npm run stress` kills 1,000 times; `npm test` 100. */
const KILLS = process.env.npm_lifecycle_event === 'stress' ? 1000 : 100;
/** Independent data folders killed in parallel: a child needs ~0.3 s to start, so 100 in a row would take too long. */
const LANES = 4;
const SEED = Number(process.env.BIDFORGE_KILL_SEED ?? 20261125);
let saver: string;
const dirs: string[] = [];

beforeAll(async () => {
  saver = await bundle(join(import.meta.dirname, 'fixtures', 'saver.ts'), 'saver');
  for (let lane = 0; lane < LANES; lane++) {
    const dir = await mkdtemp(join(tmpdir(), 'bf-kill-'));
    dirs.push(dir);
    // Some bulk, so that a save takes long enough to be hit in the middle.
    const s = await openStore({ dataDir: dir, program: 'test' });
    await s.createClause(
      { id: 'kill-test', category: '测试', title: 'n=0', docTypes: ['service-plan'], body: '初始正文' },
      'test',
    );
    for (let i = 0; i < 40; i++)
      await s.createClause(
        {
          id: `filler-${i}`,
          category: '填充',
          title: `填充条款${i}`,
          docTypes: ['service-plan'],
          body: '我公司承诺在接到报修后两小时内响应。'.repeat(40),
        },
        'test',
      );
    await s.close();
  }
});
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  await rm(saver, { force: true });
});

type Seen = { title: string; versions: number };
function stateOnDisk(dir: string): Seen {
  const { data } = decodeStore(readFileSync(join(dir, 'library.json'), 'utf8'), new Date());
  const c = data.clauses.find((x) => x.id === 'kill-test')!;
  return { title: c.title, versions: c.variants[0]!.versions.length };
}

/** Kills `rounds` savers one after another on `dir`; returns the last confirmed counter. */
async function killLane(dir: string, lane: number, rounds: number): Promise<number> {
  const random = randomFrom(SEED + lane);
  let confirmed = 0; // the last save the child reported as done
  let versions = 1; // and how many versions kill-test had then
  for (let round = 0; round < rounds; round++) {
    const where = `lane ${lane} round ${round} (BIDFORGE_KILL_SEED=${SEED})`;
    const child = startNode(saver, [dir]);
    // One kill in five lands while the child starts, one during its first save (taking over the dead one's lock,
    // sweeping its temp files), the others among its later saves.
    if (round % 5 === 0) await sleep(random() * 60);
    else {
      await waitForLine(child, round % 5 === 1 ? /^ready / : /^saved /, 30_000);
      await sleep(random() * 25);
    }
    child.proc.kill('SIGKILL');
    const { stderr } = await child.exited;
    expect(stderr, where).toBe('');
    const saved = child.lines.filter((l) => l.startsWith('saved ')).map((l) => l.split(' ').map(Number));
    if (saved.length) [, confirmed, versions] = saved[saved.length - 1] as [number, number, number];

    const disk = stateOnDisk(dir); // throws when the file does not parse or validate
    const n = Number(disk.title.slice(2));
    expect([confirmed, confirmed + 1], `${where}: confirmed n=${confirmed}, on disk ${disk.title}`).toContain(n);
    // Every third save also adds a version: no version is ever lost, and at most the one being added is missing.
    expect([versions, versions + 1], `${where}: ${versions} versions confirmed, ${disk.versions} on disk`).toContain(
      disk.versions,
    );
    confirmed = n;
    versions = disk.versions;
  }
  return confirmed;
}

describe('保存途中被强行终止', () => {
  it(
    `after ${KILLS} kills at random moments the store always opens with the state before or after the save`,
    async () => {
      const confirmed = await Promise.all(dirs.map((d, lane) => killLane(d, lane, KILLS / LANES)));
      for (const [lane, dir] of dirs.entries()) {
        // The store opens normally afterwards (the last holder's lock is stale and taken over), nothing was moved aside.
        const s = await openStore({ dataDir: dir, program: 'test' });
        await s.markReviewed('kill-test', 'test');
        expect((await s.getClause('kill-test'))?.title).toBe(`n=${confirmed[lane]}`);
        await s.close();
        expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
      }
      // The kills really landed among saves: three rounds in five wait for a save, so each lane moved on that often.
      for (const n of confirmed) expect(n).toBeGreaterThan(KILLS / LANES / 2);
      // And no kill left a lock claim that the next program could not judge: every claim in the folder is gone.
      for (const dir of dirs)
        expect(readdirSync(join(dir, 'library.locks')).filter((f) => f.endsWith('.json'))).toEqual([]);
    },
    KILLS * 1200,
  );
});
