// Channels of 首页 and 设置 (settings, recent projects, backups): schemas and types. Pure (zod + types only): the
// renderer imports it through contract.ts. The 保修卡 names below are re-exported for the screens' imports: that
// contract is core/cards/contract.ts.
import { z } from 'zod';
import { projectSchema, type Project } from '../model/project.js';
import type { ProjectHit, RecentSummary } from '../settings/recent.js';
import { settingsSchema, type Settings } from '../settings/schema.js';

export const appRequestSchemas = {
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
} as const;

export {
  CARD_FILE_MAX_BYTES,
  CARD_LAYOUTS as CARD_LAYOUT_IDS,
  PROBLEMS_SHOWN,
  type CardBatchTemplate,
  type CardPreview,
  type CardRowProblem,
  type ExportCardsResult,
  type ParseCardsResult,
} from '../cards/contract.js';

/** A damaged settings file that was moved aside (kept, never deleted) and replaced by defaults. */
export type SettingsNotice = { code: string; file: string; movedAsideAs: string; reason: string };
export type BackupInfo = { name: string /** ISO time the backup was written. */; time: string; size: number };

export type AppHandlers = {
  getSettings(
    req: z.infer<(typeof appRequestSchemas)['getSettings']>,
  ): Promise<{ settings: Settings; dataDir: string | null; notices: SettingsNotice[] }>;
  saveSettings(req: z.infer<(typeof appRequestSchemas)['saveSettings']>): Promise<{ settings: Settings }>;
  listRecentProjects(
    req: z.infer<(typeof appRequestSchemas)['listRecentProjects']>,
  ): Promise<{ projects: RecentSummary[] }>;
  recordRecentProject(
    req: z.infer<(typeof appRequestSchemas)['recordRecentProject']>,
  ): Promise<{ projects: RecentSummary[] }>;
  openRecentProject(
    req: z.infer<(typeof appRequestSchemas)['openRecentProject']>,
  ): Promise<{ project: Project; path?: string; saved: boolean }>;
  searchProjects(req: z.infer<(typeof appRequestSchemas)['searchProjects']>): Promise<{ hits: ProjectHit[] }>;
  listBackups(
    req: z.infer<(typeof appRequestSchemas)['listBackups']>,
  ): Promise<{ backups: BackupInfo[]; dataDir: string | null }>;
  restoreBackup(
    req: z.infer<(typeof appRequestSchemas)['restoreBackup']>,
  ): Promise<{ restoredFrom: string; replaced?: { movedAsideAs?: string; backedUpAs?: string } }>;
};
