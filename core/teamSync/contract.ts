// 团队库 in the app: the sync state (last pull and push, pending pushes, open conflicts, the last error) and a sync on
// demand. Node-free: the screens import it. The work is in sync.ts; the handlers are in handlers.ts.
import { z } from 'zod';

export type TeamSyncConflictView = {
  clauseId: string;
  variant: string;
  local: number;
  server: number;
  arrivedAs?: number;
  at: string;
};

export type TeamSyncStatus = {
  /** 设置 names a team server (url and token). */
  configured: boolean;
  server?: string;
  lastPullAt?: string;
  lastPushAt?: string;
  lastError?: { at: string; code: string; message: string };
  /** Drafts and submissions of this folder the server has not seen yet. */
  pendingPushes: number;
  conflicts: TeamSyncConflictView[];
};

export type TeamSyncResult = TeamSyncStatus & {
  ok: boolean;
  pushed: number;
  pulled: number;
  added: number;
};

export const teamSyncRequestSchemas = {
  /** What the status bar shows; reads only, never waits on the network. */
  teamSyncStatus: z.object({}),
  /** Push this folder's drafts and submissions, pull approved versions; a failure is in the result, not thrown. */
  teamSyncNow: z.object({}),
} as const;

type Req<C extends keyof typeof teamSyncRequestSchemas> = z.infer<(typeof teamSyncRequestSchemas)[C]>;
export type TeamSyncHandlers = {
  teamSyncStatus(req: Req<'teamSyncStatus'>): Promise<TeamSyncStatus>;
  teamSyncNow(req: Req<'teamSyncNow'>): Promise<TeamSyncResult>;
};
