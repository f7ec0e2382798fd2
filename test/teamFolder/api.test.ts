// 设置 → 团队库 → 共享文件夹 through the API (#20 items 4–5): two data folders share one folder; A publishes its
// approved version, B pulls it; the state says what happened; a changed file, an untrusted signer and a folder that
// is not there each come back as a problem in the result (Chinese, with an English wording), never as a thrown error.
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { problemText } from '@core/i18n/problemText.js';
import { TEAM_PACK_NAME } from '@core/teamFolder/publish.js';
import { tempDir } from '../helpers/tmp.js';

type Api = ReturnType<typeof createLocalClient>;

const apiOn = (dataDir: string) =>
  createLocalClient(createHandlers({ templatesDir: 'templates', dataDir, today: () => '2026-12-07' }));

/** Saves 设置 the way the screens do: the user, and the shared folder. */
async function set(api: Api, over: { userName?: string; folder?: string }) {
  const { settings } = await api.getSettings({});
  await api.saveSettings({
    settings: {
      ...settings,
      ...(over.userName !== undefined ? { userName: over.userName } : {}),
      ...(over.folder !== undefined ? { teamFolder: { path: over.folder } } : {}),
    },
  });
}

const BODY = '整机保修三年，自验收合格之日起计算。\n';

/** A clause written by 张律师 and approved by 李主任 in `api`'s library. */
async function approved(api: Api, title: string, body = BODY) {
  await set(api, { userName: '张律师' });
  const ref = await api.libraryCreate({
    clause: { category: '保修条款', title, tags: [], docTypes: ['service-plan'], variables: [], body },
  });
  await api.librarySubmit({ ref });
  await set(api, { userName: '李主任' });
  await api.libraryApprove({ ref });
  return ref;
}

async function trust(b: Api, a: Api) {
  const { own } = await a.listTrustedSigners({});
  await b.addTrustedSigner({ name: '总部法务部', key: own.text });
}

