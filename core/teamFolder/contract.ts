// 团队库 without a server, in the app: the shared folder set in 设置, how the last pull and publish went, the packs
// that arrived as drafts, and a pull or publish on demand. Node-free: the screens import it. The work is in pull.ts
// and publish.ts; the handlers are in handlers.ts. A folder that cannot be used is in the result, never thrown.
import { z } from 'zod';
import type { PackSigner } from '../library/packSigner.js';
import type { Problem } from '../model/problem.js';

/** A file of the folder the last pull refused (changed after publishing) or skipped (unreadable), by name. */
export type TeamFolderIssue = { name: string; status: 'refused' | 'malformed'; problem: Problem };

/** An imported pack whose signer this library does not trust: its clauses arrived as drafts. */
export type TeamFolderDraftPack = { name: string; at: string; problem: Problem };

export type TeamFolderStatus = {
  /** 设置 names a shared folder. */
  configured: boolean;
  folder?: string;
  lastPullAt?: string;
  lastPublish?: { at: string; file?: string; clauses: number; blueprints: number; signer: string };
  /** Pack files imported from the folder, and written to it from here. */
  imported: number;
  published: number;
  drafts: TeamFolderDraftPack[];
  issues: TeamFolderIssue[];
  /** Why the last pull or publish did not finish, until one does. */
  lastError?: { at: string; action: 'pull' | 'publish'; problem: Problem };
};

export type TeamFolderPulledFile =
  /** counts: by merge action (added, new-version, identical, …; core/library/store/merge.ts). */
  { name: string; status: 'imported'; signer: PackSigner; counts: Record<string, number> } | TeamFolderIssue;

export type TeamFolderPullResult = TeamFolderStatus & {
  ok: boolean;
  /** The files this pull looked at anew (imported, refused or skipped); `unchanged` were imported before. */
  files: TeamFolderPulledFile[];
  unchanged: number;
  /** Why it did not finish (ok false). */
  problem?: Problem;
};

export type TeamFolderPublishResult = TeamFolderStatus & {
  ok: boolean;
  /** The pack file written; absent when nothing was new (or the publish failed). */
  file?: string;
  clauses: { id: string; variant: string; version: number }[];
  blueprints: string[];
  problem?: Problem;
};

/** A folder other than 设置's (the CLI's --folder): a full path. */
const folderField = z.string().trim().min(1).max(1000).optional();

export const teamFolderRequestSchemas = {
  /** What 设置 shows; reads this data folder's own record only, never the shared folder (which may be offline). */
  teamFolderStatus: z.object({}),
  /** Import the folder's new packs, oldest first; the folder is never changed. */
  teamFolderPull: z.object({ folder: folderField }),
  /** Add one signed pack of the approved versions and blueprints not yet in the folder (`as`: the signer's name). */
  teamFolderPublish: z.object({ folder: folderField, as: z.string().trim().min(1).max(100).optional() }),
} as const;

type Req<C extends keyof typeof teamFolderRequestSchemas> = z.infer<(typeof teamFolderRequestSchemas)[C]>;
export type TeamFolderHandlers = {
  teamFolderStatus(req: Req<'teamFolderStatus'>): Promise<TeamFolderStatus>;
  teamFolderPull(req: Req<'teamFolderPull'>): Promise<TeamFolderPullResult>;
  teamFolderPublish(req: Req<'teamFolderPublish'>): Promise<TeamFolderPublishResult>;
};
