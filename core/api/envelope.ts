// The one envelope every transport carries (in-process, Electron IPC, HTTP), and the one error shape inside it.
// Plain data only: it survives structured clone (IPC) and JSON (HTTP) unchanged. Free of imports, so the sandboxed
// preload and the renderer can use it.

/** Values a message was made from (a count, the problems found), for a client that words the error itself. */
export type ApiErrorParams = Record<string, unknown>;
/** What crosses the boundary when a call fails: never a stack trace. */
export type ApiErrorBody = { code: string; message: string; params: ApiErrorParams };
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params: ApiErrorParams = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const success = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const failure = (code: string, message: string, params: ApiErrorParams = {}): Envelope<never> => ({
  ok: false,
  error: { code, message, params },
});

/** The value, or the error as an ApiError with the same code, message and params, whichever transport carried it. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.params);
}

/** Checks what a transport delivered: anything but an envelope (a proxy's page, an old preload) is a bad_response. */
export function asEnvelope(reply: unknown): Envelope {
  if (reply && typeof reply === 'object' && 'ok' in reply) {
    const r = reply as {
      ok: unknown;
      value?: unknown;
      error?: { code?: unknown; message?: unknown; params?: unknown };
    };
    if (r.ok === true) return { ok: true, value: r.value };
    if (r.ok === false && typeof r.error?.code === 'string') {
      const params = r.error.params && typeof r.error.params === 'object' ? (r.error.params as ApiErrorParams) : {};
      return failure(r.error.code, typeof r.error.message === 'string' ? r.error.message : r.error.code, params);
    }
  }
  return failure('bad_response', 'the API answered with something that is not a reply');
}
