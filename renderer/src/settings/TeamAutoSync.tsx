// 团队库 without asking: when 设置 names a team server (with 自动同步 on, the default) as the app starts, the app syncs
// then and every 10 minutes — quietly: how it went shows in 设置 → 团队库, and a failure never interrupts work.
// A server first set up in this session is synced from the card until the next start.
import { useEffect } from 'react';
import { api } from '../api.js';

const EVERY_MS = 10 * 60_000;

export function TeamAutoSync(): null {
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const run = () => api.teamSyncNow({}).catch(() => undefined);
    api
      .getSettings({})
      .then(({ settings }) => {
        if (stopped || !settings.teamServer?.auto) return;
        void run();
        timer = setInterval(run, EVERY_MS);
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
    };
  }, []);
  return null;
}
