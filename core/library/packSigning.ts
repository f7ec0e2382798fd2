// Signed packs: who made a pack, and whether to believe its approvals. A checksum anyone can recompute proves nothing
// about its maker, so each data folder holds an Ed25519 signing key (made on first use; the private key file is
// readable by its owner only) and every exported pack carries its signer's public key, the name it signed as, and a
// signature over the pack's canonical content. On import a pack signed by a trusted signer (设置 → 受信任的签发人, or
// this folder's own key) keeps its approvals; an unsigned pack, one from an unknown signer, or one whose signature does
// not verify (changed after signing) arrives with every version a draft that this library's reviewers must approve.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BidForgeError, type Problem } from '../model/problem.js';
import { showInvisible } from '../text/names.js';
import type { PackSigner } from './packSigner.js';
import { canonicalJson, parsePack, type BidForgePack, type PackSignature } from './store/pack.js';

export type { PackSigner, SignerState } from './packSigner.js';

/** <dataDir>/pack-signing-key.pem: PKCS#8, mode 0600. */
export const SIGNING_KEY_FILE = 'pack-signing-key.pem';
const CONTENT_PREFIX = 'bidforge-pack-signature/1\n';
const KEY_PREFIX = 'bidforge-ed25519:';

export type SigningKey = { privateKey: KeyObject; publicKey: string; fingerprint: string };
export type TrustedKey = { name: string; publicKey: string };

/** Raw 32-byte Ed25519 public key, standard base64 (44 characters). */
const RAW_KEY = /^[A-Za-z0-9+/]{43}=$/;

const b64url = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const b64std = (url: string) => {
  const s = url.replace(/-/g, '+').replace(/_/g, '/');
  return s + '='.repeat((4 - (s.length % 4)) % 4);
};

function keyObjectOf(publicKey: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(publicKey) }, format: 'jwk' });
}

function rawOf(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' }) as { x?: string };
  return b64std(jwk.x!);
}

/** A short, readable fingerprint: the first 8 bytes of sha256(raw key), as 4 groups of 4 hex digits. */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

const badKey = (why: string) =>
  new BidForgeError('bad_key', `不是可用的签名公钥：${why}`, [
    { severity: 'error', code: 'bad_key', message: `不是可用的签名公钥：${why}`, params: { why } },
  ]);

/**
 * A public key as people pass it around: the text BidForge shows (a "bidforge-ed25519:…" line, with an optional
 * "签发人：…" line), a PEM public key, or the bare base64 key. Returns the raw key and the name the text suggests.
 */
export function parsePublicKeyText(text: string): { publicKey: string; name?: string } {
  if (text.length > 20_000) throw badKey('文本过长');
  const name = /^\s*(?:签发人|Signer)(?:\s+(?:签发人|Signer))?\s*[:：]\s*(.+?)\s*$/m.exec(text)?.[1];
  const tagged = new RegExp(`${KEY_PREFIX}([A-Za-z0-9+/=_-]+)`).exec(text)?.[1];
  let publicKey: string | undefined;
  if (tagged) publicKey = b64std(tagged.replace(/=+$/, ''));
  else if (/-----BEGIN PUBLIC KEY-----/.test(text)) {
    try {
      const k = createPublicKey(text.slice(text.indexOf('-----BEGIN PUBLIC KEY-----')));
      if (k.asymmetricKeyType !== 'ed25519') throw badKey(`密钥类型为 ${k.asymmetricKeyType}，须为 Ed25519`);
      publicKey = rawOf(k);
    } catch (e) {
      if (e instanceof BidForgeError) throw e;
      throw badKey('PEM 内容无法读取');
    }
  } else if (RAW_KEY.test(text.trim())) publicKey = text.trim();
  if (!publicKey || !RAW_KEY.test(publicKey)) throw badKey('未找到“bidforge-ed25519:”开头的公钥');
  try {
    keyObjectOf(publicKey);
  } catch {
    throw badKey('公钥内容无效');
  }
  return name ? { publicKey, name } : { publicKey };
}

/** The text to hand a colleague so they can trust this key (设置 shows it; the CLI prints it). */
export function publicKeyText(publicKey: string, signer: string): string {
  // Both languages: the text goes to colleagues whichever language their BidForge speaks.
  return [
    'BidForge 条款包签名公钥 (clause pack signing key)',
    ...(signer ? [`签发人 Signer：${signer}`] : []),
    `指纹 Fingerprint：${fingerprintOf(publicKey)}`,
    `${KEY_PREFIX}${publicKey}`,
    '',
  ].join('\n');
}

