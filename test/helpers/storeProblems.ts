// Real refusals of the clause library's store and pack reader (core/library/store/pack.ts, engine/*), produced by
// calling that code on real files: the English wording tests read them. Each is the error as thrown.
import { mkdirSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreEngine } from '@core/library/store/engine/engine.js';
import { LOCK_DIR } from '@core/library/store/engine/lock.js';
import { openStore, restoreNewestBackup, type LibraryStore } from '@core/library/store/index.js';
import { makePack, parsePack } from '@core/library/store/pack.js';
import { emptyStore } from '@core/library/store/schema.js';
import { BidForgeError } from '@core/model/problem.js';
import { failingWrites } from '../reliability/helpers.js';
import { tempDir } from './tmp.js';

export const refusal = async (run: () => unknown): Promise<BidForgeError> => {
  try {
    await run();
  } catch (e) {
    if (e instanceof BidForgeError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

const clause = { id: 'mine', category: '测试', title: '我的条款', docTypes: ['service-plan' as const], body: '正文' };

/** A pack refused for each reason parsePack has (params.why). */
export async function packRefusals(): Promise<BidForgeError[]> {
  const good = makePack({ clauses: [], blueprints: [] }, new Date('2026-05-01T08:00:00Z'));
  const bad = [
    '{"format": "bidforge-pack", ',
    '{"format": "bidforge-pack", "payload": [',
    '{\n  "format": "bidforge-pack",\n  oops\n}',
    JSON.stringify({ ...good, format: 'zip' }),
    JSON.stringify({ schemaVersion: 1 }),
    JSON.stringify({ ...good, checksum: 'xyz', createdAt: 5 }),
    JSON.stringify([]),
    JSON.stringify({ ...good, schemaVersion: 7 }),
    JSON.stringify({ ...good, payload: { clauses: [], blueprints: [], extra: 1 } }),
    JSON.stringify(makePack({ clauses: [{ id: 'Not Kebab' }], blueprints: [] } as never, new Date())),
  ];
  return Promise.all(bad.map((text) => refusal(() => parsePack(text))));
}

async function open(dir: string, program = 'BidForge app'): Promise<LibraryStore> {
  return openStore({ dataDir: dir, program });
}

/** The store's refusals: held by another program, lock lost, cannot save, corrupt, missing, too new, too big … */
export async function storeRefusals(): Promise<BidForgeError[]> {
  const out: BidForgeError[] = [];
  const dir = tempDir('bf-store-text-');
  const app = await open(dir);
  await app.createClause(clause, '张');
  // Another program holds it: on this host, and one on another host.
  out.push(await refusal(async () => (await open(dir, 'CLI')).markReviewed('mine', '王')));
  await app.close();
  const far = tempDir('bf-store-text-');
  mkdirSync(join(far, LOCK_DIR));
  const since = '2026-04-30T09:00:00.000Z';
  writeFileSync(
    join(far, LOCK_DIR, 'x.json'),
    JSON.stringify({ pid: 7, host: `${hostname()}-legal`, program: 'BidForge app', since, token: 't' }),
  );
  out.push(await refusal(() => open(far)));
  // The lock is taken away before a save.
  const lost = await open(dir);
  await lost.markReviewed('mine', '张');
  for (const c of readdirSync(join(dir, LOCK_DIR))) unlinkSync(join(dir, LOCK_DIR, c));
  out.push(await refusal(() => lost.markReviewed('mine', '李')));
  await lost.close();
  out.push(await refusal(() => lost.listClauses())); // closed
  // The save is refused by the disk (full), and a save whose backup copy cannot be written (backups/ is a file).
  const saving = tempDir('bf-store-text-');
  const s = await open(saving);
  await s.createClause(clause, '张');
  out.push((await failingWrites('ENOSPC', () => s.markReviewed('mine', '王'))) as BidForgeError);
  rmSync(join(saving, 'backups'), { recursive: true });
  writeFileSync(join(saving, 'backups'), '');
  out.push(await refusal(() => s.markReviewed('mine', '李')));
  await s.close();
  // … and its lock file cannot be created (library.locks is a file).
  const unlockable = tempDir('bf-store-text-');
  writeFileSync(join(unlockable, LOCK_DIR), '');
  out.push(await refusal(() => open(unlockable)));
  // A library.json that is not JSON, one that does not match the schema, one from a newer BidForge, one too big.
  for (const text of ['{"schemaVersion": 3, "clauses": [', JSON.stringify({ ...emptyStore(), clauses: 5 })]) {
    const bad = tempDir('bf-store-text-');
    writeFileSync(join(bad, 'library.json'), text);
    out.push(await refusal(() => open(bad)));
    out.push(await refusal(() => open(bad))); // missing now, with the file moved aside
  }
  const newer = tempDir('bf-store-text-');
  writeFileSync(join(newer, 'library.json'), JSON.stringify({ schemaVersion: 99 }));
  out.push(await refusal(() => open(newer)));
  out.push(await refusal(() => openStore({ dataDir: dir, program: 'app', maxStoreBytes: 100 })));
  // Nothing to restore.
  out.push(await refusal(() => restoreNewestBackup({ dataDir: tempDir('bf-store-text-'), program: 'app' })));
  // A change that would leave the library invalid.
  const { engine } = await StoreEngine.open({ dataDir: tempDir('bf-store-text-'), program: 'app' }, async () =>
    emptyStore(),
  );
  out.push(await refusal(() => engine.mutate((d) => d.projects.push({ projectId: '' } as never))));
  await engine.close();
  return out;
}
