// The list of API channels, free of dependencies so the sandboxed preload stays tiny.
import type { ApiHandlers } from './contract.js';

export const CHANNELS = ['listBlueprints', 'listSamples', 'listClauses', 'newProject', 'openSample', 'parseProject', 'describeProject', 'preview', 'exportDocument',
  // composer: outline and 偏离表
  'describeOutline', 'recognizeRequirements',
  // library: the clause store (core/api/library.ts)
  'libraryInfo', 'libraryFacets', 'libraryList', 'librarySearch', 'libraryClause', 'libraryHistory', 'libraryDiff', 'libraryCreate', 'libraryEdit', 'libraryAddVariant', 'libraryUpdateMeta',
  'librarySubmit', 'libraryApprove', 'libraryReject', 'libraryRetire', 'libraryDuplicate', 'libraryMarkReviewed', 'libraryFreshness', 'libraryUsage',
  'libraryWhereUsed', 'libraryRender', 'libraryProjects', 'projectOutdatedPins', 'recordProjectPins', 'projectUpdatePins', 'libraryExportPack', 'libraryPreviewImport', 'libraryApplyImport',
  // cards, settings, home (core/api/appContract.ts)
  'getSettings', 'saveSettings', 'listRecentProjects', 'recordRecentProject', 'openRecentProject', 'searchProjects', 'listBackups', 'restoreBackup', 'parseCards', 'exportCards',
] as const satisfies readonly (keyof ApiHandlers)[];

// Fails to compile when a channel is declared in ApiHandlers but missing here.
type Missing = Exclude<keyof ApiHandlers, (typeof CHANNELS)[number]>;
export const allChannelsListed: [Missing] extends [never] ? true : never = true;

/** A client with one method per channel, each forwarding to `call`: the shape every transport shares. */
export function clientOf(call: (channel: string, arg: unknown) => Promise<unknown>): ApiHandlers {
  return Object.fromEntries(CHANNELS.map((c) => [c, (arg: unknown) => call(c, arg)])) as unknown as ApiHandlers;
}
