// Validates a call's argument with the channel's zod schema, runs it, and returns the envelope every transport carries.
import { BidForgeError } from '../model/problem.js';
import { isChannel } from './channels.js';
import { requestSchemas, type ApiHandlers } from './contract.js';
import { ApiError, failure, type Envelope } from './envelope.js';
import { requestError } from './requestError.js';

export type DispatchResult = Envelope;

export async function dispatch(handlers: ApiHandlers, channel: string, arg: unknown): Promise<Envelope> {
  try {
    if (!isChannel(channel)) throw new ApiError('unknown_channel', `no API method named ${channel}`);
    const parsed = requestSchemas[channel].safeParse(arg ?? {});
    if (!parsed.success) throw requestError(channel, parsed.error, arg);
    const fn = handlers[channel] as (a: unknown) => Promise<unknown>;
    return { ok: true, value: await fn(parsed.data) };
  } catch (e) {
    const err = toApiError(e);
    return failure(err.code, err.message, err.params);
  }
}

/** Turns anything thrown into the error that crosses the boundary: a code, a message and plain params. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof BidForgeError)
    return new ApiError(e.code, e.message, e.problems.length ? { problems: e.problems } : {});
  return new ApiError('internal', e instanceof Error ? e.message : String(e));
}
