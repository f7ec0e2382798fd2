// This data folder's part in signed packs (core/library/packSigning.ts): its signing key, the name it signs as (the
// company in 设置, else the user), and whom it trusts — the list in 设置 plus its own key, so a pack made here and
// brought back keeps its approvals.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ephemeralSigningKey,
  fingerprintOf,
  loadSigningKey,
  parsePublicKeyText,
  publicKeyText,
  signPack,
  SIGNING_KEY_FILE,
  type SigningKey,
  type TrustedKey,
} from '../library/packSigning.js';
import type { BidForgePack } from '../library/store/pack.js';
import { BidForgeError } from '../model/problem.js';
import { acceptName } from '../text/names.js';
import type { SettingsStore } from './store.js';
import type { TrustView } from './trust.js';

export type { TrustView };

/** The name this library's own key is trusted under on import. */
export const OWN_KEY_NAME = '本机';

export class PackTrust {
  private key: Promise<SigningKey> | undefined;

  constructor(
    private readonly settings: SettingsStore,
    private readonly dataDir?: string,
  ) {}

  /** The signing key, made on first use. */
  signingKey(): Promise<SigningKey> {
    if (!this.key) {
      const made = this.dataDir ? loadSigningKey(this.dataDir) : Promise.resolve(ephemeralSigningKey());
      this.key = made.catch((e) => {
        this.key = undefined;
        throw e;
      });
    }
    return this.key;
  }

  /** The name packs are signed as: the company in 设置, else the user name, else empty. */
  async signerName(): Promise<string> {
    const { settings } = await this.settings.get();
    return settings.company.name || settings.userName;
  }

  /** The keys whose packs keep their approvals: 设置's list, and this folder's own key once it exists. */
  async trustedKeys(): Promise<TrustedKey[]> {
    const list: TrustedKey[] = (await this.settings.trustedSigners()).map(({ name, publicKey }) => ({
      name,
      publicKey,
    }));
    const ownExists = this.key || !this.dataDir || existsSync(join(this.dataDir, SIGNING_KEY_FILE));
    if (ownExists) list.push({ name: OWN_KEY_NAME, publicKey: (await this.signingKey()).publicKey });
    return list;
  }

  async sign(pack: BidForgePack): Promise<BidForgePack> {
    return signPack(pack, await this.signingKey(), await this.signerName());
  }

  async view(): Promise<TrustView> {
    const key = await this.signingKey();
    const signer = await this.signerName();
    const signers = (await this.settings.trustedSigners()).map((s) => ({
      ...s,
      fingerprint: fingerprintOf(s.publicKey),
    }));
    return {
      own: {
        publicKey: key.publicKey,
        fingerprint: key.fingerprint,
        signer,
        text: publicKeyText(key.publicKey, signer),
      },
      signers,
    };
  }

  /** Trusts the key in `keyText` (as publicKeyText writes it, PEM, or bare) under `name` (else the name it carries). */
  async add(name: string | undefined, keyText: string): Promise<TrustView> {
    const parsed = parsePublicKeyText(keyText);
    const chosen = acceptName(name?.trim() ? name : (parsed.name ?? ''), 'signerName', { max: 100 });
    if (parsed.publicKey === (await this.signingKey()).publicKey)
      throw new BidForgeError('own_key', '这是本机自己的签名公钥：本机制作的条款包已受信任，无需添加', [
        {
          severity: 'error',
          code: 'own_key',
          message: '这是本机自己的签名公钥：本机制作的条款包已受信任，无需添加',
          params: {},
        },
      ]);
    await this.settings.addTrustedSigner({ name: chosen, publicKey: parsed.publicKey }, fingerprintOf, [OWN_KEY_NAME]);
    return this.view();
  }

  async remove(fingerprint: string): Promise<TrustView> {
    const fp = fingerprint.trim().toUpperCase();
    if (!(await this.settings.removeTrustedSigner(fp, fingerprintOf)))
      throw new BidForgeError('not_found', `受信任的签发人中没有指纹为 ${fp} 的公钥`, [
        {
          severity: 'error',
          code: 'signer_not_found',
          message: `受信任的签发人中没有指纹为 ${fp} 的公钥`,
          params: { fingerprint: fp },
        },
      ]);
    return this.view();
  }
}
