// Real refusals of the clause library's store and pack reader (core/library/store/pack.ts, engine/*), produced by
// calling that code on real files: the English wording tests read them. Each is the error as thrown.
import { mkdirSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { loadTemplates } from '@core/library/loadTemplates.js';
import { loadSigningKey, SIGNING_KEY_FILE } from '@core/library/packSigning.js';
import { StoreEngine } from '@core/library/store/engine/engine.js';
import { LOCK_DIR } from '@core/library/store/engine/lock.js';
import { openStore, restoreNewestBackup, type LibraryStore } from '@core/library/store/index.js';
import { makePack, parsePack } from '@core/library/store/pack.js';
import { emptyStore } from '@core/library/store/schema.js';
import { createHandlers } from '@core/api/handlers.js';
import { ApiError } from '@core/api/envelope.js';
import { BidForgeError } from '@core/model/problem.js';
import { TRUSTED_SIGNERS_MAX, withSigner } from '@core/settings/trust.js';
import { failingWrites } from '../reliability/helpers.js';
import { templatesDir } from './paths.js';
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

/** A refusal the API makes itself (ApiError with params), as the problem errorText reads it as. */
const apiRefusal = async (run: () => unknown): Promise<BidForgeError> => {
  try {
    await run();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const params = Object.fromEntries(
      Object.entries(e.params).filter((x): x is [string, string | number] => typeof x[1] !== 'object'),
    );
    return new BidForgeError(e.code, e.message, [{ severity: 'error', code: e.code, message: e.message, params }]);
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

/** The library's refusals of what it is asked: unknown clauses and projects, wrong states, bad input. */
export async function libraryRefusals(): Promise<BidForgeError[]> {
  const s = await open(tempDir('bf-store-text-'));
  const ref = await s.createClause(clause, '张');
  await s.recordProject({ projectId: 'p1', name: '项目一', pins: [] });
  const noApproved = (await s.createClause({ ...clause, id: 'draft-only' }, '张')).clauseId;
  const out = await Promise.all([
    refusal(() => s.history('nope')),
    refusal(() => s.history('mine', '加急')),
    refusal(() => s.getVersion({ ...ref, version: 9 })),
    refusal(() => s.outdatedPins('p-none')),
    refusal(() => s.exportPack({ clauseIds: [], blueprintIds: ['bp-none'] })),
    refusal(() => s.exportPack({ clauseIds: [noApproved], blueprintIds: [] })),
    refusal(() => s.createClause({ ...clause, body: '' }, '张')),
    refusal(() => s.createClause(clause, '  ')),
    refusal(() => s.updatePins('p1', ['mine'])),
    refusal(() => s.recordProject({ projectId: 'p2', name: '项目二', pins: [{ clauseId: 'mine', variant: '标准' }] })),
    refusal(() => s.createClause(clause, '张')),
    refusal(() => s.addVariant('mine', '标准', { body: '正文' }, '张')),
    refusal(() => s.editVariant('mine', '标准', { body: '新', changeNote: '', baseVersion: 7 }, '张')),
    refusal(() => s.approve(ref, '李')),
    refusal(() => s.mergeBuiltins(undefined)),
  ]);
  await s.retire({ clauseId: 'mine' }, '张');
  out.push(await refusal(() => s.retire({ clauseId: 'mine' }, '张')));
  const pack = await s.exportPack({ clauseIds: [], blueprintIds: [], includeUnapproved: true });
  out.push(await refusal(() => s.applyImport(pack, { 'clause:nope/标准': 'take-theirs' })));
  // A pack whose clause conflicts with ours, with no choice made.
  const theirs = await open(tempDir('bf-store-text-'));
  await theirs.createClause({ ...clause, body: '他们的正文' }, '王');
  const conflicting = await theirs.exportPack({ clauseIds: ['mine'], blueprintIds: [], includeUnapproved: true });
  await theirs.close();
  const ours = await open(tempDir('bf-store-text-'));
  await ours.createClause(clause, '张');
  out.push(await refusal(() => ours.applyImport(conflicting, {})));
  await ours.close();
  await s.close();
  return out;
}

/** The settings' and backups' refusals (core/settings). */
export async function settingsRefusals(): Promise<BidForgeError[]> {
  const dir = tempDir('bf-store-text-');
  const api = createHandlers({ templatesDir, dataDir: dir });
  const { settings } = await api.getSettings({});
  await api.saveSettings({ settings });
  const full = Array.from({ length: TRUSTED_SIGNERS_MAX }, (_, i) => ({
    name: `签发人${i}`,
    publicKey: `k${i}`,
    addedAt: '2026-05-01',
  }));
  const out = [
    (await failingWrites('ENOSPC', () =>
      api.saveSettings({ settings: { ...settings, userName: '改过' } }),
    )) as BidForgeError,
    await refusal(() =>
      withSigner(full, { name: '新签发人', publicKey: 'new', addedAt: '2026-05-01' }, (k) => k.toUpperCase()),
    ),
    await apiRefusal(() => api.openRecentProject({ id: 'nope' })),
    await apiRefusal(() => api.restoreBackup({ name: 'library-nope.json' })),
    await apiRefusal(() => createHandlers({ templatesDir }).restoreBackup({ name: 'x' })),
    await apiRefusal(() => createHandlers({ templatesDir }).libraryClause({ clauseId: 'x' })),
    await apiRefusal(() =>
      createHandlers({ templatesDir, dataDir: tempDir('bf-store-text-') }).libraryClause({ clauseId: 'nope' }),
    ),
  ];
  // A backup that cannot be read.
  mkdirSync(join(dir, 'backups'), { recursive: true });
  writeFileSync(join(dir, 'backups', 'library-20260501T080000000Z.json'), '{"schemaVersion": 3, ');
  const name = (await api.listBackups({})).backups[0]?.name ?? 'library-20260501T080000000Z.json';
  out.push(await apiRefusal(() => api.restoreBackup({ name })));
  return out;
}

/** A broken file in a templates folder, for each reason (bad_clause, bad_blueprint), and a damaged signing key. */
export async function templateRefusals(): Promise<BidForgeError[]> {
  const folder = (clauseText: string, blueprint = '{"id": "bp", "title": "蓝本", "sections": []}') => {
    const dir = tempDir('bf-store-text-');
    mkdirSync(join(dir, 'clauses'));
    mkdirSync(join(dir, 'blueprints'));
    writeFileSync(join(dir, 'clauses', 'c.md'), clauseText);
    writeFileSync(join(dir, 'blueprints', 'b.json'), blueprint);
    return dir;
  };
  const meta = { id: 'c', category: '测试', title: '条款', tags: [], docTypes: ['service-plan'], variant: '标准' };
  const version = { version: 1, status: 'approved', author: '商务部', changeNote: '初版', variables: [] };
  const good = `---\n${JSON.stringify({ ...meta, ...version })}\n---\n正文`;
  const out = await Promise.all([
    refusal(() => loadTemplates(folder('没有开头的条款'))),
    refusal(() => loadTemplates(folder('---\n{"id": "c",\n oops}\n---\n正文'))),
    refusal(() => loadTemplates(folder('---\n{"id": 5}\n---\n正文'))),
    refusal(() => loadTemplates(folder(good, '{"id": "bp", '))),
    refusal(() => loadTemplates(folder(good, '{"id": "bp"}'))),
  ]);
  const data = tempDir('bf-store-text-');
  writeFileSync(join(data, SIGNING_KEY_FILE), 'not a key');
  out.push(await refusal(() => loadSigningKey(data)));
  return out;
}
