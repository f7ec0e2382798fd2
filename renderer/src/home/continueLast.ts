// 「继续上次的项目」 (Ctrl+Shift+T in the desktop app): back to the project 编制 holds, else the newest of 最近项目.
import { api } from '../api.js';
import type { ScreenKey } from '../screenProps.js';
import { heldProject, openInComposer } from './handoff.js';

/** Resolves false when there is nothing to continue. */
export async function continueLast(navigate: (s: ScreenKey) => void): Promise<boolean> {
  if (heldProject()) {
    navigate('composer');
    return true;
  }
  const [last] = (await api.listRecentProjects({})).projects;
  if (!last) return false;
  const r = await api.openRecentProject({ id: last.id });
  openInComposer(r.project, r.path, r.saved);
  navigate('composer');
  return true;
}
