// 设置 → 受信任的签发人 through the API: the own key (made on first look, its private file 0600), adding a colleague by
// the key text their BidForge shows, refusals that say why, removal — and what it means for an imported pack.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { ephemeralSigningKey, publicKeyText, SIGNING_KEY_FILE } from '@core/library/packSigning.js';
import { tempDir } from '../helpers/tmp.js';
import { templatesDir } from '../helpers/paths.js';

const newApi = () => {
  const dataDir = tempDir('bf-trust-api-');
  return { api: createLocalClient(createHandlers({ templatesDir, dataDir, actingUser: '法务部' })), dataDir };
};

describe('受信任的签发人（API）', () => {
  it('the own key is made on first look, kept in the data folder readable by its owner only, and stays the same', async () => {
    const { api, dataDir } = newApi();
    const first = await api.listTrustedSigners({});
    expect(first.own.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    expect(first.own.text).toContain(`bidforge-ed25519:${first.own.publicKey}`);
    expect(first.signers).toEqual([]);
    if (process.platform !== 'win32') expect(statSync(join(dataDir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect((await api.listTrustedSigners({})).own.publicKey).toBe(first.own.publicKey);
  });

  it('adds a colleague by key text (name from the text or given), refuses the same key twice, removes by fingerprint', async () => {
    const { api } = newApi();
    const a = ephemeralSigningKey();
    const b = ephemeralSigningKey();
    let view = await api.addTrustedSigner({ key: publicKeyText(a.publicKey, '集团法务部') });
    expect(view.signers).toEqual([expect.objectContaining({ name: '集团法务部', fingerprint: a.fingerprint })]);
    view = await api.addTrustedSigner({ name: '华东分公司', key: `bidforge-ed25519:${b.publicKey}` });
    expect(view.signers.map((s) => s.name)).toEqual(['集团法务部', '华东分公司']);
    await expect(
      api.addTrustedSigner({ name: '另一个名字', key: publicKeyText(a.publicKey, '') }),
    ).rejects.toMatchObject({
      code: 'signer_exists',
      message: expect.stringContaining('集团法务部'),
    });
    view = await api.removeTrustedSigner({ fingerprint: a.fingerprint });
    expect(view.signers.map((s) => s.name)).toEqual(['华东分公司']);
    await expect(api.removeTrustedSigner({ fingerprint: a.fingerprint })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses text that is no key, a key without any name, and this library’s own key', async () => {
    const { api } = newApi();
    await expect(api.addTrustedSigner({ name: '某人', key: '这不是公钥' })).rejects.toMatchObject({ code: 'bad_key' });
    await expect(
      api.addTrustedSigner({ key: `bidforge-ed25519:${ephemeralSigningKey().publicKey}` }),
    ).rejects.toMatchObject({
      code: 'bad_name',
      message: expect.stringContaining('签发人名称不能为空'),
    });
    const { own } = await api.listTrustedSigners({});
    await expect(api.addTrustedSigner({ name: '自己', key: own.text })).rejects.toMatchObject({ code: 'own_key' });
    expect((await api.listTrustedSigners({})).signers).toEqual([]);
  });

  it('legal exports, a branch that trusts legal’s key keeps the approval; before trusting, drafts', async () => {
    const legal = newApi().api;
    const ref = await legal.libraryEdit({
      clauseId: 'warranty-terms',
      variant: '标准',
      body: '法务部修订的保修条款。',
      changeNote: '修订',
      by: '法务部',
    });
    await legal.librarySubmit({ ref, by: '法务部' });
    const reviewer = createLocalClient(
      createHandlers({ templatesDir, dataDir: (await legal.libraryInfo({})).dataDir!, actingUser: '法务负责人' }),
    );
    await reviewer.libraryApprove({ ref, by: '法务负责人' });
    const { pack } = await legal.libraryExportPack({ clauseIds: ['warranty-terms'], blueprintIds: [] });
    const resolutions = { 'clause:warranty-terms/标准': 'take-theirs' } as const;

    const branch = newApi().api;
    expect((await branch.libraryPreviewImport({ pack })).signer).toMatchObject({ state: 'untrusted' });
    await branch.addTrustedSigner({ name: '集团法务部', key: (await legal.listTrustedSigners({})).own.text });
    const preview = await branch.libraryPreviewImport({ pack });
    expect(preview.signer).toMatchObject({ state: 'trusted', trustedName: '集团法务部' });
    await branch.libraryApplyImport({ pack, resolutions });
    const v = (await branch.libraryClause({ clauseId: 'warranty-terms' })).variants
      .find((x) => x.name === '标准')!
      .versions.at(-1)!;
    expect(v).toMatchObject({ status: 'approved', reviewer: '法务负责人', body: '法务部修订的保修条款。' });
  });
});
