// bidforge library export signs the pack; import says who signed it and, for a signer this library does not trust,
// that the clauses arrive as drafts — and they do.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fingerprintOf } from '@core/library/packSigning.js';
import { openStore } from '@core/library/store/index.js';
import { TRUSTED_SIGNERS_FILE } from '@core/settings/trust.js';
import { templatesDir } from '../helpers/paths.js';

const cli = (...args: string[]) => runCli(args);

/** Legal's store with its own approved version of warranty-terms/标准, exported to a pack by the CLI. */
async function legalPack(dir: string) {
  const legal = join(dir, 'legal');
  const store = await openStore({ dataDir: legal, program: 'test', templatesDir });
  const ref = await store.editVariant(
    'warranty-terms',
    '标准',
    { body: '法务部修订的保修条款。\n', changeNote: '修订' },
    '法务部',
  );
  await store.submit(ref, '法务部');
  await store.approve(ref, '法务负责人');
  await store.close();
  const pack = join(dir, 'legal.bfpack.json');
  const r = await cli('library', 'export', '--out', pack, '--clauses', 'warranty-terms', '--data', legal);
  expect(r.code, r.err).toBe(0);
  const { publicKey } = JSON.parse(readFileSync(pack, 'utf8')).signature as { publicKey: string };
  return { pack, publicKey, fingerprint: fingerprintOf(publicKey), export: r };
}

async function latest(dataDir: string) {
  const store = await openStore({ dataDir, program: 'test' });
  const [v] = await store.history('warranty-terms', '标准');
  await store.close();
  return v!;
}

describe('bidforge library export/import 与签名', () => {
  it('export prints the signing fingerprint; an importer that does not trust it is told so and gets drafts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bf-cli-sign-'));
    const { pack, fingerprint, export: exported } = await legalPack(dir);
    expect(exported.out).toContain(`指纹 ${fingerprint}`);
    const branch = join(dir, 'branch');
    const dry = await cli('library', 'import', pack, '--dry-run', '--data', branch);
    expect(dry.out).toMatch(new RegExp(`签名：此包由未受信任的签发人签名.*指纹 ${fingerprint}.*草稿`));
    const r = await cli('library', 'import', pack, '--resolve', 'take-theirs', '--data', branch);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('草稿');
    expect(await latest(branch)).toMatchObject({ status: 'draft', body: '法务部修订的保修条款。\n' });
  });

  it('an importer that trusts legal’s key keeps the approval, and is told whose signature it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bf-cli-sign-'));
    const { pack, publicKey, fingerprint } = await legalPack(dir);
    const branch = join(dir, 'branch');
    const signers = [{ name: '集团法务部', publicKey, addedAt: '2026-11-01T00:00:00.000Z' }];
    await openStore({ dataDir: branch, program: 'test', templatesDir }).then((s) => s.close());
    writeFileSync(join(branch, TRUSTED_SIGNERS_FILE), JSON.stringify({ schema: 1, signers }));
    const r = await cli('library', 'import', pack, '--resolve', 'take-theirs', '--data', branch);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`签名：签发人：集团法务部（指纹 ${fingerprint}），已受信任：保留包中的审批状态`);
    const en = await cli('library', 'import', pack, '--dry-run', '--data', join(dir, 'other'), '--lang', 'en');
    expect(en.out).toMatch(
      new RegExp(
        `signature: This pack is signed by a signer you do not trust \\(fingerprint ${fingerprint}\\): its clauses arrive as drafts`,
      ),
    );
    expect(await latest(branch)).toMatchObject({ status: 'approved', reviewer: '法务负责人' });
  });
});

describe('bidforge library trust', () => {
  it('list prints the own key text; add NAME KEYFILE trusts a colleague; remove FINGERPRINT undoes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bf-cli-trust-'));
    const { pack, fingerprint } = await legalPack(dir);
    const listed = await cli('library', 'trust', '--data', join(dir, 'legal'));
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toContain(`本机的签名公钥（指纹 ${fingerprint}）`);
    const keyFile = join(dir, 'legal-key.txt');
    writeFileSync(keyFile, listed.out); // the whole output: the key line is found in it

    const branch = join(dir, 'branch');
    const added = await cli('library', 'trust', 'add', '集团法务部', keyFile, '--data', branch);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toBe(`已添加受信任的签发人 集团法务部（指纹 ${fingerprint}）`);
    expect((await cli('library', 'trust', 'list', '--data', branch)).out).toMatch(
      new RegExp(`^ {2}${fingerprint}\\t集团法务部\\t\\d{4}-\\d\\d-\\d\\d$`, 'm'),
    );
    const imported = await cli('library', 'import', pack, '--resolve', 'take-theirs', '--data', branch);
    expect(imported.out).toContain('已受信任');
    expect(await latest(branch)).toMatchObject({ status: 'approved' });

    const again = await cli('library', 'trust', 'add', '另一个名字', keyFile, '--data', branch);
    expect(again.code).toBe(2);
    expect(again.err).toContain('这个公钥已在受信任的签发人中（名称“集团法务部”）');
    const removed = await cli('library', 'trust', 'remove', fingerprint, '--data', branch, '--lang', 'en');
    expect(removed.out).toBe(`Removed the signer with fingerprint ${fingerprint}`);
    expect((await cli('library', 'trust', 'add', '--data', branch)).code).toBe(2);
  });
});