/** The signing key of a data folder, made on first use (the private key file readable by its owner only). */
export async function loadSigningKey(dataDir: string): Promise<SigningKey> {
  const path = join(dataDir, SIGNING_KEY_FILE);
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
    // Tightened if someone loosened it; a folder where that is not allowed still signs.
    if (process.platform !== 'win32') await chmod(path, 0o600).catch(() => undefined);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await mkdir(dataDir, { recursive: true });
    // Written whole under a name of its own, then linked into place: link never replaces a file, so when two programs
    // make a key at once one wins and both use it, and neither can read the other's half-written file.
    const tmp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, pem, { mode: 0o600, flag: 'wx' });
    try {
      await link(tmp, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      pem = await readFile(path, 'utf8');
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    // The error keeps bad_key; its problem says which key (bad_key's own wording is about a public key typed in).
    const message = `签名私钥文件 ${path} 已损坏，无法签名；请将其移走后重试（将生成新的密钥）`;
    throw new BidForgeError('bad_key', message, [
      { severity: 'error', code: 'signing_key_corrupt', message, params: { file: path }, file: path },
    ]);
  }
  const publicKey = rawOf(createPublicKey(privateKey));
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/** A key that lives in memory only (no data folder). */
export function ephemeralSigningKey(): SigningKey {
  const { privateKey, publicKey: pub } = generateKeyPairSync('ed25519');
  const publicKey = rawOf(pub);
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/** What is signed: the envelope (whose checksum binds the payload) and the signer, never the signature itself. */
function signedContent(pack: BidForgePack, sig: Omit<PackSignature, 'value'>): Buffer {
  const { format, schemaVersion, createdAt, checksum } = pack;
  const signer = { algorithm: sig.algorithm, publicKey: sig.publicKey, signer: sig.signer };
  return Buffer.from(CONTENT_PREFIX + canonicalJson({ format, schemaVersion, createdAt, checksum, signer }), 'utf8');
}

export function signPack(pack: BidForgePack, key: SigningKey, signer: string): BidForgePack {
  const { signature: _old, ...unsigned } = pack;
  const head = { algorithm: 'Ed25519' as const, publicKey: key.publicKey, signer };
  const value = sign(null, signedContent(unsigned, head), key.privateKey).toString('base64');
  return { ...unsigned, signature: { ...head, value } };
}

const DRAFTS = '其中的条款将作为草稿导入，须经本库审核批准后才能用于文件';

function noticeOf(s: Omit<PackSigner, 'notice' | 'keepsApprovals'>): Problem {
  const fp = s.fingerprint ?? '';
  const claimed = s.claimedName || '未署名';
  switch (s.state) {
    case 'trusted':
      return {
        severity: 'warning',
        code: 'pack_signed_trusted',
        message: `签发人：${s.trustedName}（指纹 ${fp}），已受信任：保留包中的审批状态`,
        params: { name: s.trustedName ?? '', fingerprint: fp },
      };
    case 'untrusted':
      return {
        severity: 'warning',
        code: 'pack_signed_untrusted',
        message: `此包由未受信任的签发人签名（自称“${claimed}”，指纹 ${fp}）：${DRAFTS}。如已与对方核对指纹，可在“设置 → 受信任的签发人”中添加其公钥后重新导入`,
        params: { claimed: s.claimedName ?? '', fingerprint: fp },
      };
    case 'invalid':
      return {
        severity: 'error',
        code: 'pack_signature_invalid',
        message: `此包的签名与内容不符（签名密钥指纹 ${fp}，自称“${claimed}”）：包在签名后被改动过。${DRAFTS}；请向对方索取原始文件`,
        params: { claimed: s.claimedName ?? '', fingerprint: fp },
      };
    default:
      return {
        severity: 'warning',
        code: 'pack_unsigned',
        message: `此包没有签名，无法确认由谁制作：${DRAFTS}`,
        params: {},
      };
  }
}

/** Checks a parsed pack's signature against the trusted keys (this folder's own key among them, when given). */
export function verifyPack(pack: BidForgePack, trusted: readonly TrustedKey[]): PackSigner {
  const sig = pack.signature;
  const of = (s: Omit<PackSigner, 'notice' | 'keepsApprovals'>): PackSigner => ({
    ...s,
    keepsApprovals: s.state === 'trusted',
    notice: noticeOf(s),
  });
  if (!sig) return of({ state: 'unsigned' });
  const fingerprint = fingerprintOf(sig.publicKey);
  const claimedName = showInvisible(sig.signer.normalize('NFKC')); // written by whoever made the pack
  let ok = false;
  try {
    ok = verify(null, signedContent(pack, sig), keyObjectOf(sig.publicKey), Buffer.from(sig.value, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) return of({ state: 'invalid', fingerprint, claimedName });
  const known = trusted.find((t) => t.publicKey === sig.publicKey);
  return known
    ? of({ state: 'trusted', fingerprint, claimedName, trustedName: known.name })
    : of({ state: 'untrusted', fingerprint, claimedName });
}

/** The pack as it may enter the library: unchanged when its signer is trusted, else every version a draft. */
export function admitPack(pack: BidForgePack, signer: PackSigner): BidForgePack {
  if (signer.keepsApprovals) return pack;
  const clauses = pack.payload.clauses.map((c) => ({
    ...c,
    variants: c.variants.map((v) => {
      const { reviewer: _r, decidedAt: _d, singleReviewer: _s, rejectReason: _j, ...rest } = v.version;
      return { ...v, version: { ...rest, status: 'draft' as const } };
    }),
  }));
  return { ...pack, payload: { ...pack.payload, clauses } };
}

/** A pack as given (text or JSON) → parsed, its signer checked, and admitted (packs are refused as parsePack says). */
export function admitPackInput(
  input: unknown,
  trusted: readonly TrustedKey[],
): { pack: BidForgePack; signer: PackSigner } {
  const parsed = parsePack(input);
  const signer = verifyPack(parsed, trusted);
  return { pack: admitPack(parsed, signer), signer };
}
