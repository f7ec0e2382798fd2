// The 团队库 channels over the app's store access and settings. A sync holds no store lock while it talks to the
// server: it reads a snapshot, and lands a pull in one queued write (the lock released after it, as every write).
import { ApiError } from '../api/envelope.js';
import type { StoreAccess } from '../library/storeAccess.js';
import type { SettingsStore } from '../settings/store.js';
import type { TeamSyncHandlers, TeamSyncResult, TeamSyncStatus } from './contract.js';
import { readState } from './state.js';
import { pendingProposals, syncLibrary, type SyncTarget } from './sync.js';

export type TeamSyncDeps = { access: StoreAccess | null; settings: SettingsStore; dataDir?: string };

export function createTeamSyncHandlers(deps: TeamSyncDeps): TeamSyncHandlers {
  const { access, settings, dataDir } = deps;
  let running: Promise<TeamSyncResult> | undefined;
  const target = (a: StoreAccess): SyncTarget => ({
    snapshot: () => a.read((s) => s.snapshot()),
    applyTeamSync: (change) => a.write((s) => s.applyTeamSync(change)),
  });

  async function status(): Promise<TeamSyncStatus> {
    const team = (await settings.get()).settings.teamServer;
    if (!team || !access || !dataDir) return { configured: false, pendingPushes: 0, conflicts: [] };
    const url = team.url.replace(/\/+$/, '');
    const state = await readState(dataDir, url);
    const pending = pendingProposals(await access.read((s) => s.snapshot()), state).length;
    return {
      configured: true,
      server: url,
      ...(state.lastPullAt ? { lastPullAt: state.lastPullAt } : {}),
      ...(state.lastPushAt ? { lastPushAt: state.lastPushAt } : {}),
      ...(state.lastError ? { lastError: state.lastError } : {}),
      pendingPushes: pending,
      conflicts: state.conflicts,
    };
  }

  async function syncNow(): Promise<TeamSyncResult> {
    const team = (await settings.get()).settings.teamServer;
    if (!team || !access || !dataDir)
      throw new ApiError('team_not_configured', '尚未设置团队库：请在 设置 → 团队库 中填写服务器地址和令牌');
    const r = await syncLibrary(target(access), { url: team.url, token: team.token, dataDir });
    return { ...(await status()), ok: r.ok, pushed: r.pushed, pulled: r.pulled, added: r.applied.added };
  }

  return {
    teamSyncStatus: () => status(),
    teamSyncNow() {
      // One sync at a time: a second click joins the one under way.
      running ??= syncNow().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
