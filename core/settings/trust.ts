// 受信任的签发人 (trusted-signers.json in the data folder): the pack signers whose approvals this library keeps, each a
// name the user chose and an Ed25519 public key. Kept apart from settings.json so saving the settings form can never
// drop or add one; changed only by adding (with the key's text) and removing (by fingerprint).
import { z } from 'zod';
import { BidForgeError } from '../model/problem.js';
import { lookalikeProblem, nameError, nameSchema } from '../text/names.js';

export const TRUSTED_SIGNERS_FILE = 'trusted-signers.json';
/** A list anyone reads at a glance; more is a mistake, not a need. */
export const TRUSTED_SIGNERS_MAX = 100;

export const trustedSignerSchema = z.object({
  name: nameSchema('signerName', { max: 100 }),
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  addedAt: z.string(),
});
export type TrustedSigner = z.infer<typeof trustedSignerSchema>;

export const trustedSignersFileSchema = z.object({
  schema: z.literal(1).default(1),
  signers: z.array(trustedSignerSchema).max(TRUSTED_SIGNERS_MAX).default([]),
});
export type TrustedSignersFile = z.infer<typeof trustedSignersFileSchema>;

/** What 设置 shows of a signer: its name, key and a short fingerprint to read out over the phone. */
export type TrustedSignerView = TrustedSigner & { fingerprint: string };

/** What 设置 → 受信任的签发人 shows: this library's own key (to hand out) and the trusted signers. */
export type TrustView = {
  own: { publicKey: string; fingerprint: string; signer: string; text: string };
  signers: TrustedSignerView[];
};

/**
 * The list with one signer added. Refused: the same key again (naming the name it has), a name that looks like one
 * in the list (or like this library's own key's name), a full list.
 */
export function withSigner(
  list: readonly TrustedSigner[],
  signer: TrustedSigner,
  fingerprintOf: (publicKey: string) => string,
  reserved: readonly string[] = [],
): TrustedSigner[] {
  const same = list.find((s) => s.publicKey === signer.publicKey);
  if (same)
    throw new BidForgeError('signer_exists', `这个公钥已在受信任的签发人中（名称“${same.name}”）`, [
      {
        severity: 'error',
        code: 'signer_exists',
        message: `这个公钥已在受信任的签发人中（名称“${same.name}”）`,
        params: { name: same.name, fingerprint: fingerprintOf(signer.publicKey) },
      },
    ]);
  const taken = [...list.map((s) => s.name), ...reserved];
  if (taken.includes(signer.name))
    throw new BidForgeError('signer_name_taken', `已有名为“${signer.name}”的签发人：请另取一个名称`, [
      {
        severity: 'error',
        code: 'signer_name_taken',
        message: `已有名为“${signer.name}”的签发人：请另取一个名称`,
        params: { name: signer.name },
      },
    ]);
  const clash = lookalikeProblem(signer.name, taken, 'signerName');
  if (clash) throw nameError(clash);
  if (list.length >= TRUSTED_SIGNERS_MAX)
    throw new BidForgeError('too_many_signers', `受信任的签发人最多 ${TRUSTED_SIGNERS_MAX} 个`, [
      {
        severity: 'error',
        code: 'too_many_signers',
        message: `受信任的签发人最多 ${TRUSTED_SIGNERS_MAX} 个`,
        params: { max: TRUSTED_SIGNERS_MAX },
      },
    ]);
  return [...list, signer];
}
