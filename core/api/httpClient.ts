// The renderer's API client when there is no Electron preload: POST /api/<channel> to the local host. The answer is
// always an envelope in the body (core/api/wire.ts), file bytes included; nothing rides in headers.
import { clientOf, type Transport } from './channels.js';
import type { ApiHandlers } from './contract.js';
import { asEnvelope, failure } from './envelope.js';
import { decodeEnvelope } from './wire.js';

export const TOKEN_HEADER = 'x-bidforge-token';

export function httpTransport(
  origin: string,
  token: string,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): Transport {
  return async (channel, arg) => {
    let res: Response;
    try {
      res = await fetchImpl(`${origin}/api/${channel}`, {
        method: 'POST',
        // A browser has no token to send: its session is the host's HttpOnly cookie, which fetch sends by itself.
        headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
        body: JSON.stringify(arg ?? {}),
      });
    } catch (e) {
      return failure('unreachable', `the host did not answer: ${e instanceof Error ? e.message : String(e)}`);
    }
    return asEnvelope(decodeEnvelope(res.headers.get('content-type'), await res.arrayBuffer(), res.status));
  };
}

export function createHttpClient(origin: string, token: string, fetchImpl?: typeof fetch): ApiHandlers {
  return clientOf(httpTransport(origin, token, fetchImpl));
}
