// Who made a pack, as the import tells it (core/library/packSigning.ts decides it). Node-free: the screens show it.
import type { Problem } from '../model/problem.js';

export type SignerState = 'trusted' | 'untrusted' | 'unsigned' | 'invalid';
/** Who made a pack, as far as can be told, and what the import does about it. */
export type PackSigner = {
  state: SignerState;
  /** The signing key's fingerprint, when signed. */
  fingerprint?: string;
  /** The name the pack says it was signed as (anyone can write any name). */
  claimedName?: string;
  /** The name this library trusts the key under. */
  trustedName?: string;
  /** True when the pack's approvals are kept; else its versions arrive as drafts. */
  keepsApprovals: boolean;
  /** The sentence to show (code and params for other languages). */
  notice: Problem;
};
