// Validates a call's argument with the channel's zod schema, runs it, and returns a result or a typed error.
import { ApiError, isChannel, requestSchemas, type ApiHandlers, type ApiErrorBody } from './contract.js';
import { toApiError } from './handlers.js';
import { zodMessage } from '../model/zodMessage.js';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

export async function dispatch(handlers: ApiHandlers, channel: string, arg: unknown): Promise<DispatchResult> {
  try {
    if (!isChannel(channel)) throw new ApiError('unknown_channel', `no API method named ${channel}`);
    const parsed = requestSchemas[channel].safeParse(arg ?? {});
    if (!parsed.success) throw new ApiError('bad_request', `${channel}: ${zodMessage(parsed.error)}`);
    const fn = handlers[channel] as (a: unknown) => Promise<unknown>;
    return { ok: true, value: await fn(parsed.data) };
  } catch (e) {
    const err = toApiError(e);
    return { ok: false, error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
  }
}
