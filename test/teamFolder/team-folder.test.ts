// 共享文件夹团队库 (#20 item 4): two data folders ("apps") share one folder. A publishes its approved versions as
// signed, checksummed pack files that are only ever added; B pulls them through the normal pack import.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSigningKey, type SigningKey } from '@core/library/packSigning.js';
import type { LibraryStore } from '@core/library/store/index.js';
import { addFile, publish, pull, TEAM_PACK_NAME, type PullReport } from '@core/teamFolder/index.js';
import { approvedClause, open, tempDir, WARRANTY_BODY } from '../library/helpers.js';

type App = { dir: string; store: LibraryStore; key: SigningKey };

async function app(): Promise<App> {
  const dir = await tempDir('bidforge-tf-app-');
  return { dir, store: await open(dir), key: await loadSigningKey(dir) };
}

let tick = Date.parse('2026-12-07T08:00:00.000Z');
const later = () => () => new Date((tick += 1000));

const publishFrom = (a: App, folder: string) =>
  publish({ store: a.store, dataDir: a.dir, folder, key: a.key, signer: '总部法务部', now: later() });
const pullInto = (b: App, folder: string, trust: App[] = []) =>
  pull({
    store: b.store,
    dataDir: b.dir,
    folder,
    trusted: [
      ...trust.map((t) => ({ name: '总部法务部', publicKey: t.key.publicKey })),
      { name: '本机', publicKey: b.key.publicKey },
    ],
  });

const packs = async (folder: string) => (await readdir(folder)).filter((n) => TEAM_PACK_NAME.test(n)).sort();

/** Every file's bytes hash and mtime: a pull must leave them all as they were. */
async function fingerprint(folder: string) {
  const out: Record<string, string> = {};
  for (const n of (await readdir(folder)).sort()) {
    const p = join(folder, n);
    out[n] = `${(await stat(p)).mtimeMs}:${(await readFile(p)).toString('base64')}`;
  }
  return out;
}

const statusOf = (r: PullReport, name: string) => r.files.find((f) => f.name === name);

async function approvedEdit(s: LibraryStore, id: string, body: string) {
  const ref = await s.editVariant(id, '标准', { body, changeNote: '修订' }, '张律师');
  await s.submit(ref, '张律师');
  await s.approve(ref, '李主任');
}

describe('publish', () => {
  it('writes one signed pack with the approved versions; nothing new → no second file', async () => {
    const a = await app();
    const folder = await tempDir('bidforge-tf-share-');
    await approvedClause(a.store, 'warranty', WARRANTY_BODY, { title: '保修条款' });
    await a.store.createClause(
      {
        id: 'draft-only',
        category: '保修条款',
        title: '草稿条款',
        tags: [],
        docTypes: ['service-plan'],
        body: '草稿。',
      },
      '张律师',
    );
    const first = await publishFrom(a, folder);
    expect(first.file).toMatch(TEAM_PACK_NAME);
    expect(first.file).toContain(`-${first.checksum!.slice(0, 12)}.bfpack`);
    expect(first.clauses).toEqual([{ id: 'warranty', variant: '标准', version: 1 }]);
    const pack = JSON.parse(await readFile(join(folder, first.file!), 'utf8'));
    expect(pack.signature.publicKey).toBe(a.key.publicKey);
    expect(await readdir(folder)).toEqual([first.file]); // no temp file left behind

    const again = await publishFrom(a, folder);
    expect(again.file).toBeUndefined();
    expect(await packs(folder)).toEqual([first.file]);

    // A new approved version: a second file with that version only.
    await approvedEdit(a.store, 'warranty', '整机保修{{warranty_years}}年，压缩机包修八年。');
    const second = await publishFrom(a, folder);
    expect(second.clauses).toEqual([{ id: 'warranty', variant: '标准', version: 2 }]);
    expect(await packs(folder)).toEqual([first.file, second.file].sort());
  });

  it('never replaces a file: a name that exists is refused and the file stays as it was', async () => {
    const folder = await tempDir('bidforge-tf-share-');
    await addFile(folder, 'bidforge-x.bfpack', 'first');
    await expect(addFile(folder, 'bidforge-x.bfpack', 'second')).rejects.toMatchObject({ code: 'pack_file_exists' });
    expect(await readFile(join(folder, 'bidforge-x.bfpack'), 'utf8')).toBe('first');
    expect(await readdir(folder)).toEqual(['bidforge-x.bfpack']);
  });
});

