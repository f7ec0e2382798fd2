// The list of API channels and the clients every transport shares. Imports types only (and the envelope), so the
// sandboxed preload stays tiny.
import type { ApiHandlers, ApiRequest, ApiResponse, Channel } from './contract.js';
import { unwrap, type Envelope } from './envelope.js';

export const CHANNELS = [
  'listBlueprints',
  'listSamples',
  'listClauses',
  'newProject',
  'openSample',
  'parseProject',
  'describeProject',
  'checkProject',
  'preview',
  'exportDocument',
  // composer: outline and 偏离表
  'describeOutline',
  'recognizeRequirements',
  // library: the clause store (core/library/contract.ts)
  'libraryInfo',
  'libraryFacets',
  'libraryList',
  'librarySearch',
  'libraryClause',
  'libraryHistory',
  'libraryDiff',
  'libraryCreate',
  'libraryEdit',
  'libraryAddVariant',
  'libraryUpdateMeta',
  'librarySubmit',
  'libraryApprove',
  'libraryReject',
  'libraryRetire',
  'libraryDuplicate',
  'libraryMarkReviewed',
  'libraryFreshness',
  'libraryUsage',
  'libraryWhereUsed',
  'libraryRender',
  'libraryProjects',
  'projectOutdatedPins',
  'recordProjectPins',
  'projectUpdatePins',
  'libraryExportPack',
  'libraryPreviewImport',
  'libraryApplyImport',
  // cards, settings, home (core/api/appContract.ts)
  'getSettings',
  'saveSettings',
  'listRecentProjects',
  'recordRecentProject',
  'openRecentProject',
  'searchProjects',
  'listBackups',
  'restoreBackup',
  'parseCards',
  'exportCards',
  // tender (core/tender/contract.ts)
  'readTender',
] as const satisfies readonly Channel[];

// Fails to compile when a channel is declared in ApiHandlers but missing here.
type Missing = Exclude<Channel, (typeof CHANNELS)[number]>;
export const allChannelsListed: [Missing] extends [never] ? true : never = true;

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
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
