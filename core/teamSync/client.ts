// The client's side of the wire: JSON over HTTP with a Bearer token and a timeout. A network failure is
// 'offline', a refusal carries the server's code; neither ever throws anything but a TeamSyncError.
import type { DecideRequest, HistoryRow, Proposal, PullResponse, PushRefusal, PushResult } from './protocol.js';

export class TeamSyncError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export type ClientOptions = {
  url: string;
  token: string;
  /** Per request; a long poll adds its wait. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export type TeamClient = ReturnType<typeof teamClient>;

export function teamClient(o: ClientOptions) {
  const base = o.url.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(base))
    throw new TeamSyncError('bad_server_url', `not a server address: ${o.url} (expected http(s)://host[:port])`);
  const doFetch = o.fetch ?? fetch;
  const timeout = o.timeoutMs ?? 30_000;

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, extraMs = 0, signal?: AbortSignal) {
    const signals = [AbortSignal.timeout(timeout + extraMs), ...(signal ? [signal] : [])];
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${o.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.any(signals),
      });
    } catch (e) {
      const why = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
      throw new TeamSyncError('offline', `cannot reach the team server ${base} (${why})`);
    }
    let parsed: { ok?: boolean; result?: T; error?: { code?: string; message?: string } };
    try {
      parsed = (await res.json()) as typeof parsed;
    } catch {
      throw new TeamSyncError(
        res.ok ? 'bad_response' : 'offline',
        `the team server answered ${res.status} without JSON`,
        res.status,
      );
    }
    if (!res.ok || !parsed.ok)
      throw new TeamSyncError(
        parsed.error?.code ?? 'server_error',
        parsed.error?.message ?? `the team server answered ${res.status}`,
        res.status,
      );
    return parsed.result as T;
  }

  return {
    me: () => call<{ name: string; role: string }>('GET', '/v1/me'),
    pull: (since: number, limit = 2000, waitMs = 0, signal?: AbortSignal) =>
      call<PullResponse>('GET', `/v1/pull?since=${since}&limit=${limit}&wait=${waitMs}`, undefined, waitMs, signal),
    push: (proposals: Proposal[]) => call<{ results: (PushResult | PushRefusal)[] }>('POST', '/v1/push', { proposals }),
    decide: (d: DecideRequest) => call<{ status: string }>('POST', '/v1/decide', d),
    saveBlueprint: (blueprint: unknown) => call<{ seq: number }>('POST', '/v1/blueprints', { blueprint }),
    history: (clauseId?: string) =>
      call<HistoryRow[]>('GET', `/v1/history${clauseId ? `?clauseId=${encodeURIComponent(clauseId)}` : ''}`),
    review: () =>
      call<{ clauseId: string; variant: string; version: number; author: string; title: string }[]>(
        'GET',
        '/v1/review',
      ),
  };
}
