// The API the renderer talks to: Electron's preload when present, otherwise the local HTTP host. Both deliver the same
// envelope (core/api/envelope.ts); one client unwraps it, so errors carry the same code, message and params either way.
import { clientOfBridge } from '@core/api/channels.js';
import type { ApiHandlers } from '@core/api/contract.js';
import { createHttpClient } from '@core/api/httpClient.js';
import { errorText } from '@core/i18n/errorText.js';
import type { Locale } from './catalog.js';

// In a browser the host's session is an HttpOnly cookie set by the launch link (host/session.ts): fetch sends it, and
// no script — ours included — can read it.
export const api: ApiHandlers = window.bidforge
  ? clientOfBridge(window.bidforge)
  : createHttpClient(location.origin, '');

/** What to show for anything an API call threw, in the UI's language: a coded error (store, pack, library refusals…)
 * is worded by its code and params (core/i18n/errorText.ts), not by its message, which core writes in Chinese. */
export function errorMessage(e: unknown, locale: Locale): string {
  return errorText(e, locale);
}

/** The API error code of anything an API call threw (an ApiError, whichever transport carried it). */
export function errorCode(e: unknown): string | undefined {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
