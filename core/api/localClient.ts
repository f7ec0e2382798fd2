// A client that calls the handlers in the same process, through the same validation as IPC and HTTP.
import { clientOf } from './channels.js';
import { ApiError, type ApiHandlers } from './contract.js';
import { dispatch } from './dispatch.js';

export function createLocalClient(handlers: ApiHandlers): ApiHandlers {
  const call = async (channel: string, arg: unknown) => {
    const r = await dispatch(handlers, channel, arg);
    if (!r.ok) throw new ApiError(r.error.code, r.error.message, r.error.details);
    return r.value;
  };
  return clientOf(call);
}
