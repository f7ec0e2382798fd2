// Settings, recent projects and trusted pack signers in the data folder: <dataDir>/settings.json, recent.json and
// trusted-signers.json (the signing key itself is pack-signing-key.pem, core/library/packSigning.ts).
// Calls are queued so a read-modify-write (recording a recent project) never loses a concurrent one.
import { join } from 'node:path';
import type { Project } from '../model/project.js';
import { fileDoc, memoryDoc, type FileNotice, type JsonDoc } from './jsonFile.js';
import {
  assertSnapshot,
  RECENT_FILE_MAX_BYTES,
  recentFileSchema,
  searchRecent,
  summary,
  withRecent,
  type ProjectHit,
  type RecentEntry,
  type RecentFile,
  type RecentSummary,
} from './recent.js';
import { acceptName } from '../text/names.js';
import { settingsSchema, type Settings, type SettingsInput } from './schema.js';
import {
  TRUSTED_SIGNERS_FILE,
  trustedSignersFileSchema,
  withSigner,
  type TrustedSigner,
  type TrustedSignersFile,
} from './trust.js';

export const SETTINGS_FILE = 'settings.json';
export const RECENT_FILE = 'recent.json';

export type SettingsStoreOptions = {
  /** Without one, everything stays in memory. */ dataDir?: string;
  clock?: () => Date;
};

export class SettingsStore {
  private readonly settings: JsonDoc<Settings>;
  private readonly recent: JsonDoc<RecentFile>;
  private readonly trusted: JsonDoc<TrustedSignersFile>;
  private readonly clock: () => Date;
  private queue: Promise<unknown> = Promise.resolve();
  /** Damaged files moved aside since start: reported with every getSettings until the app restarts. */
  private readonly notices: FileNotice[] = [];

  constructor(readonly options: SettingsStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    const { dataDir } = options;
    this.settings = dataDir
      ? fileDoc(join(dataDir, SETTINGS_FILE), settingsSchema, this.clock, { ownerOnly: true })
      : memoryDoc(settingsSchema);
    this.recent = dataDir
      ? fileDoc(join(dataDir, RECENT_FILE), recentFileSchema, this.clock, {
          maxBytes: RECENT_FILE_MAX_BYTES,
          cache: true,
        })
      : memoryDoc(recentFileSchema);
    this.trusted = dataDir
      ? fileDoc(join(dataDir, TRUSTED_SIGNERS_FILE), trustedSignersFileSchema, this.clock)
      : memoryDoc(trustedSignersFileSchema);
  }

  private run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readDoc<T>(doc: JsonDoc<T>): Promise<T> {
    const { value, notices } = await doc.read();
    this.notices.push(...notices);
    return value;
  }

  get(): Promise<{ settings: Settings; notices: FileNotice[] }> {
    return this.run(async () => ({ settings: await this.readDoc(this.settings), notices: [...this.notices] }));
  }

  save(input: SettingsInput): Promise<Settings> {
    return this.run(async () => {
      // The user name is compared with authors and reviewers (four eyes): refused with an invisible character in it.
      if (typeof input.userName === 'string') acceptName(input.userName, 'userName', { max: 50, optional: true });
      const settings = settingsSchema.parse(input);
      await this.settings.write(settings);
      return settings;
    });
  }

  listRecent(): Promise<RecentSummary[]> {
    return this.run(async () => (await this.readDoc(this.recent)).projects.map(summary));
  }

  record(project: Project, path?: string, saved = false): Promise<RecentSummary[]> {
    return this.run(async () => {
      const file = await this.readDoc(this.recent);
      const projects = withRecent(file.projects, project, this.clock().toISOString(), path, saved);
      await this.recent.write({ ...file, projects });
      return projects.map(summary);
    });
  }

  /** The entry, refused ('recent_too_deep', 'recent_too_large') when its snapshot could not travel (a planted file). */
  open(id: string): Promise<RecentEntry | undefined> {
    return this.run(async () => {
      const entry = (await this.readDoc(this.recent)).projects.find((e) => e.id === id);
      if (entry) assertSnapshot(entry.project);
      return entry;
    });
  }

  search(query: string): Promise<ProjectHit[]> {
    return this.run(async () => searchRecent((await this.readDoc(this.recent)).projects, query));
  }

  /** 受信任的签发人 (trust.ts). */
  trustedSigners(): Promise<TrustedSigner[]> {
    return this.run(async () => (await this.readDoc(this.trusted)).signers);
  }

  /** Adds a signer (refused as withSigner says); `reserved`: names taken elsewhere, e.g. this library's own key. */
  addTrustedSigner(
    input: { name: string; publicKey: string },
    fingerprintOf: (publicKey: string) => string,
    reserved: readonly string[] = [],
  ): Promise<TrustedSigner[]> {
    return this.run(async () => {
      const file = await this.readDoc(this.trusted);
      const signer = { ...input, addedAt: this.clock().toISOString() };
      const signers = withSigner(file.signers, signer, fingerprintOf, reserved);
      await this.trusted.write({ ...file, signers });
      return signers;
    });
  }

  /** Removes the signers whose key has this fingerprint; false when there was none. */
  removeTrustedSigner(fingerprint: string, fingerprintOf: (publicKey: string) => string): Promise<boolean> {
    return this.run(async () => {
      const file = await this.readDoc(this.trusted);
      const signers = file.signers.filter((s) => fingerprintOf(s.publicKey) !== fingerprint);
      if (signers.length === file.signers.length) return false;
      await this.trusted.write({ ...file, signers });
      return true;
    });
  }
}
