// bidforge library trust [list] | add [NAME] KEYFILE | remove FINGERPRINT: 设置 → 受信任的签发人 on the command line —
// this library's own public key (to hand to colleagues), and the signers whose packs keep their approvals on import.
import { readFile } from 'node:fs/promises';
import type { ApiHandlers } from '../core/api/contract.js';
import type { TrustView } from '../core/settings/trust.js';
import type { Lang } from './messages.js';
import { trustSay } from './packMessages.js';

export type TrustArgs = { sub: string | undefined; rest: string[]; json: boolean; lang: Lang };

/** Thrown for bad input (exit 2), with the message to print. */
export class TrustInputError extends Error {}

function print(view: TrustView, a: TrustArgs, out: (s: string) => void): void {
  if (a.json) {
    out(JSON.stringify(view, null, 2));
    return;
  }
  out(trustSay(a.lang, 'own', { fingerprint: view.own.fingerprint }));
  out(view.own.text.trimEnd());
  out('');
  if (!view.signers.length) out(trustSay(a.lang, 'none'));
  else out(trustSay(a.lang, 'list', { count: view.signers.length }));
  for (const s of view.signers) out(`  ${s.fingerprint}\t${s.name}\t${s.addedAt.slice(0, 10)}`);
}

export async function trustCommand(api: ApiHandlers, a: TrustArgs, out: (s: string) => void): Promise<number> {
  if (!a.sub || a.sub === 'list') {
    print(await api.listTrustedSigners({}), a, out);
    return 0;
  }
  if (a.sub === 'add') {
    const [first, second] = a.rest;
    const [name, file] = second === undefined ? [undefined, first] : [first, second];
    if (!file) throw new TrustInputError(trustSay(a.lang, 'usage'));
    let key: string;
    try {
      key = await readFile(file, 'utf8');
    } catch (e) {
      throw new TrustInputError(
        trustSay(a.lang, 'cannotRead', { file, reason: (e as NodeJS.ErrnoException).code ?? '' }),
      );
    }
    const before = new Set((await api.listTrustedSigners({})).signers.map((s) => s.publicKey));
    const view = await api.addTrustedSigner({ key: key.slice(0, 20_000), ...(name ? { name } : {}) });
    const added = view.signers.find((s) => !before.has(s.publicKey));
    if (a.json) out(JSON.stringify(view, null, 2));
    else if (added) out(trustSay(a.lang, 'added', { name: added.name, fingerprint: added.fingerprint }));
    return 0;
  }
  if (a.sub === 'remove') {
    const fingerprint = a.rest[0];
    if (!fingerprint || !/^[0-9A-Fa-f]{4}(-[0-9A-Fa-f]{4}){3}$/.test(fingerprint))
      throw new TrustInputError(trustSay(a.lang, 'usage'));
    const view = await api.removeTrustedSigner({ fingerprint });
    if (a.json) out(JSON.stringify(view, null, 2));
    else out(trustSay(a.lang, 'removed', { fingerprint: fingerprint.toUpperCase() }));
    return 0;
  }
  throw new TrustInputError(trustSay(a.lang, 'usage'));
}
