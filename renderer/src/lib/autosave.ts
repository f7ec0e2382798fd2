// Autosave: the project being edited is kept in the browser's storage (Electron's too) a moment after each change,
// so a crash or a closed tab loses nothing; an explicit save clears it.
export const AUTOSAVE_KEY = 'bidforge.autosave';

export type Autosaved = { text: string; path?: string; savedAt: string };

/** The part of localStorage used here (structural, so tests pass a Map-backed one). */
type Storage = { getItem(k: string): string | null; setItem(k: string, v: string): void; removeItem(k: string): void };

/** Returns false when storage refused (full or unavailable) so the UI can warn once. */
export function writeAutosave(storage: Storage, text: string, path: string | undefined, now: Date): boolean {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ text, path, savedAt: now.toISOString() } satisfies Autosaved));
    return true;
  } catch {
    return false;
  }
}

export function readAutosave(storage: Storage): Autosaved | undefined {
  try {
    const raw = storage.getItem(AUTOSAVE_KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<Autosaved>;
    return typeof v.text === 'string' && typeof v.savedAt === 'string'
      ? { text: v.text, path: typeof v.path === 'string' ? v.path : undefined, savedAt: v.savedAt }
      : undefined;
  } catch {
    return undefined;
  }
}

export function clearAutosave(storage: Storage): void {
  try {
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    /* nothing to clear */
  }
}
