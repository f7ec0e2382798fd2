// How the long-running app uses the clause store: opened on first use (seeded from templates, built-in updates
// merged like a pack), writes one at a time, and the store lock held only while a write runs — so the CLI is never
// locked out for longer than a write, and when it does collide it gets the store's "store is in use by …" message.
import type { LibraryStore } from './store/store.js';
import { builtinPack, openStore } from './store/store.js';
import type { Library } from '../model/library.js';
import { templatesStamp } from './store/builtinsStamp.js';
import { errorText } from '../i18n/errorText.js';

export type StoreAccessOptions = { dataDir: string; templatesDir: string; program: string; clock?: () => Date };

export class StoreAccess {
  private opening: Promise<LibraryStore> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** The built-in clauses that differ from my edited versions, once compared (see builtinState). */
  private conflicts: string[] | undefined;
  /** Why merging the built-ins failed, in Chinese and in English (a store refusal worded by its code). */
  private mergeError: { zh: string; en: string } | undefined;

  constructor(readonly options: StoreAccessOptions) {}

  /** The open store; a failed open (corrupt file, lock held while seeding) is retried on the next call. */
  store(): Promise<LibraryStore> {
    this.opening ??= this.open().catch((e: unknown) => {
      this.opening = undefined;
      throw e;
    });
    return this.opening;
  }

  /**
   * The built-in clauses in conflict with edits made here, and why merging the built-ins failed, if it did. When the
   * open skipped the comparison (built-ins unchanged since the store last took them), it is made now, on request.
   */
  async builtinState(): Promise<{ conflicts: string[]; mergeError?: { zh: string; en: string } }> {
    const store = await this.store();
    if (!this.conflicts && !this.mergeError) {
      const preview = await store.previewImport(await builtinPack(this.options.templatesDir, this.options.clock));
      this.conflicts = preview.items.filter((i) => i.status === 'conflicting').map((i) => i.key);
    }
    return { conflicts: this.conflicts ?? [], ...(this.mergeError ? { mergeError: this.mergeError } : {}) };
  }

  private async open(): Promise<LibraryStore> {
    const { dataDir, templatesDir, program, clock } = this.options;
    const store = await openStore({ dataDir, templatesDir, program, ...(clock ? { clock } : {}) });
    try {
      // Loading and comparing the built-ins costs ~0.2 s of a cold start: only when they changed since the store
      // last took them (its recorded fingerprint), or when there is no fingerprint to go by.
      const stamp = await templatesStamp(templatesDir).catch(() => undefined);
      if (!stamp || (await store.builtinsChecked()) !== stamp) await this.mergeBuiltins(store, stamp);
    } catch (e) {
      // A locked or odd store must not keep the library from opening: reading still works, say why.
      this.mergeError = { zh: errorText(e, 'zh-CN'), en: errorText(e, 'en') };
    } finally {
      await store.releaseLock();
    }
    return store;
  }

  /** Merges the built-in templates only when they bring something, so opening the app writes nothing otherwise. */
  private async mergeBuiltins(store: LibraryStore, stamp: string | undefined): Promise<void> {
    const preview = await store.previewImport(await builtinPack(this.options.templatesDir, this.options.clock));
    const needed = preview.items.some(
      (i) =>
        i.status === 'new' || (i.status === 'conflicting' && (i.kind === 'blueprint' || i.mine?.origin === 'builtin')),
    );
    if (!needed) {
      this.conflicts = preview.items.filter((i) => i.status === 'conflicting').map((i) => i.key);
      // Once per change of the built-ins; only a note for speed, so a store locked by another program is no error.
      if (stamp) await store.markBuiltinsChecked(stamp).catch(() => undefined);
      return;
    }
    const report = await store.mergeBuiltins(this.options.templatesDir);
    this.conflicts = report.conflicts.map((c) => c.key);
  }

  read<T>(fn: (s: LibraryStore) => Promise<T>): Promise<T> {
    return this.store().then(fn);
  }

  /** One write at a time (the store's copy-validate-write must not interleave), the lock released after each. */
  write<T>(fn: (s: LibraryStore) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      const s = await this.store();
      try {
        return await fn(s);
      } finally {
        await s.releaseLock();
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The assembler's library: the latest approved version of each clause, except where the project pins another
   * (live) version — a project keeps the text it was exported with until someone updates its pins.
   */
  async library(projectId?: string): Promise<Library> {
    const s = await this.store();
    const lib = await s.toLibrary();
    const record = projectId ? await s.getProject(projectId) : undefined;
    for (const pin of record?.pins ?? []) {
      const current = lib.clauses.find((c) => c.id === pin.clauseId && c.variant === pin.variant);
      if (current?.version === pin.version) continue;
      const pinned = await s.getVersion(pin).catch(() => undefined);
      if (!pinned || pinned.status === 'retired') continue;
      lib.clauses = [...lib.clauses.filter((c) => !(c.id === pin.clauseId && c.variant === pin.variant)), pinned];
    }
    return lib;
  }

  async close(): Promise<void> {
    const s = await this.opening?.catch(() => undefined);
    await s?.close();
  }
}
