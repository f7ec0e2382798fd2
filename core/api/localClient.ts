// A client that calls the handlers in the same process, through the same validation and envelope as IPC and HTTP.
import { clientOf } from './channels.js';
import type { ApiHandlers } from './contract.js';
import { dispatch } from './dispatch.js';

export function createLocalClient(handlers: ApiHandlers): ApiHandlers {
  return clientOf((channel, arg) => dispatch(handlers, channel, arg));
}
