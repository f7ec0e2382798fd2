// The API the renderer talks to: Electron's preload when present, otherwise the local HTTP host. Both deliver the same
// envelope (core/api/envelope.ts); one client unwraps it, so errors carry the same code, message and params either way.
import { clientOfBridge } from '@core/api/channels.js';
import type { ApiHandlers } from '@core/api/contract.js';
import { createHttpClient } from '@core/api/httpClient.js';

// In a browser the host's session is an HttpOnly cookie set by the launch link (host/session.ts): fetch sends it, and
// no script — ours included — can read it.
export const api: ApiHandlers = window.bidforge
  ? clientOfBridge(window.bidforge)
  : createHttpClient(location.origin, '');

/** The message to show for anything an API call threw. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'message' in e && typeof (e as { message: unknown }).message === 'string')
    return (e as { message: string }).message;
  return String(e);
}

/** The API error code of anything an API call threw (an ApiError, whichever transport carried it). */
export function errorCode(e: unknown): string | undefined {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
