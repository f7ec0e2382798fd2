// The list of API channels, derived from the combined contract, and the clients every transport shares. Node-free:
// the sandboxed preload and the renderer use it (the preload bundles the request schemas for their names).
import { requestSchemas, type ApiHandlers, type ApiRequest, type ApiResponse, type Channel } from './contract.js';
import { unwrap, type Envelope } from './envelope.js';

/** Every channel, in feature order: the keys of the combined contract, never a list kept by hand. */
export const CHANNELS: readonly Channel[] = Object.freeze(Object.keys(requestSchemas) as Channel[]);

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(requestSchemas, name);
}

/** How one transport carries a call: it always resolves to an envelope, whatever went wrong on the way. */
export type Transport = (channel: Channel, arg: unknown) => Promise<Envelope>;

/** What the preload exposes as window.bidforge: one invoker per channel, each resolving to the envelope (never throwing). */
export type ApiBridge = { [C in Channel]: (req: ApiRequest<C>) => Promise<Envelope<ApiResponse<C>>> };

export function bridgeOf(transport: Transport): ApiBridge {
  return Object.fromEntries(CHANNELS.map((c) => [c, (arg: unknown) => transport(c, arg)])) as unknown as ApiBridge;
}

/** A client with one method per channel that returns the value or throws an ApiError: the shape callers use. */
export function clientOf(transport: Transport): ApiHandlers {
  return Object.fromEntries(
    CHANNELS.map((c) => [c, async (arg: unknown) => unwrap(await transport(c, arg))]),
  ) as unknown as ApiHandlers;
}

/** The client over a bridge (the renderer in Electron): the same unwrapping as every other transport. */
export const clientOfBridge = (bridge: ApiBridge): ApiHandlers =>
  clientOf((c, arg) => (bridge[c] as (a: unknown) => Promise<Envelope>)(arg));
