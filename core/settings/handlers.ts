// The handlers of 设置 and 首页 (their contract is core/settings/contract.ts): settings, company profile, recent
// projects, search, and the library's backups.
import { readFile, stat } from 'node:fs/promises';
import { writeBackup } from '../library/store/engine/files.js';
import { StoreReadError } from '../library/store/engine/decode.js';
import { decodeStore, listBackups, restoreNewestBackup } from '../library/store/index.js';
import { ApiError } from '../api/envelope.js';
import type { BackupInfo, SettingsHandlers } from './contract.js';
import { PackTrust } from './packTrust.js';
import type { SettingsStore } from './store.js';
import { createTrustHandlers } from './trustContract.js';

export type SettingsDeps = {
  settings: SettingsStore;
  dataDir?: string;
  program?: string;
  clock?: () => Date;
  /** The labels the library gives its variables (服务热线 for hotline): a search hit names where it was found by them. */
  variableLabels?: () => Promise<ReadonlyMap<string, string>>;
};

/** 20260501T083000123Z → 2026-05-01T08:30:00.123Z */
const stampToIso = (s: string) =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;

export function createSettingsHandlers(deps: SettingsDeps): SettingsHandlers {
  const { settings, dataDir } = deps;
  const clock = deps.clock ?? (() => new Date());
  const needData = () => {
    if (!dataDir) throw new ApiError('no_store', '没有数据文件夹，因此没有备份', { why: 'backups' });
    return dataDir;
  };
  return {
    ...createTrustHandlers(new PackTrust(settings, dataDir)),
    async getSettings() {
      const { settings: s, notices } = await settings.get();
      return { settings: s, dataDir: dataDir ?? null, notices };
    },
    async saveSettings({ settings: s }) {
      return { settings: await settings.save(s) };
    },
    async listRecentProjects() {
      return { projects: await settings.listRecent() };
    },
    async recordRecentProject({ project, path, saved }) {
      return { projects: await settings.record(project, path, saved) };
    },
    async openRecentProject({ id }) {
      const e = await settings.open(id);
      if (!e) throw new ApiError('not_found', `最近项目中没有“${id}”`, { why: 'recent', id });
      return { project: e.project, saved: e.saved ?? false, ...(e.path ? { path: e.path } : {}) };
    },
    async searchProjects({ query }) {
      const hits = await settings.search(query);
      const labels = deps.variableLabels ? await deps.variableLabels().catch(() => new Map<string, string>()) : null;
      if (!labels) return { hits };
      // A value's key reads as its label; a key no clause declares stays as the project names it.
      return {
        hits: hits.map((h) => ({ ...h, matches: h.matches.map((m) => ({ ...m, label: labels.get(m.where) })) })),
      };
    },
    async listBackups() {
      if (!dataDir) return { backups: [], dataDir: null };
      const files = (await listBackups(dataDir)).reverse();
      const backups: BackupInfo[] = await Promise.all(
        files.map(async (b) => ({ name: b.name, time: stampToIso(b.stamp), size: (await stat(b.path)).size })),
      );
      return { backups, dataDir };
    },
    async restoreBackup({ name }) {
      const dir = needData();
      const chosen = (await listBackups(dir)).find((b) => b.name === name);
      if (!chosen) throw new ApiError('not_found', `没有名为 ${name} 的备份`, { why: 'backup', name });
      const text = await readFile(chosen.path); // bytes: decodeStore reads them as strict UTF-8
      try {
        decodeStore(text, clock());
      } catch (e) {
        const reasonEn = e instanceof StoreReadError ? e.reasonEn : (e as Error).message;
        throw new ApiError('bad_backup', `备份 ${name} 无法读取，未恢复：${(e as Error).message}`, {
          name,
          reason: (e as Error).message,
          reasonEn,
        });
      }
      // The store restores its newest good backup (under its lock, keeping the current file as a backup):
      // a fresh copy of the chosen one becomes that newest backup. Nothing is pruned.
      const copy = await writeBackup(dir, text, clock(), Number.POSITIVE_INFINITY);
      const report = await restoreNewestBackup({ dataDir: dir, program: deps.program ?? 'app', clock });
      return { ...report, restoredFrom: report.restoredFrom === copy ? name : report.restoredFrom };
    },
  };
}
