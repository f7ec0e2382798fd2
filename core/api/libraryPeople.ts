// Who acts in the clause library: the shell's user (the CLI's --as) or 设置's user name, never a name a client sends
// when either is known — so the four-eyes rule cannot be dodged by typing another name into a request.
import type { SettingsStore } from '../settings/store.js';
import { ApiError } from './envelope.js';
import type { LibraryPeople } from './libraryHandlers.js';

export function libraryPeople(settings: SettingsStore, actingUser?: string): LibraryPeople {
  return {
    async actor(by) {
      const name = actingUser?.trim() || (await settings.get()).settings.userName.trim() || by?.trim();
      if (!name) throw new ApiError('no_user', '请先在 设置 中填写姓名（命令行用 --as 姓名）', { option: '--as' });
      return name;
    },
    singleReviewer: async () => (await settings.get()).settings.singleReviewer,
  };
}