describe('pull', () => {
  it('B trusting A gets the approved versions, oldest pack first; a second pull imports nothing', async () => {
    const [a, b] = [await app(), await app()];
    const folder = await tempDir('bidforge-tf-share-');
    await approvedClause(a.store, 'warranty', WARRANTY_BODY, { title: '保修条款' });
    await publishFrom(a, folder);
    await approvedEdit(a.store, 'warranty', '整机保修{{warranty_years}}年，压缩机包修八年。');
    await publishFrom(a, folder);
    const before = await fingerprint(folder);

    const r = await pullInto(b, folder, [a]);
    expect(r.files.map((f) => f.status)).toEqual(['imported', 'imported']);
    for (const f of r.files) if (f.status === 'imported') expect(f.signer.state).toBe('trusted');
    const lib = await b.store.toLibrary();
    expect(lib.clauses.find((c) => c.id === 'warranty')?.body).toContain('八年'); // the newer pack went in last
    const h = await b.store.history('warranty');
    expect(h.map((v) => v.status)).toEqual(['approved', 'approved']);
    expect(await fingerprint(folder)).toEqual(before);

    const again = await pullInto(b, folder, [a]);
    expect(again).toEqual({ files: [], unchanged: 2 });
    // What B pulled is not sent back by B.
    expect((await publishFrom(b, folder)).file).toBeUndefined();
    expect(await fingerprint(folder)).toEqual(before);
  });

  it('B not trusting A gets drafts, and each file says so', async () => {
    const [a, b] = [await app(), await app()];
    const folder = await tempDir('bidforge-tf-share-');
    await approvedClause(a.store, 'warranty', WARRANTY_BODY, { title: '保修条款' });
    const { file } = await publishFrom(a, folder);
    const r = await pullInto(b, folder);
    const f = statusOf(r, file!);
    expect(f).toMatchObject({ status: 'imported', signer: { state: 'untrusted', keepsApprovals: false } });
    if (f?.status === 'imported') expect(f.signer.notice.message).toContain('草稿');
    expect((await b.store.history('warranty'))[0]).toMatchObject({ status: 'draft', origin: 'pack' });
    expect((await b.store.toLibrary()).clauses.map((c) => c.id)).not.toContain('warranty');
  });

  it('a pack file edited in place is refused, after import and before it; the publisher refuses it too', async () => {
    const [a, b, c] = [await app(), await app(), await app()];
    const folder = await tempDir('bidforge-tf-share-');
    await approvedClause(a.store, 'warranty', WARRANTY_BODY, { title: '保修条款' });
    const { file } = await publishFrom(a, folder);
    expect((await pullInto(b, folder, [a])).files[0]!.status).toBe('imported');

    const path = join(folder, file!);
    const pack = JSON.parse(await readFile(path, 'utf8'));
    pack.payload.clauses[0].variants[0].version.body = '整机保修一年。';
    await writeFile(path, JSON.stringify(pack, null, 2));
    const edited = await fingerprint(folder);

    for (const who of [a, b]) {
      const r = await pullInto(who, folder, [a]);
      expect(statusOf(r, file!)).toMatchObject({ status: 'refused', problem: { code: 'team_pack_changed' } });
    }
    // C never saw it: its content no longer matches the checksum it carries.
    const rc = await pullInto(c, folder, [a]);
    expect(statusOf(rc, file!)).toMatchObject({ status: 'refused', problem: { code: 'team_pack_checksum_mismatch' } });
    expect((await c.store.listClauses()).map((x) => x.clauseId)).not.toContain('warranty');
    expect((await b.store.toLibrary()).clauses.find((x) => x.id === 'warranty')?.body).toBe(WARRANTY_BODY);
    expect(await fingerprint(folder)).toEqual(edited);
  });

  it('a pack whose name does not match its content is refused', async () => {
    const [a, b] = [await app(), await app()];
    const folder = await tempDir('bidforge-tf-share-');
    await approvedClause(a.store, 'warranty', WARRANTY_BODY, { title: '保修条款' });
    const { file } = await publishFrom(a, folder);
    const renamed = file!.replace(/-[0-9a-f]{12}\.bfpack$/, '-0123456789ab.bfpack');
    await writeFile(join(folder, renamed), await readFile(join(folder, file!)));
    const r = await pullInto(b, folder, [a]);
    expect(statusOf(r, renamed)).toMatchObject({ status: 'refused', problem: { code: 'team_pack_name_mismatch' } });
    expect(statusOf(r, file!)?.status).toBe('imported');
  });

  it('ignores half-written temp files; a malformed pack is reported by name and the others still import', async () => {
    const [a, b] = [await app(), await app()];
    const folder = await tempDir('bidforge-tf-share-');
    await approvedClause(a.store, 'warranty', WARRANTY_BODY, { title: '保修条款' });
    const { file } = await publishFrom(a, folder);
    const whole = await readFile(join(folder, file!), 'utf8');
    const tmp = `.bidforge-20261207T090000000Z-aaaaaaaaaaaa.bfpack.4242-abcdef.tmp`;
    await writeFile(join(folder, tmp), whole.slice(0, whole.length / 2));
    await writeFile(join(folder, 'bidforge-20261207T090000000Z-aaaaaaaaaaaa.bfpack.part'), whole.slice(0, 40));
    // Sorts first (oldest), so it must not block the good one.
    const bad = 'bidforge-20000101T000000000Z-000000000000.bfpack';
    await writeFile(join(folder, bad), whole.slice(0, whole.length / 2));
    const before = await fingerprint(folder);

    const r = await pullInto(b, folder, [a]);
    expect(r.files.map((f) => f.name)).toEqual([bad, file]);
    expect(statusOf(r, bad)).toMatchObject({ status: 'malformed', problem: { code: 'team_pack_malformed' } });
    const bf = statusOf(r, bad);
    if (bf?.status === 'malformed') expect(bf.problem.message).toContain(bad);
    expect(statusOf(r, file!)?.status).toBe('imported');
    expect((await b.store.toLibrary()).clauses.map((c) => c.id)).toContain('warranty');
    expect(await fingerprint(folder)).toEqual(before);
    // Tried again next time (it may still be arriving); the imported one is not.
    const again = await pullInto(b, folder, [a]);
    expect(again.files.map((f) => [f.name, f.status])).toEqual([[bad, 'malformed']]);
  });
});
