// The one typed API shared by the Electron preload, the HTTP host and the CLI: channel → request → response.
// Each feature owns its contract beside its code (request schemas and result types in <feature>/contract.ts, the
// handlers in <feature>/handlers.ts); this module only combines them. The channel list (core/api/channels.ts) is the
// combined schemas' keys. Node-free: the renderer and the sandboxed preload import it.
import { cardsRequestSchemas, type CardsHandlers } from '../cards/contract.js';
import { libraryRequestSchemas, type LibraryHandlers } from '../library/contract.js';
import { projectRequestSchemas, type ProjectHandlers } from '../project/contract.js';
import { settingsRequestSchemas, type SettingsHandlers } from '../settings/contract.js';
import { tenderRequestSchemas, type TenderHandlers } from '../tender/contract.js';
import { teamSyncRequestSchemas, type TeamSyncHandlers } from '../teamSync/contract.js';
import { teamFolderRequestSchemas, type TeamFolderHandlers } from '../teamFolder/contract.js';
import { combine, type Overlap } from './combine.js';

/** Every channel's request schema, feature by feature; combine() refuses a channel name two features declare. */
const features = [
  projectRequestSchemas, // the composer: projects, check, preview, export, outline, requirements
  libraryRequestSchemas, // the clause library: versions, approval, search, packs, pins
  settingsRequestSchemas, // 设置 and 首页: settings, recent projects, backups
  cardsRequestSchemas, // 保修卡 batches
  tenderRequestSchemas, // reading a tender's DOCX or PDF
  teamSyncRequestSchemas, // 团队库: sync state and sync now (core/teamSync)
  teamFolderRequestSchemas, // 团队库 without a server: a shared folder's state, pull, publish (core/teamFolder)
] as const;
export const requestSchemas = combine(...features);

export type ApiHandlers = ProjectHandlers &
  LibraryHandlers &
  SettingsHandlers &
  CardsHandlers &
  TenderHandlers &
  TeamSyncHandlers &
  TeamFolderHandlers;
export type Channel = keyof ApiHandlers;

export type ApiRequest<C extends Channel> = Parameters<ApiHandlers[C]>[0];
export type ApiResponse<C extends Channel> = Awaited<ReturnType<ApiHandlers[C]>>;

// Compile-time checks: no channel in two features, and every channel has both a schema and a handler type.
type Checked<T> = [T] extends [never] ? true : never;
export const contractChecks: Checked<Overlap<typeof features>> &
  Checked<Exclude<keyof typeof requestSchemas, Channel>> &
  Checked<Exclude<Channel, keyof typeof requestSchemas>> = true;

// Result types the screens name through this module.
export type { ClauseChoice, OutlineView, VariableField } from '../project/contract.js';
// The envelope and the error shape every transport carries (core/api/envelope.ts).
export { ApiError, type ApiErrorBody, type ApiErrorParams, type Envelope } from './envelope.js';
