// The channels of 设置 and 首页 (settings and company profile, recent projects and their search, the library's
// backups): request schemas and result types. Node-free (zod and types only), so the renderer's screens import it;
// the handlers are core/settings/handlers.ts, and core/api/contract.ts combines them with the rest.
import { z } from 'zod';
import { projectSchema, type Project } from '../model/project.js';
import type { ProjectHit, RecentSummary } from './recent.js';
import { settingsSchema, type Settings } from './schema.js';
import { trustRequestSchemas, type TrustHandlers } from './trustContract.js';

export const settingsRequestSchemas = {
  getSettings: z.object({}),
  saveSettings: z.object({ settings: settingsSchema }),
  listRecentProjects: z.object({}),
  /** `saved`: the project is what a file holds (just opened or saved), so reopening it shows 已保存. */
  recordRecentProject: z.object({
    project: projectSchema,
    path: z.string().min(1).max(1000).optional(),
    saved: z.boolean().optional(),
  }),
  openRecentProject: z.object({ id: z.string().min(1).max(1000) }),
  searchProjects: z.object({ query: z.string().max(200) }),
  listBackups: z.object({}),
  restoreBackup: z.object({
    name: z.string().regex(/^library-\d{8}T\d{9}Z(-\d+)?\.json$/, 'a backup file name from listBackups'),
  }),
  // 受信任的签发人: this library's signing key and the pack signers it trusts (trustContract.ts)
  ...trustRequestSchemas,
} as const;

/** A damaged settings file that was moved aside (kept, never deleted) and replaced by defaults; why, in Chinese
 * (reason) and in English (reasonEn). */
export type SettingsNotice = { code: string; file: string; movedAsideAs: string; reason: string; reasonEn: string };
export type BackupInfo = { name: string /** ISO time the backup was written. */; time: string; size: number };

type Req<C extends keyof typeof settingsRequestSchemas> = z.infer<(typeof settingsRequestSchemas)[C]>;
export type SettingsHandlers = TrustHandlers & {
  getSettings(
    req: Req<'getSettings'>,
  ): Promise<{ settings: Settings; dataDir: string | null; notices: SettingsNotice[] }>;
  saveSettings(req: Req<'saveSettings'>): Promise<{ settings: Settings }>;
  listRecentProjects(req: Req<'listRecentProjects'>): Promise<{ projects: RecentSummary[] }>;
  recordRecentProject(req: Req<'recordRecentProject'>): Promise<{ projects: RecentSummary[] }>;
  openRecentProject(req: Req<'openRecentProject'>): Promise<{ project: Project; path?: string; saved: boolean }>;
  searchProjects(req: Req<'searchProjects'>): Promise<{ hits: ProjectHit[] }>;
  listBackups(req: Req<'listBackups'>): Promise<{ backups: BackupInfo[]; dataDir: string | null }>;
  restoreBackup(
    req: Req<'restoreBackup'>,
  ): Promise<{ restoredFrom: string; replaced?: { movedAsideAs?: string; backedUpAs?: string } }>;
};