describe('共享文件夹（API）', () => {
  it('A publishes into the folder, B pulls A’s approved version; a second pull imports nothing new', async () => {
    const share = tempDir('bf-tf-share-');
    const [a, b] = [apiOn(tempDir('bf-tf-a-')), apiOn(tempDir('bf-tf-b-'))];
    expect(await a.teamFolderStatus({})).toMatchObject({ configured: false });
    const ref = await approved(a, '共享保修条款');
    await set(a, { folder: share });
    const pub = await a.teamFolderPublish({});
    expect(pub).toMatchObject({ ok: true, configured: true, folder: share, published: 1 });
    expect(pub.clauses).toEqual([{ id: ref.clauseId, variant: ref.variant, version: 1 }]);
    expect(await readdir(share)).toEqual([pub.file]);
    expect(pub.file).toMatch(TEAM_PACK_NAME);
    expect(pub.lastPublish).toMatchObject({ file: pub.file, clauses: 1, signer: '李主任' });

    await set(b, { userName: '王工', folder: share });
    await trust(b, a);
    const first = await b.teamFolderPull({});
    expect(first.ok).toBe(true);
    expect(first.files).toEqual([expect.objectContaining({ name: pub.file, status: 'imported' })]);
    const [v1] = await b.libraryHistory({ clauseId: ref.clauseId });
    expect(v1).toMatchObject({ status: 'approved', body: BODY });
    const state = await b.teamFolderStatus({});
    expect(state).toMatchObject({ configured: true, folder: share, imported: 1, published: 0, drafts: [], issues: [] });
    expect(state.lastPullAt).toBeDefined();

    const again = await b.teamFolderPull({});
    expect(again).toMatchObject({ ok: true, files: [], unchanged: 1, imported: 1 });
    expect(await b.libraryHistory({ clauseId: ref.clauseId })).toHaveLength(1);
    // Nothing new in A either: no second file.
    const twice = await a.teamFolderPublish({});
    expect(twice).toMatchObject({ ok: true, clauses: [], published: 1 });
    expect(twice.file).toBeUndefined();
    expect(await readdir(share)).toEqual([pub.file]);
  });

  it('an untrusted signer’s pack arrives as drafts, and the state names it and says why', async () => {
    const share = tempDir('bf-tf-share-');
    const [a, c] = [apiOn(tempDir('bf-tf-a-')), apiOn(tempDir('bf-tf-c-'))];
    const ref = await approved(a, '未受信任的条款');
    await set(a, { folder: share });
    const { file } = await a.teamFolderPublish({});
    const fingerprint = (await a.listTrustedSigners({})).own.fingerprint;

    await set(c, { userName: '赵工', folder: share });
    const r = await c.teamFolderPull({});
    expect(r.files).toEqual([
      expect.objectContaining({ status: 'imported', signer: expect.objectContaining({ state: 'untrusted' }) }),
    ]);
    expect((await c.libraryHistory({ clauseId: ref.clauseId }))[0]).toMatchObject({ status: 'draft' });
    const { drafts } = await c.teamFolderStatus({});
    expect(drafts).toHaveLength(1);
    const [d] = drafts;
    expect(d).toMatchObject({ name: file, problem: { code: 'team_pack_drafts', severity: 'warning' } });
    expect(d!.problem.message).toContain(file!);
    expect(d!.problem.message).toContain(fingerprint);
    expect(d!.problem.message).toContain('“李主任”');
    expect(d!.problem.message).toContain('草稿');
    expect(d!.problem.message).toContain('受信任的签发人');
    expect(problemText(d!.problem, 'en')).toContain(
      `signed by a signer you do not trust (calling itself “李主任”, fingerprint ${fingerprint})`,
    );
  });

  it('a pack file changed in the folder is refused and reported, and B keeps what it had', async () => {
    const share = tempDir('bf-tf-share-');
    const [a, b] = [apiOn(tempDir('bf-tf-a-')), apiOn(tempDir('bf-tf-b-'))];
    const ref = await approved(a, '被改动的条款');
    await set(a, { folder: share });
    const { file } = await a.teamFolderPublish({});
    await set(b, { userName: '王工', folder: share });
    await trust(b, a);
    expect((await b.teamFolderPull({})).files[0]).toMatchObject({ status: 'imported' });

    // Someone edits the pack in place on the share.
    const path = join(share, file!);
    const pack = JSON.parse(await readFile(path, 'utf8'));
    pack.payload.clauses[0].variants[0].version.body = '整机保修一年。\n';
    await writeFile(path, JSON.stringify(pack, null, 2));

    const r = await b.teamFolderPull({});
    expect(r.ok).toBe(true);
    expect(r.files).toEqual([expect.objectContaining({ name: file, status: 'refused' })]);
    const { issues } = await b.teamFolderStatus({});
    expect(issues).toEqual([expect.objectContaining({ name: file, status: 'refused' })]);
    const p = issues[0]!.problem;
    expect(p.code).toBe('team_pack_changed');
    expect(p.message).toContain(file!);
    expect(p.message).toContain('已拒绝');
    expect(problemText(p, 'en')).toContain('was changed after it was imported: refused, not imported');
    const history = await b.libraryHistory({ clauseId: ref.clauseId });
    expect(history.map((v) => v.body)).toEqual([BODY]);

    // A library that never saw it refuses it too: its content no longer matches its checksum.
    const c = apiOn(tempDir('bf-tf-c-'));
    await set(c, { folder: share });
    expect((await c.teamFolderPull({})).issues[0]!.problem.code).toBe('team_pack_checksum_mismatch');
    expect((await c.libraryList({ filter: {} })).map((row) => row.clauseId)).not.toContain(ref.clauseId);
  });

  it('no folder, a relative path, a folder that is not there: a problem in the result and in the state', async () => {
    const dir = tempDir('bf-tf-x-');
    const api = apiOn(dir);
    const none = await api.teamFolderPull({});
    expect(none).toMatchObject({ ok: false, configured: false, problem: { code: 'team_folder_not_set' } });
    expect(none.problem!.message).toContain('设置 → 团队库 → 共享文件夹');

    await set(api, { userName: '王工', folder: 'nas/团队库' });
    const relative = await api.teamFolderPublish({});
    expect(relative).toMatchObject({ ok: false, problem: { code: 'team_folder_not_absolute' } });
    expect(problemText(relative.problem!, 'en')).toContain('must be a full path');

    const gone = join(dir, '未挂载的NAS');
    await set(api, { folder: gone });
    for (const r of [await api.teamFolderPull({}), await api.teamFolderPublish({})]) {
      expect(r).toMatchObject({ ok: false, problem: { code: 'team_folder_missing', params: { folder: gone } } });
      expect(r.problem!.message).toContain(`找不到共享文件夹 ${gone}`);
    }
    const state = await api.teamFolderStatus({});
    expect(state.lastError).toMatchObject({ action: 'publish', problem: { code: 'team_folder_missing' } });
    expect(problemText(state.lastError!.problem, 'en')).toBe(
      `The shared folder ${gone} was not found: check the path, and that the network drive or NAS is connected`,
    );
    // Once the share is there, a pull goes through and the error is gone.
    await mkdir(gone);
    expect(await api.teamFolderPull({})).toMatchObject({ ok: true, files: [], unchanged: 0 });
    expect((await api.teamFolderStatus({})).lastError).toBeUndefined();
  });

  it.skipIf(process.getuid?.() === 0)(
    'a folder that cannot be written: publish says so, nothing is written',
    async () => {
      const share = tempDir('bf-tf-share-');
      const a = apiOn(tempDir('bf-tf-a-'));
      await approved(a, '只读文件夹');
      await set(a, { folder: share });
      await chmod(share, 0o555);
      try {
        const r = await a.teamFolderPublish({});
        expect(r).toMatchObject({ ok: false, problem: { code: 'team_folder_read_only' } });
        expect(r.problem!.message).toContain('不能在共享文件夹');
        expect(await readdir(share)).toEqual([]);
      } finally {
        await chmod(share, 0o755);
      }
    },
  );
});
