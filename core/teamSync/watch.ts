// A subscribed data folder: sync now, then wait on the server (a long poll) and sync again as soon as something is
// approved, retired or a blueprint changes. Failures are reported through onReport and retried after a pause;
// nothing here ever blocks the local library.
import type { LibraryStore } from '../library/store/store.js';
import { teamClient } from './client.js';
import { syncLibrary, type SyncOptions, type SyncReport } from './sync.js';

export type WatchOptions = SyncOptions & {
  /** How long one long poll waits on the server (ms). */
  waitMs?: number;
  /** Pause after a failed sync before the next try (ms). */
  retryMs?: number;
  onReport?: (r: SyncReport) => void;
};

export type Watcher = { stop(): Promise<void> };

export function watchLibrary(store: LibraryStore, o: WatchOptions): Watcher {
  const ac = new AbortController();
  const api = teamClient(o);
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      ac.signal.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      });
    });
  const loop = (async () => {
    while (!ac.signal.aborted) {
      const r = await syncLibrary(store, o, api);
      if (ac.signal.aborted) break;
      o.onReport?.(r);
      if (!r.ok) {
        await pause(o.retryMs ?? 5000);
        continue;
      }
      try {
        await api.pull(r.cursor, 1, o.waitMs ?? 25_000, ac.signal);
      } catch {
        if (!ac.signal.aborted) await pause(o.retryMs ?? 5000);
      }
    }
  })();
  return {
    async stop() {
      ac.abort();
      await loop;
    },
  };
}
