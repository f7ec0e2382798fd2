// 条款包签名: a pack signed by a trusted signer keeps its approvals; an unsigned pack, one from an unknown signer, or one
// changed after signing arrives as drafts this library must review — never approved, whatever reviewer it names.
import { chmod, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ephemeralSigningKey,
  fingerprintOf,
  loadSigningKey,
  parsePublicKeyText,
  publicKeyText,
  signPack,
  SIGNING_KEY_FILE,
} from '@core/library/packSigning.js';
import { canonicalJson, makePack, type BidForgePack } from '@core/library/store/index.js';
import { sha256 } from '@core/library/store/pack.js';
import { approvedClause, open, tempDir, WARRANTY_BODY } from './helpers.js';

const legal = ephemeralSigningKey();
const trustLegal = [{ name: '总部法务部', publicKey: legal.publicKey }];
const copy = (p: BidForgePack) => JSON.parse(JSON.stringify(p)) as BidForgePack;

async function legalPack(): Promise<BidForgePack> {
  const hq = await open(await tempDir());
  await approvedClause(hq, 'warranty', WARRANTY_BODY, { title: '保修条款' });
  return signPack(await hq.exportPack({ clauseIds: ['warranty'], blueprintIds: [] }), legal, '总部法务部');
}

/** Changes the body and recomputes the checksum, as anyone can: only the signature now tells. */
function edited(p: BidForgePack, body: string): BidForgePack {
  const t = copy(p);
  t.payload.clauses[0]!.variants[0]!.version.body = body;
  t.checksum = sha256(canonicalJson(t.payload));
  return t;
}

describe('受信任的签发人签名的条款包', () => {
  it('keeps its approvals and its reviewer; the preview names the signer and the fingerprint', async () => {
    const branch = await open(await tempDir());
    const pack = await legalPack();
    const preview = await branch.previewImport(copy(pack), trustLegal);
    expect(preview.signer).toMatchObject({ state: 'trusted', trustedName: '总部法务部', keepsApprovals: true });
    expect(preview.signer!.fingerprint).toBe(legal.fingerprint);
    expect(preview.signer!.notice.message).toContain(legal.fingerprint);
    expect(preview.items[0]!.theirs.status).toBe('approved');
    await branch.applyImport(copy(pack), {}, trustLegal);
    expect((await branch.history('warranty'))[0]).toMatchObject({ status: 'approved', reviewer: '李主任' });
    expect((await branch.toLibrary()).clauses.map((c) => c.id)).toContain('warranty');
  });
});

