// 设置 → 受信任的签发人: the channels (schemas, result types, handlers over a PackTrust). Node-free: the screen imports it.
import { z } from 'zod';
import type { TrustView } from './trust.js';

export type { TrustView };

export const trustRequestSchemas = {
  /** This library's own signing key (made on first use) and the trusted signers. */
  listTrustedSigners: z.object({}),
  /** `key`: the text a colleague's BidForge shows for its key (or a PEM); `name` defaults to the name in that text. */
  addTrustedSigner: z.object({ name: z.string().max(1000).optional(), key: z.string().min(1).max(20_000) }),
  removeTrustedSigner: z.object({ fingerprint: z.string().regex(/^[0-9A-Fa-f]{4}(-[0-9A-Fa-f]{4}){3}$/) }),
} as const;

type Req<C extends keyof typeof trustRequestSchemas> = z.infer<(typeof trustRequestSchemas)[C]>;
export type TrustHandlers = {
  listTrustedSigners(req: Req<'listTrustedSigners'>): Promise<TrustView>;
  addTrustedSigner(req: Req<'addTrustedSigner'>): Promise<TrustView>;
  removeTrustedSigner(req: Req<'removeTrustedSigner'>): Promise<TrustView>;
};

/** What the handlers need of core/settings/packTrust.ts's PackTrust. */
type Trust = {
  view(): Promise<TrustView>;
  add(name: string | undefined, keyText: string): Promise<TrustView>;
  remove(fingerprint: string): Promise<TrustView>;
};

export function createTrustHandlers(trust: Trust): TrustHandlers {
  return {
    listTrustedSigners: () => trust.view(),
    addTrustedSigner: ({ name, key }) => trust.add(name, key),
    removeTrustedSigner: ({ fingerprint }) => trust.remove(fingerprint),
  };
}
