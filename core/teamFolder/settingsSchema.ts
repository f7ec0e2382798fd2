// 团队库 → 共享文件夹 in 设置: the shared folder (a NAS share, a mounted WebDAV drive) this data folder publishes to
// and pulls from (core/teamFolder). Optional: without it the app never looks at a shared folder. Node-free.
import { z } from 'zod';

export const teamFolderSettingsSchema = z.object({
  /** The folder's full path as this machine sees it (a mounted share, a drive letter or \\NAS\share). */
  path: z.string().trim().min(1, '请填写共享文件夹的路径').max(1000),
});
export type TeamFolderSettings = z.infer<typeof teamFolderSettingsSchema>;