describe('来源不明或被改动的条款包只能作为草稿导入', () => {
  it('an unsigned pack: every version a draft, its reviewer dropped; documents do not use it', async () => {
    const hq = await open(await tempDir());
    await approvedClause(hq, 'warranty', WARRANTY_BODY, { title: '保修条款' });
    const unsigned = await hq.exportPack({ clauseIds: ['warranty'], blueprintIds: [] });
    const branch = await open(await tempDir());
    const preview = await branch.previewImport(unsigned, trustLegal);
    expect(preview.signer).toMatchObject({ state: 'unsigned', keepsApprovals: false });
    expect(preview.signer!.notice).toMatchObject({ code: 'pack_unsigned', message: expect.stringContaining('草稿') });
    expect(preview.items[0]!.theirs.status).toBe('draft');
    const report = await branch.applyImport(unsigned, {}, trustLegal);
    expect(report.signer!.state).toBe('unsigned');
    const v = (await branch.history('warranty'))[0]!;
    expect(v).toMatchObject({ status: 'draft', origin: 'pack' });
    expect(v.reviewer).toBeUndefined();
    expect((await branch.toLibrary()).clauses.map((c) => c.id)).not.toContain('warranty');
  });

  it('a pack from a signer not in the list: drafts, and the notice gives the name it claims and its fingerprint', async () => {
    const branch = await open(await tempDir());
    const stranger = ephemeralSigningKey();
    const pack = signPack(copy(await legalPack()), stranger, '总部法务部');
    const preview = await branch.previewImport(pack, trustLegal);
    expect(preview.signer).toMatchObject({ state: 'untrusted', claimedName: '总部法务部', keepsApprovals: false });
    expect(preview.signer!.notice.message).toContain(stranger.fingerprint);
    expect(preview.signer!.notice.message).toContain('未受信任');
    await branch.applyImport(pack, {}, trustLegal);
    expect((await branch.history('warranty'))[0]!.status).toBe('draft');
  });

  it('a signer name with a bidi override is shown with the character named, so it cannot pose as another', async () => {
    const branch = await open(await tempDir());
    const pack = signPack(copy(await legalPack()), ephemeralSigningKey(), '部务法团集\u202e');
    const { signer } = await branch.previewImport(pack, trustLegal);
    expect(signer).toMatchObject({ state: 'untrusted', claimedName: '部务法团集[U+202E]' });
    expect(signer!.notice.message).not.toContain('\u202e');
  });

  it('a trusted pack edited after signing (checksum recomputed): the signature fails, drafts, said loudly', async () => {
    const branch = await open(await tempDir());
    const tampered = edited(await legalPack(), '整机保修十年，一切费用由买方承担。');
    const preview = await branch.previewImport(tampered, trustLegal);
    expect(preview.signer).toMatchObject({ state: 'invalid', keepsApprovals: false, fingerprint: legal.fingerprint });
    expect(preview.signer!.notice).toMatchObject({ severity: 'error', code: 'pack_signature_invalid' });
    expect(preview.signer!.notice.message).toContain('被改动过');
    await branch.applyImport(tampered, {}, trustLegal);
    const v = (await branch.history('warranty'))[0]!;
    expect(v).toMatchObject({ status: 'draft', body: '整机保修十年，一切费用由买方承担。' });
    expect(v.reviewer).toBeUndefined();
  });

  it('one byte changed anywhere that is signed — the signer name, the time, the signature — fails the signature', async () => {
    const pack = await legalPack();
    const branch = await open(await tempDir());
    const changes: ((p: BidForgePack) => void)[] = [
      (p) => {
        p.signature!.signer = '总部法务部 ';
      },
      (p) => {
        p.createdAt = p.createdAt.replace(/\d(?=Z$)/, (d) => String((Number(d) + 1) % 10));
      },
      (p) => {
        const v = p.signature!.value;
        p.signature!.value = (v[0] === 'A' ? 'B' : 'A') + v.slice(1);
      },
    ];
    for (const change of changes) {
      const t = copy(pack);
      change(t);
      expect((await branch.previewImport(t, trustLegal)).signer!.state).toBe('invalid');
    }
  });

  it('a byte changed without recomputing the checksum is refused outright, and nothing changes', async () => {
    const branch = await open(await tempDir());
    const t = copy(await legalPack());
    t.payload.clauses[0]!.variants[0]!.version.body += '。';
    await expect(branch.applyImport(t, {}, trustLegal)).rejects.toMatchObject({ code: 'bad_pack' });
    expect(await branch.getClause('warranty')).toBeUndefined();
  });

  it('take-theirs from an untrusted pack adds a draft: the approved text documents use stays mine', async () => {
    const branch = await open(await tempDir());
    await branch.applyImport(copy(await legalPack()), {}, trustLegal);
    const hostile = edited(await legalPack(), '外来修改的保修条款。');
    const report = await branch.applyImport(hostile, { 'clause:warranty/标准': 'take-theirs' }, trustLegal);
    expect(report.actions).toEqual([{ key: 'clause:warranty/标准', action: 'new-version', note: 'v2' }]);
    expect((await branch.history('warranty'))[0]).toMatchObject({ version: 2, status: 'draft' });
    const used = (await branch.toLibrary()).clauses.find((c) => c.id === 'warranty')!;
    expect(used).toMatchObject({ version: 1, body: WARRANTY_BODY });
  });

  it('without a trusted list (the store on its own) even a signed pack arrives as drafts', async () => {
    const branch = await open(await tempDir());
    await branch.applyImport(copy(await legalPack()));
    expect((await branch.history('warranty'))[0]!.status).toBe('draft');
  });
});

describe('签名密钥与公钥文本', () => {
  it('the key is made once in the data folder, its private file readable by its owner only', async () => {
    const dir = await tempDir();
    const a = await loadSigningKey(dir);
    const b = await loadSigningKey(dir);
    expect(b.publicKey).toBe(a.publicKey);
    expect(a.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    if (process.platform !== 'win32') expect((await stat(join(dir, SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, SIGNING_KEY_FILE), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    if (process.platform !== 'win32') {
      await chmod(join(dir, SIGNING_KEY_FILE), 0o644); // someone loosened it
      expect((await loadSigningKey(dir)).publicKey).toBe(a.publicKey);
      expect((await stat(join(dir, SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
    }
  });

  it('twenty programs making the key at once all end up with the same one, and no temporary file is left', async () => {
    const dir = await tempDir();
    const keys = await Promise.all(Array.from({ length: 20 }, () => loadSigningKey(dir)));
    expect(new Set(keys.map((k) => k.publicKey)).size).toBe(1);
    expect((await readdir(dir)).filter((f) => f.startsWith(SIGNING_KEY_FILE))).toEqual([SIGNING_KEY_FILE]);
  });

  it('the text BidForge shows for a key reads back to the same key and name; PEM and the bare key work too', () => {
    const text = publicKeyText(legal.publicKey, '总部法务部');
    expect(text).toContain(legal.fingerprint);
    expect(parsePublicKeyText(text)).toEqual({ publicKey: legal.publicKey, name: '总部法务部' });
    expect(parsePublicKeyText(`  ${legal.publicKey}\n`)).toEqual({ publicKey: legal.publicKey });
    const { publicKey } = generateKeyPairSync('ed25519');
    const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(fingerprintOf(parsePublicKeyText(pem).publicKey)).toMatch(/^[0-9A-F]{4}-/);
  });

  it('anything else is refused, saying it is not a usable key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' });
    for (const bad of ['', 'hello', 'bidforge-ed25519:abc', rsa.toString()])
      expect(() => parsePublicKeyText(bad)).toThrow(/不是可用的签名公钥/);
  });

  it('makePack alone signs nothing: its pack has no signature', () => {
    expect(makePack({ clauses: [], blueprints: [] }, new Date()).signature).toBeUndefined();
  });
});
