// The 共享文件夹 channels over the app's store access and settings; the CLI's `library publish|pull` calls them too.
// One pull or publish at a time (both write this folder's record). No store lock is held while the shared folder is
// read or written: the store is read through snapshots, and each pack lands in one queued write.
import { isAbsolute, resolve } from 'node:path';
import { ApiError } from '../api/envelope.js';
import type { StoreAccess } from '../library/storeAccess.js';
import type { LibraryStore } from '../library/store/store.js';
import { BidForgeError, type Problem } from '../model/problem.js';
import { PackTrust } from '../settings/packTrust.js';
import type { SettingsStore } from '../settings/store.js';
import type {
  TeamFolderHandlers,
  TeamFolderPublishResult,
  TeamFolderPullResult,
  TeamFolderStatus,
} from './contract.js';
import { publish, type TeamFolderStore } from './publish.js';
import { pull } from './pull.js';
import { readFolderState, recordFailure } from './state.js';
import { draftsProblem, folderNotAbsolute, folderNotSet, otherFailure, problem } from './text.js';

export type TeamFolderDeps = {
  access: StoreAccess | null;
  settings: SettingsStore;
  dataDir?: string;
  clock?: () => Date;
};

const NOT_CONFIGURED: TeamFolderStatus = { configured: false, imported: 0, published: 0, drafts: [], issues: [] };

/** Anything a pull or publish threw, as the problem to show (its own when it carries one). */
function problemOfError(e: unknown): Problem {
  if (e instanceof BidForgeError) return e.problems[0] ?? problem(e.code, e.message, {});
  if (e instanceof ApiError) {
    const params = Object.fromEntries(
      Object.entries(e.params).filter((x): x is [string, string | number] =>
        ['string', 'number'].includes(typeof x[1]),
      ),
    );
    return problem(e.code, e.message, params);
  }
  return otherFailure(e instanceof Error ? e.message : String(e));
}

export function createTeamFolderHandlers(deps: TeamFolderDeps): TeamFolderHandlers {
  const { access, settings, dataDir } = deps;
  const clock = deps.clock ?? (() => new Date());
  const trust = new PackTrust(settings, dataDir);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const target = (a: StoreAccess): TeamFolderStore => ({
    snapshot: () => a.read((s) => s.snapshot()),
    exportPack: (...args: Parameters<LibraryStore['exportPack']>) => a.read((s) => s.exportPack(...args)),
    previewImport: (...args: Parameters<LibraryStore['previewImport']>) => a.read((s) => s.previewImport(...args)),
    applyImport: (...args: Parameters<LibraryStore['applyImport']>) => a.write((s) => s.applyImport(...args)),
  });
  const needStore = () => {
    if (!access || !dataDir)
      throw new ApiError('no_store', 'this API runs without a data folder: there is no library to publish or pull');
    return { access, dataDir };
  };

  /** The request's folder, else 设置's; a problem when there is none or it is not a full path. */
  async function folderOf(requested: string | undefined): Promise<string | Problem> {
    const path = requested ?? (await settings.get()).settings.teamFolder?.path;
    if (!path) return folderNotSet();
    return isAbsolute(path) ? resolve(path) : folderNotAbsolute(path);
  }

  async function statusOf(folder: string): Promise<TeamFolderStatus> {
    if (!dataDir) return NOT_CONFIGURED;
    const s = await readFolderState(dataDir, folder);
    return {
      configured: true,
      folder,
      ...(s.lastPullAt ? { lastPullAt: s.lastPullAt } : {}),
      ...(s.lastPublish ? { lastPublish: s.lastPublish } : {}),
      imported: s.files.filter((f) => !f.own).length,
      published: s.files.filter((f) => f.own).length,
      drafts: s.files.flatMap((f) =>
        f.signer && !f.signer.keepsApprovals
          ? [{ name: f.name, at: f.at, problem: draftsProblem(f.name, f.signer) }]
          : [],
      ),
      issues: s.issues,
      ...(s.lastError ? { lastError: s.lastError } : {}),
    };
  }

  /** 设置's folder's status (a path that is not a full path has no record yet: shown as set, nothing done). */
  async function status(): Promise<TeamFolderStatus> {
    const path = (await settings.get()).settings.teamFolder?.path;
    if (!path || !dataDir) return NOT_CONFIGURED;
    return isAbsolute(path) ? statusOf(resolve(path)) : { ...NOT_CONFIGURED, configured: true, folder: path };
  }

  /** A failure: recorded for the folder (when there is one to record it under) and returned with its status. */
  async function failed(folder: string | undefined, action: 'pull' | 'publish', p: Problem) {
    if (folder && dataDir) await recordFailure(dataDir, folder, action, p, clock()).catch(() => undefined);
    return { ...(folder ? await statusOf(folder) : await status()), ok: false, problem: p };
  }

  return {
    teamFolderStatus: () => status(),

    teamFolderPull: ({ folder: requested }) =>
      serial(async (): Promise<TeamFolderPullResult> => {
        const { access: a, dataDir: dir } = needStore();
        const folder = await folderOf(requested);
        if (typeof folder !== 'string')
          return { ...(await failed(undefined, 'pull', folder)), files: [], unchanged: 0 };
        try {
          const r = await pull({
            store: target(a),
            dataDir: dir,
            folder,
            trusted: await trust.trustedKeys(),
            now: clock,
          });
          return {
            ...(await statusOf(folder)),
            ok: true,
            files: r.files,
            unchanged: r.unchanged,
          };
        } catch (e) {
          return { ...(await failed(folder, 'pull', problemOfError(e))), files: [], unchanged: 0 };
        }
      }),

    teamFolderPublish: ({ folder: requested, as }) =>
      serial(async (): Promise<TeamFolderPublishResult> => {
        const { access: a, dataDir: dir } = needStore();
        const none = { clauses: [], blueprints: [] };
        const folder = await folderOf(requested);
        if (typeof folder !== 'string') return { ...(await failed(undefined, 'publish', folder)), ...none };
        try {
          // Packs are signed with this data folder's key, as the one who publishes: 设置's user name (else company).
          const { settings: s } = await settings.get();
          const signer = as ?? (s.userName || s.company.name);
          const key = await trust.signingKey();
          const r = await publish({ store: target(a), dataDir: dir, folder, key, signer, now: clock });
          return {
            ...(await statusOf(folder)),
            ok: true,
            ...(r.file ? { file: r.file } : {}),
            clauses: r.clauses,
            blueprints: r.blueprints,
          };
        } catch (e) {
          return { ...(await failed(folder, 'publish', problemOfError(e))), ...none };
        }
      }),
  };
}
