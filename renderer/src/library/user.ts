// Who acts in 条款库: the user name saved in 设置 (the API records the same name, whatever a screen sends), and
// whether 设置 allows single-reviewer approval. Read again whenever the screen comes back into view, since 设置 may
// have changed meanwhile.
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { api } from '../api.js';
import { useOnShown } from '../home/useOnShown.js';

export type LibraryUser = { name: string; singleReviewer: boolean; loaded: boolean };

export function useSettingsUser(root: RefObject<HTMLElement | null>): LibraryUser {
  const [user, setUser] = useState<LibraryUser>({ name: '', singleReviewer: false, loaded: false });
  const load = useCallback(() => {
    api.getSettings({}).then(
      ({ settings }) =>
        setUser({ name: settings.userName.trim(), singleReviewer: settings.singleReviewer, loaded: true }),
      () => setUser((u) => ({ ...u, loaded: true })),
    );
  }, []);
  useEffect(load, [load]);
  useOnShown(root, load);
  return user;
}
