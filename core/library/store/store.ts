/**
 * The clause library store: a lowdb JSON file in the data folder, with versions, approval, variants, search,
 * freshness, where-used and packs. Everything is injected (data folder, templates folder, clock, process identity):
 * no globals, so the app, the host and the CLI each open their own store on their own folder.
 *
 * Data folder layout
 *   <dataDir>/library.json                  the store: {schemaVersion, clauses, blueprints, projects} (schema.ts)
 *   <dataDir>/library.lock                  present while a program may write: {pid, host, program, since, token}
 *   <dataDir>/backups/library-<time>.json   a copy of each state written; the newest 10 are kept
 *   <dataDir>/backups/library-v<n>-premigration-<time>.json   the file as it was before a migration (never pruned)
 *   <dataDir>/library.corrupt-<time>.json   a file that failed to parse or validate, moved aside (never deleted)
 *   (<time> is UTC like 20260501T083000123Z; a "-2", "-3"… suffix keeps names unique)
 *
 * library.json
 *   clauses[]  {id, category, title, tags, docTypes, owner, reviewIntervalMonths, lastReviewedAt,
 *               variants[] {name, versions[] {version, body, variables, status, author, reviewer?, createdAt,
 *                                             decidedAt?, changeNote, rejectReason?, origin}}}
 *              Versions are numbered 1, 2, 3… per variant. Body and variables never change once written; only the
 *              workflow fields (status, reviewer, decidedAt, rejectReason) move: draft → in_review → approved →
 *              retired, and in_review → draft on rejection. origin = builtin | user | pack (for built-in merges).
 *   blueprints[]  model Blueprint + origin.
 *   projects[] {projectId, name, lastUsedAt, pins[] {clauseId, variant, version, pinnedAt}}: where-used and usage.
 *
 * Writes: every change runs on a copy of the data, is validated as a whole, then written by atomicWrite (temp file,
 * fsync, rename, fsync folder) and copied to backups/. The first write takes library.lock and keeps it until
 * close(); a second writer gets BidForgeError 'store_locked' ("store is in use by app (pid 4242) since …"). A lock
 * whose process is dead (same host), or that was taken before the host last booted, is stale and taken over. Before each read or write the file's text is compared with
 * the text last read or written, and the data re-read if another program changed it. A file that fails to parse or validate is moved aside
 * and reported ('store_corrupt'); restoreNewestBackup() brings back the newest good backup. While library.json is
 * missing but backups or moved-aside files exist, opening fails with 'store_missing' unless startFresh is set, so a
 * lost library is never silently replaced by a new one. Nothing is overwritten unseen, and nothing is deleted but
 * backups beyond the newest 10.
 */
import { hostname } from 'node:os';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { z } from 'zod';
import { DOC_TYPES, whenSchema, type Blueprint, type ClauseVersion, type DocType, type Library, type When } from '../../model/library.js';
import { BidForgeError } from '../../model/problem.js';
import { TemplateError, validateTemplate } from '../../assemble/template.js';
import { variableSchema, type VariableDecl } from '../../model/variables.js';
import { zodMessage } from '../../model/zodMessage.js';
import { loadTemplates } from '../loadTemplates.js';
import { diffStats, diffText, type DiffGranularity, type DiffSegment } from './diff.js';
import { InvalidStoreError, StoreEncoder } from './encode.js';
import {
  atomicWrite,
  copyToBackups,
  DEFAULT_BACKUPS_KEPT,
  exists,
  fileKey,
  fsProblem,
  keepCopy,
  listBackups,
  LOCK_FILE,
  moveAside,
  readTextAndKey,
  readTextOrNull,
  STORE_FILE,
  sweepTemps,
  writeBackup,
} from './files.js';
import { hostBootedAt, pidIsAlive, readLock, StoreLock, type LockInfo, type ProcessIdentity } from './lock.js';
import { applyPayload, builtinPayload, classifyPayload, RESOLUTIONS, type ImportPreview, type MergeReport, type Resolution } from './merge.js';
import { assertImportable, makePack, parsePack, type BidForgePack, type PackClause } from './pack.js';
import {
  clauseIdSchema,
  emptyStore,
  migrate,
  MigrationError,
  STORE_SCHEMA_VERSION,
  storeDataSchema,
  storedBlueprintSchema,
  VERSION_STATUSES,
  type Pin,
  type ProjectRecord,
  type StoreData,
  type StoredBlueprint,
  type StoredClause,
  type StoredVariant,
  type StoredVersion,
  type VersionStatus,
} from './schema.js';
import { ClauseIndex, type SearchDoc } from './search.js';
import type { VersionRef, ClauseSummary, HistoryEntry, VersionDiff, SearchHit, FreshnessState, FreshnessItem, UsageItem, ProjectUse, OutdatedPin } from './results.js';
export type { VersionRef, ClauseSummary, HistoryEntry, VersionDiff, SearchHit, FreshnessState, FreshnessItem, UsageItem, ProjectUse, OutdatedPin } from './results.js';

// ---------------------------------------------------------------------------------------------------------------
// Public types

export type StoreOptions = {
  /** The data folder (Electron userData, or --data DIR). Created if missing. */
  dataDir: string;
  /** Shown to a second writer: "app", "CLI", "host". */
  program: string;
  /** The built-in library; a new store is seeded from it. Without it a new store starts empty. */
  templatesDir?: string;
  clock?: () => Date;
  /** Defaults to this process (pid, os.hostname(), kill(pid, 0)); tests may pretend to be another process. */
  identity?: Partial<Omit<ProcessIdentity, 'program'>>;
  backupsKept?: number;
  /**
   * When library.json is missing but the folder has backups or files moved aside, opening fails with
   * 'store_missing' (so a lost library is never silently replaced by a fresh one) unless this is true.
   */
  startFresh?: boolean;
};

export type OpenReport = {
  /** A new library.json was written (seeded from templatesDir when given). */
  created: boolean;
  seeded?: MergeReport;
  /** The schema version the file had, when it was migrated on open. */
  migratedFrom?: number;
  /** backups/ name of the file as it was before migration. */
  preMigrationCopy?: string;
};


export type NewClause = {
  id: string;
  category: string;
  title: string;
  tags?: string[];
  docTypes: DocType[];
  owner?: string;
  reviewIntervalMonths?: number;
  variant?: string;
  body: string;
  variables?: VariableDecl[];
  changeNote?: string;
  /** Include the clause only when this holds. */
  when?: When;
};

export type VersionInput = {
  body: string;
  variables?: VariableDecl[];
  changeNote?: string;
  when?: When;
};

export type EditInput = {
  /** Defaults to the latest version's body. */
  body?: string;
  /** Defaults to the latest version's variables. */
  variables?: VariableDecl[];
  changeNote: string;
  /** The latest version the editor saw; when given and no longer the latest, the edit fails with 'stale_edit'. */
  baseVersion?: number;
  /** Start from this (older) version: body, variables and condition default to it instead of the latest. */
  fromVersion?: number;
  /** Defaults to the starting version's condition; null removes it. */
  when?: When | null;
};

export type ClauseMetaPatch = Partial<Pick<StoredClause, 'category' | 'title' | 'tags' | 'docTypes' | 'owner' | 'reviewIntervalMonths'>>;

export type ClauseFilter = {
  category?: string;
  /** Variants having at least one version in this status (e.g. in_review: waiting for approval). */
  status?: VersionStatus;
  tag?: string;
  docType?: DocType;
  owner?: string;
};

export type PinInput = { clauseId: string; variant: string; version?: number };

export type ExportRequest = {
  clauseIds: string[];
  blueprintIds: string[];
  /** Export the latest version even when it is not approved (default: the latest approved version of each variant). */
  includeUnapproved?: boolean;
};

export type ImportResolutions = Record<string, Resolution>;

export type RestoreReport = { restoredFrom: string; replaced?: { movedAsideAs?: string; backedUpAs?: string } };

// ---------------------------------------------------------------------------------------------------------------
// Reading the file

class StoreReadError extends Error {
  constructor(
    readonly kind: 'corrupt' | 'too_new',
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Parses, migrates and validates the text of library.json; throws StoreReadError with a plain reason. */
export function decodeStore(text: string, now: Date): { data: StoreData; from: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new StoreReadError('corrupt', `it is not valid JSON (${(e as Error).message})`);
  }
  let migrated: { data: unknown; from: number };
  try {
    migrated = migrate(raw, now);
  } catch (e) {
    if (e instanceof MigrationError) throw new StoreReadError(e.kind === 'too_new' ? 'too_new' : 'corrupt', e.message);
    throw new StoreReadError('corrupt', `migration failed (${(e as Error).message})`);
  }
  const parsed = storeDataSchema.safeParse(migrated.data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = zodMessage({ ...parsed.error, issues: issues.slice(0, 5) } as z.ZodError);
    throw new StoreReadError('corrupt', `it does not match the library schema: ${shown}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`);
  }
  return { data: parsed.data, from: migrated.from };
}

/** Search answers with the best hits only: a person reads the first page, not ten thousand rows. */
export const SEARCH_LIMIT = 200;

/** lowdb adapter: validated reads, atomic writes, a backup of each state written. */
class LibraryFile implements Adapter<StoreData> {
  existed = false;
  /** Serializes on write, validating only the records that changed since the last read or write (encode.ts). */
  readonly encoder = new StoreEncoder();
  migratedFrom = STORE_SCHEMA_VERSION;
  /** The text last read or written: another program changed the file when it differs. */
  lastText: string | null = null;
  /** Identity of the file last read or written. Every write is a rename of a new file, so a new inode means a change. */
  lastStat: string | null = null;

  async statKey(): Promise<string | null> {
    const st = await stat(this.path).catch(() => null);
    return st ? fileKey(st) : null;
  }

  constructor(
    readonly dataDir: string,
    private readonly clock: () => Date,
    private readonly keep: number,
  ) {}

  get path(): string {
    return join(this.dataDir, STORE_FILE);
  }

  async read(): Promise<StoreData | null> {
    const file = await readTextAndKey(this.path);
    this.existed = file !== null;
    if (file === null) return null;
    const { data, from } = decodeStore(file.text, this.clock());
    this.encoder.reset();
    this.migratedFrom = from;
    this.lastText = file.text;
    this.lastStat = file.key; // the key of the very text read, never of a newer file renamed in since
    return data;
  }

  /** Throws InvalidStoreError (nothing written), 'store_write_failed' (file left as it was) or 'backup_failed' (saved). */
  async write(data: StoreData): Promise<void> {
    const { text, accept } = this.encoder.encode(data);
    try {
      await atomicWrite(this.path, text);
    } catch (e) {
      throw new BidForgeError('store_write_failed', `the library could not be saved in ${this.dataDir}: ${fsProblem(e)}. ${STORE_FILE} was left as it was; the change was not saved.`, [
        { severity: 'error', code: 'store_write_failed', message: fsProblem(e), file: this.path },
      ]);
    }
    accept();
    this.lastText = text;
    this.lastStat = await this.statKey();
    try {
      await copyToBackups(this.dataDir, this.path, this.clock(), this.keep);
    } catch (e) {
      throw new BidForgeError('backup_failed', `the change was saved to ${STORE_FILE}, but its backup copy in ${this.dataDir}/backups could not be written: ${fsProblem(e)}`);
    }
  }
}

function identityOf(opts: StoreOptions): ProcessIdentity {
  return {
    pid: opts.identity?.pid ?? process.pid,
    host: opts.identity?.host ?? hostname(),
    isAlive: opts.identity?.isAlive ?? pidIsAlive,
    bootedAt: opts.identity?.bootedAt ?? hostBootedAt(),
    program: opts.program,
  };
}

async function readFailure(e: unknown, dataDir: string, now: Date): Promise<unknown> {
  if (!(e instanceof StoreReadError)) return e;
  if (e.kind === 'too_new')
    return new BidForgeError('store_too_new', `${STORE_FILE} cannot be opened: ${e.reason}. Update BidForge; the file was left as it is.`);
  const aside = await moveAside(dataDir, now);
  const backups = await listBackups(dataDir);
  return new BidForgeError(
    'store_corrupt',
    `${STORE_FILE} could not be read: ${e.reason}. It was moved aside as ${aside} (nothing was deleted). ` +
      (backups.length
        ? `${backups.length} backup(s) exist; restore the newest good one (restoreNewestBackup), or open with startFresh to begin a new library.`
        : 'There is no backup; repair the file by hand, or open with startFresh to begin a new library.'),
    [{ severity: 'error', code: 'store_corrupt', message: e.reason, file: aside }],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers on plain data

const notFound = (what: string) => new BidForgeError('not_found', what);
const badRequest = (what: string) => new BidForgeError('bad_request', what);
const refText = (r: VersionRef) => `${r.clauseId}/${r.variant} v${r.version}`;

function clauseOf(d: StoreData, id: string): StoredClause {
  const c = d.clauses.find((x) => x.id === id);
  if (!c) throw notFound(`no clause ${id}`);
  return c;
}
function variantOf(d: StoreData, id: string, variant: string): StoredVariant {
  const v = clauseOf(d, id).variants.find((x) => x.name === variant);
  if (!v) throw notFound(`clause ${id} has no variant ${variant}`);
  return v;
}
function versionOf(d: StoreData, r: VersionRef): StoredVersion {
  const v = variantOf(d, r.clauseId, r.variant).versions[r.version - 1];
  if (!v) throw notFound(`no version ${r.version} of ${r.clauseId}/${r.variant}`);
  return v;
}
const latestOf = (v: StoredVariant) => v.versions[v.versions.length - 1]!;
const latestApprovedOf = (v: StoredVariant) => [...v.versions].reverse().find((x) => x.status === 'approved');
const latestLiveOf = (v: StoredVariant) => [...v.versions].reverse().find((x) => x.status !== 'retired') ?? latestOf(v);

function toClauseVersion(c: StoredClause, variant: string, v: StoredVersion): ClauseVersion {
  return {
    id: c.id,
    category: c.category,
    title: c.title,
    tags: [...c.tags],
    docTypes: [...c.docTypes],
    variant,
    version: v.version,
    status: v.status,
    author: v.author,
    changeNote: v.changeNote,
    variables: structuredClone(v.variables),
    body: v.body,
    owner: c.owner,
    reviewIntervalMonths: c.reviewIntervalMonths,
    ...(v.when ? { when: structuredClone(v.when) } : {}),
  };
}

const STATUS_LABEL: Record<VersionStatus, string> = { draft: 'a draft', in_review: 'in review', approved: 'approved', retired: 'retired' };

function transition(v: StoredVersion, r: VersionRef, to: string, allowed: VersionStatus[]): void {
  if (!allowed.includes(v.status))
    throw new BidForgeError('bad_transition', `cannot ${to} ${refText(r)}: it is ${STATUS_LABEL[v.status]} (only ${allowed.map((s) => STATUS_LABEL[s]).join(' or ')} can be)`);
}

const actorSchema = z.string().trim().min(1, 'say who does this');
function actor(by: string): string {
  const r = actorSchema.safeParse(by);
  if (!r.success) throw badRequest('an author or reviewer name is required');
  return r.data;
}

function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (!r.success) throw badRequest(`${what}: ${zodMessage(r.error)}`);
  return r.data;
}

const variablesSchema = z.array(variableSchema).refine((vs) => new Set(vs.map((v) => v.key)).size === vs.length, 'a variable key is declared twice');
export const newClauseSchema = z.object({
  id: clauseIdSchema,
  category: z.string().trim().min(1),
  title: z.string().trim().min(1),
  tags: z.array(z.string()).default([]),
  docTypes: z.array(z.enum(DOC_TYPES)).min(1),
  owner: z.string().optional(),
  reviewIntervalMonths: z.number().int().min(1).max(120).default(12),
  variant: z.string().trim().min(1).default('标准'),
  body: z.string().min(1, 'the body is empty'),
  variables: variablesSchema.default([]),
  changeNote: z.string().default('新建'),
  when: whenSchema.optional(),
});
export const versionInputSchema = z.object({ body: z.string().min(1, 'the body is empty'), variables: variablesSchema.default([]), changeNote: z.string().default(''), when: whenSchema.optional() });
export const editSchema = z.object({
  body: z.string().min(1, 'the body is empty').optional(),
  variables: variablesSchema.optional(),
  changeNote: z.string(),
  baseVersion: z.number().int().positive().optional(),
  fromVersion: z.number().int().positive().optional(),
  when: whenSchema.nullable().optional(),
});
export const metaPatchSchema = z.object({
  category: z.string().trim().min(1).optional(),
  title: z.string().trim().min(1).optional(),
  tags: z.array(z.string()).optional(),
  docTypes: z.array(z.enum(DOC_TYPES)).min(1).optional(),
  owner: z.string().optional(),
  reviewIntervalMonths: z.number().int().min(1).max(120).optional(),
});

export const versionRefSchema = z.object({ clauseId: z.string().min(1), variant: z.string().min(1), version: z.number().int().positive() });
export const clauseFilterSchema = z.object({
  category: z.string().optional(),
  status: z.enum(VERSION_STATUSES).optional(),
  tag: z.string().optional(),
  docType: z.enum(DOC_TYPES).optional(),
  owner: z.string().optional(),
});
export const resolutionsSchema = z.record(z.string(), z.enum(RESOLUTIONS));

/** Calendar months, clamped to the month's end (31 Aug + 6 months = 28/29 Feb). UTC. */
export function addMonths(t: Date, months: number): Date {
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(t.getUTCDate(), last), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), t.getUTCMilliseconds()));
}

const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------------------------
// The store

export async function openStore(options: StoreOptions): Promise<LibraryStore> {
  const clock = options.clock ?? (() => new Date());
  await mkdir(options.dataDir, { recursive: true });
  const file = new LibraryFile(options.dataDir, clock, options.backupsKept ?? DEFAULT_BACKUPS_KEPT);
  const lock = new StoreLock(join(options.dataDir, LOCK_FILE), identityOf(options), clock);
  const store = new LibraryStore(file, lock, clock, options);
  await store.init();
  return store;
}

export class LibraryStore {
  private readonly db: Low<StoreData>;
  private rev = 0;
  private index: { rev: number; index: ClauseIndex } | undefined;
  private closed = false;
  openReport: OpenReport = { created: false };

  /** Use openStore(). */
  constructor(
    private readonly file: LibraryFile,
    private readonly lock: StoreLock,
    private readonly clock: () => Date,
    private readonly options: StoreOptions,
  ) {
    this.db = new Low<StoreData>(file, emptyStore());
  }

  get path(): string {
    return this.file.path;
  }
  get dataDir(): string {
    return this.options.dataDir;
  }
  get holdsLock(): boolean {
    return this.lock.held;
  }

  /** @internal Called once by openStore. */
  async init(): Promise<void> {
    await this.load();
    if (!this.file.existed) {
      const leftovers = await this.leftovers();
      if (leftovers.length && !this.options.startFresh)
        throw new BidForgeError(
          'store_missing',
          `${STORE_FILE} is missing, but this data folder has ${leftovers.join(' and ')}. Restore the newest good backup (restoreNewestBackup), or open with startFresh to begin a new library (nothing is deleted).`,
        );
      await this.lock.acquire();
      // Someone may have created it between our read and our lock.
      if (await exists(this.path)) {
        await this.load();
        return;
      }
      const data = emptyStore();
      let seeded: MergeReport | undefined;
      if (this.options.templatesDir) {
        const lib = await loadTemplates(this.options.templatesDir);
        seeded = applyPayload(data, builtinPayload(lib, this.clock()), { now: this.clock(), origin: 'builtin', decide: () => ({ conflict: true }) });
      }
      await this.commit(parseInput(storeDataSchema, data, 'the seeded library'));
      this.openReport = seeded ? { created: true, seeded } : { created: true };
      return;
    }
    if (this.file.migratedFrom < STORE_SCHEMA_VERSION) {
      const from = this.file.migratedFrom;
      await this.lock.acquire();
      const copy = await keepCopy(this.dataDir, this.path, `library-v${from}-premigration-`, this.clock());
      await this.commit(this.db.data);
      this.openReport = { created: false, migratedFrom: from, preMigrationCopy: copy };
    }
  }

  private async leftovers(): Promise<string[]> {
    const out: string[] = [];
    const backups = await listBackups(this.dataDir);
    if (backups.length) out.push(`${backups.length} backup(s) (newest ${backups[backups.length - 1]!.name})`);
    const aside = (await readdir(this.dataDir)).filter((f) => /^library\.(corrupt|replaced)-.*\.json$/.test(f));
    if (aside.length) out.push(`${aside.length} file(s) moved aside (${aside.join(', ')})`);
    return out;
  }

  private async load(): Promise<void> {
    try {
      await this.db.read();
    } catch (e) {
      throw await readFailure(e, this.dataDir, this.clock());
    }
    this.rev++;
  }

  /** Re-reads the file when another program changed it since we last saw it. */
  private async refresh(): Promise<void> {
    if (this.closed) throw new BidForgeError('store_closed', 'the library store was closed');
    // Same inode, size and mtime: nobody replaced the file (writers always rename a new file in). Otherwise compare
    // the text, which is exact even when a fast second write leaves size and mtime unchanged.
    const key = await this.file.statKey();
    if (key !== null && key === this.file.lastStat) return;
    const now = await readTextAndKey(this.path);
    if (now === null) return; // gone (moved aside): the next write puts it back
    if (now.text === this.file.lastText) {
      this.file.lastStat = now.key; // the same content under a new name: remember it, skip re-reading next time
      return;
    }
    await this.load();
  }

  /** The state last read or written: what memory goes back to when a change fails. */
  private lastGood(): StoreData {
    return this.file.lastText === null ? emptyStore() : decodeStore(this.file.lastText, this.clock()).data;
  }

  /** Writes `data` as the new state. When the write fails, memory goes back to the last state read or written. */
  private async commit(data: StoreData): Promise<void> {
    this.db.data = data;
    // Bumped before the write too: a search index built from a change in flight must not outlive its rollback.
    this.rev++;
    try {
      await this.db.write();
    } catch (e) {
      if (e instanceof BidForgeError && e.code === 'backup_failed') throw e; // saved; only the backup copy is missing
      this.db.data = this.lastGood();
      this.rev++;
      if (e instanceof InvalidStoreError) throw new BidForgeError('invalid_change', `the change would leave the library invalid: ${zodMessage(e.error)}`);
      throw e;
    }
    this.rev++;
  }

  /** Saves of this process, one after another: each changes the live data, so they must never interleave. */
  private writing: Promise<unknown> = Promise.resolve();

  /**
   * Runs `change` on the data, validates the changed records, writes it. A thrown error changes nothing.
   * Why in place and not on a copy: a deep copy of 10,000 clauses took ~100 ms per save. Safety is kept by rolling
   * back instead: on any failure memory is decoded again from the text last read or written (the slow path, only on
   * errors), and nothing reaches the disk unless the whole change validated.
   */
  private async mutate<T>(change: (d: StoreData, now: Date) => T): Promise<T> {
    if (this.closed) throw new BidForgeError('store_closed', 'the library store was closed');
    const run = this.writing.then(async () => {
      if (!this.lock.held) {
        await this.lock.acquire();
        await sweepTemps(this.dataDir); // leftovers of a program killed while saving
      }
      await this.refresh();
      if (!this.file.encoder.primed) this.file.encoder.prime(this.db.data);
      const data = this.db.data;
      let result: T;
      try {
        result = change(data, this.clock());
      } catch (e) {
        this.db.data = this.lastGood();
        this.rev++;
        throw e;
      }
      await this.commit(data);
      return structuredClone(result);
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async view(): Promise<StoreData> {
    await this.writing; // a read waits for this process's save in flight: it sees the change saved or rolled back
    await this.refresh();
    return this.db.data;
  }

  /** Releases the lock. The store can't be used afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    await this.lock.release();
  }

  /**
   * Lets go of library.lock but keeps the store open; the next write takes it again. A long-running app calls this
   * after each write so the CLI is locked out only while a write is under way.
   */
  async releaseLock(): Promise<void> {
    await this.writing; // never in the middle of a save of ours
    await this.lock.release();
  }

  /** Who holds library.lock now, if anyone. */
  async lockHolder(): Promise<LockInfo | null> {
    const l = await readLock(join(this.dataDir, LOCK_FILE));
    return l === 'unreadable' ? null : l;
  }

  /** A snapshot of all data (a copy). */
  async snapshot(): Promise<StoreData> {
    return structuredClone(await this.view());
  }

  // ----- clauses and versions ---------------------------------------------------------------------------------

  /** A new clause with one variant and its version 1 as a draft. */
  async createClause(input: NewClause, by: string): Promise<VersionRef> {
    const who = actor(by);
    const c = parseInput(newClauseSchema, input, 'new clause');
    return this.mutate((d, now) => {
      if (d.clauses.some((x) => x.id === c.id)) throw new BidForgeError('clause_exists', `a clause with id ${c.id} already exists`);
      const t = now.toISOString();
      d.clauses.push({
        id: c.id,
        category: c.category,
        title: c.title,
        tags: c.tags,
        docTypes: c.docTypes,
        owner: c.owner ?? who,
        reviewIntervalMonths: c.reviewIntervalMonths,
        lastReviewedAt: t,
        variants: [{ name: c.variant, versions: [{ version: 1, body: c.body, variables: c.variables, status: 'draft', author: who, createdAt: t, changeNote: c.changeNote, origin: 'user', ...(c.when ? { when: c.when } : {}) }] }],
      });
      return { clauseId: c.id, variant: c.variant, version: 1 };
    });
  }

  /** A new variant of a clause (e.g. 政府采购版), version 1 as a draft. */
  async addVariant(clauseId: string, name: string, input: VersionInput, by: string): Promise<VersionRef> {
    const who = actor(by);
    const v = parseInput(versionInputSchema, input, 'new variant');
    const variant = parseInput(z.string().trim().min(1, 'a variant needs a name'), name, 'variant name');
    return this.mutate((d, now) => {
      const c = clauseOf(d, clauseId);
      if (c.variants.some((x) => x.name === variant)) throw new BidForgeError('variant_exists', `clause ${clauseId} already has a variant ${variant}`);
      c.variants.push({
        name: variant,
        versions: [{ version: 1, body: v.body, variables: v.variables, status: 'draft', author: who, createdAt: now.toISOString(), changeNote: v.changeNote || '新建变体', origin: 'user', ...(v.when ? { when: v.when } : {}) }],
      });
      return { clauseId, variant, version: 1 };
    });
  }

  /** Always a new draft version after the latest, from the latest or from `fromVersion`; no existing version is changed. */
  async editVariant(clauseId: string, variant: string, input: EditInput, by: string): Promise<VersionRef> {
    const who = actor(by);
    const e = parseInput(editSchema, input, 'edit');
    return this.mutate((d, now) => {
      const v = variantOf(d, clauseId, variant);
      const latest = latestOf(v);
      if (e.baseVersion !== undefined && e.baseVersion !== latest.version)
        throw new BidForgeError('stale_edit', `${clauseId}/${variant} changed meanwhile: the editor saw v${e.baseVersion}, the latest is v${latest.version}`);
      const start = e.fromVersion === undefined ? latest : versionOf(d, { clauseId, variant, version: e.fromVersion });
      const when = e.when === null ? undefined : (e.when ?? (start.when && structuredClone(start.when)));
      const n = v.versions.length + 1;
      v.versions.push({
        version: n,
        body: e.body ?? start.body,
        variables: e.variables ?? structuredClone(start.variables),
        status: 'draft',
        author: who,
        createdAt: now.toISOString(),
        changeNote: e.changeNote,
        origin: 'user',
        ...(when ? { when } : {}),
      });
      return { clauseId, variant, version: n };
    });
  }

  /** draft → in_review; refused ('bad_template') while the body would not render. */
  async submit(ref: VersionRef, by: string): Promise<void> {
    actor(by);
    await this.mutate((d) => {
      const v = versionOf(d, ref);
      transition(v, ref, 'submit', ['draft']);
      this.assertRenderable(v, ref, 'submit');
      v.status = 'in_review';
    });
  }

  /**
   * in_review → approved; records the reviewer (who may be the author) and counts as a review of the clause.
   * Refused ('bad_template') while the body would not render (e.g. a version put in review before this check).
   */
  async approve(ref: VersionRef, reviewer: string): Promise<void> {
    const who = actor(reviewer);
    await this.mutate((d, now) => {
      const v = versionOf(d, ref);
      transition(v, ref, 'approve', ['in_review']);
      this.assertRenderable(v, ref, 'approve');
      v.status = 'approved';
      v.reviewer = who;
      v.decidedAt = now.toISOString();
      clauseOf(d, ref.clauseId).lastReviewedAt = v.decidedAt;
    });
  }

  /**
   * A draft may hold anything, so typed work is never lost (the editor shows the render error live); a version goes
   * to review or into use only with a body the renderer accepts: no forbidden construct (the same rule packs are
   * refused for), no syntax error, not over-long. Throws before anything changes.
   */
  private assertRenderable(v: StoredVersion, ref: VersionRef, action: 'submit' | 'approve'): void {
    try {
      validateTemplate(v.body);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      const what = action === 'submit' ? '提交审核' : '批准';
      const next = action === 'submit' ? '草稿已保存，请在编辑器中改正后再提交。' : '请退回该版本，改正后重新提交审核。';
      throw new BidForgeError('bad_template', `条款 ${ref.clauseId}/${ref.variant} 第 ${ref.version} 版不能${what}：${e.message}。${next}`, [
        { severity: 'error', code: 'bad_template', message: e.message, clause: ref.clauseId },
      ]);
    }
  }

  /** in_review → draft, with the reason kept on the version. */
  async reject(ref: VersionRef, reviewer: string, reason: string): Promise<void> {
    const who = actor(reviewer);
    const why = parseInput(z.string().trim().min(1, 'say why'), reason, 'reason for rejection');
    await this.mutate((d, now) => {
      const v = versionOf(d, ref);
      transition(v, ref, 'reject', ['in_review']);
      v.status = 'draft';
      v.reviewer = who;
      v.decidedAt = now.toISOString();
      v.rejectReason = why;
    });
  }

  /**
   * Retires one version, or every live version of a variant (no version given), or of the whole clause (no variant).
   * Retired versions stay in history and in projects that pin them; new documents don't use them.
   */
  async retire(target: { clauseId: string; variant?: string; version?: number }, by: string): Promise<VersionRef[]> {
    const who = actor(by);
    return this.mutate((d, now) => {
      const c = clauseOf(d, target.clauseId);
      const retired: VersionRef[] = [];
      const t = now.toISOString();
      if (target.variant !== undefined && target.version !== undefined) {
        const ref = { clauseId: c.id, variant: target.variant, version: target.version };
        const v = versionOf(d, ref);
        transition(v, ref, 'retire', ['draft', 'in_review', 'approved']);
        Object.assign(v, { status: 'retired', decidedAt: t, reviewer: who });
        return [ref];
      }
      const variants = target.variant === undefined ? c.variants : [variantOf(d, c.id, target.variant)];
      for (const variant of variants)
        for (const v of variant.versions)
          if (v.status !== 'retired') {
            Object.assign(v, { status: 'retired', decidedAt: t, reviewer: who });
            retired.push({ clauseId: c.id, variant: variant.name, version: v.version });
          }
      if (!retired.length) throw new BidForgeError('bad_transition', `nothing to retire: ${target.clauseId}${target.variant ? '/' + target.variant : ''} is already retired`);
      return retired;
    });
  }

  /** Category, title, tags, document types, owner, review interval: not versioned. */
  async updateClauseMeta(clauseId: string, patch: ClauseMetaPatch, by: string): Promise<void> {
    actor(by);
    const p = parseInput(metaPatchSchema, patch, 'clause details');
    await this.mutate((d) => {
      const c = clauseOf(d, clauseId);
      for (const [k, v] of Object.entries(p)) if (v !== undefined) (c as Record<string, unknown>)[k] = v;
    });
  }

  /** The owner confirms the clause is still right: restarts its review interval. */
  async markReviewed(clauseId: string, by: string): Promise<void> {
    actor(by);
    await this.mutate((d, now) => {
      clauseOf(d, clauseId).lastReviewedAt = now.toISOString();
    });
  }

  /** A copy under a new id: the latest live version of each variant becomes version 1, a draft by `by`. */
  async duplicateClause(clauseId: string, newId: string, by: string, overrides: { title?: string } = {}): Promise<string> {
    const who = actor(by);
    const id = parseInput(clauseIdSchema, newId, 'new clause id');
    return this.mutate((d, now) => {
      const src = clauseOf(d, clauseId);
      if (d.clauses.some((x) => x.id === id)) throw new BidForgeError('clause_exists', `a clause with id ${id} already exists`);
      const t = now.toISOString();
      d.clauses.push({
        ...structuredClone(src),
        id,
        title: overrides.title ?? `${src.title}（副本）`,
        owner: who,
        lastReviewedAt: t,
        variants: src.variants.map((v) => {
          const from = latestLiveOf(v);
          return {
            name: v.name,
            versions: [
              {
                version: 1,
                body: from.body,
                variables: structuredClone(from.variables),
                status: 'draft',
                author: who,
                createdAt: t,
                changeNote: `复制自 ${src.id}/${v.name} v${from.version}`,
                origin: 'user',
                ...(from.when ? { when: structuredClone(from.when) } : {}),
              },
            ],
          };
        }),
      });
      return id;
    });
  }

  // ----- reading ----------------------------------------------------------------------------------------------

  async getClause(clauseId: string): Promise<StoredClause | undefined> {
    const c = (await this.view()).clauses.find((x) => x.id === clauseId);
    return c && structuredClone(c);
  }

  /** One version in the shape the assembler uses. */
  async getVersion(ref: VersionRef): Promise<ClauseVersion> {
    const d = await this.view();
    return toClauseVersion(clauseOf(d, ref.clauseId), ref.variant, versionOf(d, ref));
  }

  /** One row per clause variant, filtered. */
  async listClauses(filter: ClauseFilter = {}): Promise<ClauseSummary[]> {
    const d = await this.view();
    const out: ClauseSummary[] = [];
    for (const c of d.clauses) {
      if (filter.category !== undefined && c.category !== filter.category) continue;
      if (filter.tag !== undefined && !c.tags.includes(filter.tag)) continue;
      if (filter.docType !== undefined && !c.docTypes.includes(filter.docType)) continue;
      if (filter.owner !== undefined && c.owner !== filter.owner) continue;
      for (const v of c.variants) {
        const statuses = VERSION_STATUSES.filter((s) => v.versions.some((x) => x.status === s));
        if (filter.status !== undefined && !statuses.includes(filter.status)) continue;
        const l = latestOf(v);
        const a = latestApprovedOf(v);
        out.push({
          clauseId: c.id,
          variant: v.name,
          title: c.title,
          category: c.category,
          tags: [...c.tags],
          docTypes: [...c.docTypes],
          owner: c.owner,
          latest: { version: l.version, status: l.status, author: l.author, createdAt: l.createdAt, changeNote: l.changeNote },
          ...(a ? { latestApproved: a.version } : {}),
          statuses,
        });
      }
    }
    return out;
  }

  /** Categories, tags and owners in use, for filter menus. */
  async facets(): Promise<{ categories: string[]; tags: string[]; owners: string[]; docTypes: DocType[] }> {
    const d = await this.view();
    const uniq = <T>(xs: T[]) => [...new Set(xs)].sort() as T[];
    return {
      categories: uniq(d.clauses.map((c) => c.category)),
      tags: uniq(d.clauses.flatMap((c) => c.tags)),
      owners: uniq(d.clauses.map((c) => c.owner)),
      docTypes: uniq(d.clauses.flatMap((c) => c.docTypes)),
    };
  }

  /** All versions, newest first; of one variant, or of every variant of the clause. */
  async history(clauseId: string, variant?: string): Promise<HistoryEntry[]> {
    const d = await this.view();
    const c = clauseOf(d, clauseId);
    const variants = variant === undefined ? c.variants : [variantOf(d, clauseId, variant)];
    return variants
      .flatMap((v) => v.versions.map((x) => ({ ...structuredClone(x), clauseId, variant: v.name })))
      .sort((a, b) => (a.createdAt === b.createdAt ? b.version - a.version : a.createdAt < b.createdAt ? 1 : -1));
  }

  /** Body diff between any two versions (also across variants or clauses), by word (Intl.Segmenter) or by character. */
  async diff(from: VersionRef, to: VersionRef, granularity: DiffGranularity = 'word'): Promise<VersionDiff> {
    const d = await this.view();
    const a = versionOf(d, from);
    const b = versionOf(d, to);
    const segments = diffText(a.body, b.body, granularity);
    const va = new Map(a.variables.map((v) => [v.key, JSON.stringify(v)]));
    const vb = new Map(b.variables.map((v) => [v.key, JSON.stringify(v)]));
    return {
      from,
      to,
      granularity,
      segments,
      stats: diffStats(segments),
      variables: {
        added: [...vb.keys()].filter((k) => !va.has(k)),
        removed: [...va.keys()].filter((k) => !vb.has(k)),
        changed: [...va.keys()].filter((k) => vb.has(k) && vb.get(k) !== va.get(k)),
      },
    };
  }

  /**
   * Full-text search over title, category, tags, variant, variable labels and the latest live version's body.
   * Works for Chinese without spaces, and Traditional queries find Simplified text.
   */
  async search(query: string, filter: ClauseFilter = {}): Promise<SearchHit[]> {
    const d = await this.view();
    if (!this.index || this.index.rev !== this.rev) {
      const docs: SearchDoc[] = d.clauses.flatMap((c) =>
        c.variants.map((v) => {
          const live = latestLiveOf(v);
          return {
            id: `${c.id}/${v.name}`,
            clauseId: c.id,
            variant: v.name,
            version: live.version,
            title: c.title,
            category: c.category,
            tags: c.tags.join(' '),
            labels: live.variables.map((x) => x.label).join(' '),
            body: live.body,
          };
        }),
      );
      // After a change only the documents that differ are re-indexed (a whole new index took ~1.5 s at 10,000).
      if (this.index) this.index.index.update(docs);
      this.index = { rev: this.rev, index: this.index?.index ?? new ClauseIndex(docs) };
    }
    const filtered = Object.values(filter).some((v) => v !== undefined);
    const allowed = filtered ? new Set((await this.listClauses(filter)).map((s) => `${s.clauseId}/${s.variant}`)) : null;
    const byId = new Map(d.clauses.map((c) => [c.id, c]));
    return this.index.index
      .search(query, (id) => !allowed || allowed.has(id), SEARCH_LIMIT)
      .map((h) => {
        const c = byId.get(h.clauseId)!;
        return {
          clauseId: h.clauseId,
          variant: h.variant,
          version: h.version,
          title: c.title,
          category: c.category,
          status: (c.variants.find((v) => v.name === h.variant)?.versions[h.version - 1] ?? versionOf(d, h)).status,
          score: h.score,
          snippet: h.snippet,
        };
      });
  }

  /** The library's clauses in the assembler's shape: by default the latest approved version of each variant. */
  async toLibrary(include: 'latest-approved' | 'all' = 'latest-approved'): Promise<Library> {
    const d = await this.view();
    const clauses: ClauseVersion[] = [];
    for (const c of d.clauses)
      for (const v of c.variants) {
        if (include === 'all') for (const x of v.versions) clauses.push(toClauseVersion(c, v.name, x));
        else {
          const a = latestApprovedOf(v);
          if (a) clauses.push(toClauseVersion(c, v.name, a));
        }
      }
    return { clauses, blueprints: d.blueprints.map(({ origin: _o, ...b }) => structuredClone(b)) };
  }

  // ----- freshness and usage ----------------------------------------------------------------------------------

  /**
   * Review freshness per clause (retired clauses left out): overdue when the interval has passed since the last
   * review, due within `dueWithinDays` (default 30) before that. By default only due and overdue clauses, most
   * overdue first.
   */
  async freshness(opts: { owner?: string; dueWithinDays?: number; includeOk?: boolean } = {}): Promise<FreshnessItem[]> {
    const d = await this.view();
    const now = this.clock();
    const window = opts.dueWithinDays ?? 30;
    const out: FreshnessItem[] = [];
    for (const c of d.clauses) {
      if (opts.owner !== undefined && c.owner !== opts.owner) continue;
      if (c.variants.every((v) => v.versions.every((x) => x.status === 'retired'))) continue;
      const dueAt = addMonths(new Date(c.lastReviewedAt), c.reviewIntervalMonths);
      const daysLeft = Math.floor((dueAt.getTime() - now.getTime()) / DAY);
      const state: FreshnessState = now.getTime() > dueAt.getTime() ? 'overdue' : dueAt.getTime() - now.getTime() <= window * DAY ? 'due' : 'ok';
      if (state === 'ok' && !opts.includeOk) continue;
      out.push({ clauseId: c.id, title: c.title, owner: c.owner, reviewIntervalMonths: c.reviewIntervalMonths, lastReviewedAt: c.lastReviewedAt, dueAt: dueAt.toISOString(), state, daysLeft });
    }
    return out.sort((a, b) => a.daysLeft - b.daysLeft);
  }

  /** How often (number of projects) and how recently each variant is used; unused variants included with 0. */
  async usage(): Promise<UsageItem[]> {
    const d = await this.view();
    const out: UsageItem[] = [];
    for (const c of d.clauses)
      for (const v of c.variants) {
        const item: UsageItem = { clauseId: c.id, variant: v.name, title: c.title, projects: 0, byVersion: {} };
        for (const p of d.projects) {
          const pin = p.pins.find((x) => x.clauseId === c.id && x.variant === v.name);
          if (!pin) continue;
          item.projects++;
          item.byVersion[pin.version] = (item.byVersion[pin.version] ?? 0) + 1;
          if (!item.lastUsedAt || p.lastUsedAt > item.lastUsedAt) item.lastUsedAt = p.lastUsedAt;
        }
        out.push(item);
      }
    return out.sort((a, b) => b.projects - a.projects || (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? '') || a.clauseId.localeCompare(b.clauseId));
  }

  // ----- projects and where-used ------------------------------------------------------------------------------

  /**
   * Records that a project uses these clauses (call it when a project is saved or exported). A pin without a version
   * takes the latest approved version. Pins of unchanged versions keep their pinnedAt; lastUsedAt becomes now.
   */
  async recordProject(input: { projectId: string; name: string; pins: PinInput[] }): Promise<ProjectRecord> {
    const p = parseInput(
      z.object({
        projectId: z.string().min(1),
        name: z.string(),
        pins: z.array(z.object({ clauseId: z.string(), variant: z.string(), version: z.number().int().positive().optional() })),
      }),
      input,
      'project',
    );
    return this.mutate((d, now) => {
      const t = now.toISOString();
      const old = d.projects.find((x) => x.projectId === p.projectId);
      const pins: Pin[] = [];
      for (const pin of p.pins) {
        if (pins.some((x) => x.clauseId === pin.clauseId && x.variant === pin.variant)) continue;
        const v = variantOf(d, pin.clauseId, pin.variant);
        let version = pin.version;
        if (version === undefined) {
          const a = latestApprovedOf(v);
          if (!a) throw new BidForgeError('not_approved', `${pin.clauseId}/${pin.variant} has no approved version to pin`);
          version = a.version;
        } else versionOf(d, { clauseId: pin.clauseId, variant: pin.variant, version });
        const prev = old?.pins.find((x) => x.clauseId === pin.clauseId && x.variant === pin.variant && x.version === version);
        pins.push({ clauseId: pin.clauseId, variant: pin.variant, version, pinnedAt: prev?.pinnedAt ?? t });
      }
      const rec: ProjectRecord = { projectId: p.projectId, name: p.name, lastUsedAt: t, pins };
      if (old) Object.assign(old, rec);
      else d.projects.push(rec);
      return rec;
    });
  }

  async listProjects(): Promise<ProjectRecord[]> {
    return structuredClone((await this.view()).projects);
  }

  async getProject(projectId: string): Promise<ProjectRecord | undefined> {
    const p = (await this.view()).projects.find((x) => x.projectId === projectId);
    return p && structuredClone(p);
  }

  /** Forgets a project's pins (the project file itself is not the store's). */
  async removeProject(projectId: string): Promise<void> {
    await this.mutate((d) => {
      const i = d.projects.findIndex((x) => x.projectId === projectId);
      if (i < 0) throw notFound(`no project ${projectId}`);
      d.projects.splice(i, 1);
    });
  }

  /** Projects pinning a version; without a version, any version of the variant; without a variant, any of the clause. */
  async whereUsed(target: { clauseId: string; variant?: string; version?: number }): Promise<ProjectUse[]> {
    const d = await this.view();
    clauseOf(d, target.clauseId);
    const out: ProjectUse[] = [];
    for (const p of d.projects)
      for (const pin of p.pins)
        if (
          pin.clauseId === target.clauseId &&
          (target.variant === undefined || pin.variant === target.variant) &&
          (target.version === undefined || pin.version === target.version)
        )
          out.push({ projectId: p.projectId, name: p.name, version: pin.version, lastUsedAt: p.lastUsedAt, pinnedAt: pin.pinnedAt });
    return out.sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt));
  }

  /** The project's pins that have a newer approved version. Show diff(pinned, latestApproved) before updatePins. */
  async outdatedPins(projectId: string): Promise<OutdatedPin[]> {
    const d = await this.view();
    const p = d.projects.find((x) => x.projectId === projectId);
    if (!p) throw notFound(`no project ${projectId}`);
    return outdated(d, p);
  }

  /** Moves the chosen pins (by clause id) or all outdated pins to the latest approved version. */
  async updatePins(projectId: string, which: 'all' | string[]): Promise<{ clauseId: string; variant: string; from: number; to: number }[]> {
    return this.mutate((d, now) => {
      const p = d.projects.find((x) => x.projectId === projectId);
      if (!p) throw notFound(`no project ${projectId}`);
      const stale = outdated(d, p);
      if (which !== 'all')
        for (const id of which)
          if (!p.pins.some((x) => x.clauseId === id)) throw badRequest(`project ${projectId} does not use clause ${id}`);
      const chosen = which === 'all' ? stale : stale.filter((o) => which.includes(o.clauseId));
      for (const o of chosen) {
        const pin = p.pins.find((x) => x.clauseId === o.clauseId && x.variant === o.variant)!;
        pin.version = o.latestApproved;
        pin.pinnedAt = now.toISOString();
      }
      return chosen.map((o) => ({ clauseId: o.clauseId, variant: o.variant, from: o.pinned, to: o.latestApproved }));
    });
  }

  // ----- blueprints -------------------------------------------------------------------------------------------

  async listBlueprints(): Promise<StoredBlueprint[]> {
    return structuredClone((await this.view()).blueprints);
  }

  /** Adds or replaces a blueprint (the replaced one stays in backups/). */
  async saveBlueprint(blueprint: Blueprint, by: string): Promise<void> {
    actor(by);
    const bp = parseInput(storedBlueprintSchema, { ...blueprint, origin: 'user' }, 'blueprint');
    await this.mutate((d) => {
      const i = d.blueprints.findIndex((b) => b.id === bp.id);
      if (i < 0) d.blueprints.push(bp);
      else d.blueprints[i] = bp;
    });
  }

  // ----- packs and built-in updates ---------------------------------------------------------------------------

  /** A pack of the chosen clauses (latest approved version of each variant) and blueprints, with its checksum. */
  async exportPack(request: ExportRequest): Promise<BidForgePack> {
    const d = await this.view();
    const clauses: PackClause[] = [];
    for (const id of [...new Set(request.clauseIds)]) {
      const c = clauseOf(d, id);
      const variants = c.variants.flatMap((v) => {
        const pick = request.includeUnapproved ? latestLiveOf(v) : latestApprovedOf(v);
        if (!pick || pick.status === 'retired') return [];
        const { origin: _o, ...version } = structuredClone(pick);
        return [{ name: v.name, version }];
      });
      if (!variants.length) throw new BidForgeError('not_approved', `clause ${id} has no approved version to export`);
      clauses.push({ id: c.id, category: c.category, title: c.title, tags: [...c.tags], docTypes: [...c.docTypes], owner: c.owner, reviewIntervalMonths: c.reviewIntervalMonths, variants });
    }
    const blueprints = [...new Set(request.blueprintIds)].map((id) => {
      const b = d.blueprints.find((x) => x.id === id);
      if (!b) throw notFound(`no blueprint ${id}`);
      const { origin: _o, ...rest } = structuredClone(b);
      return rest;
    });
    return assertImportable(makePack({ clauses, blueprints }, this.clock()));
  }

  /** What an import would do: each clause variant and blueprint is new, identical or conflicting. Changes nothing. */
  async previewImport(pack: unknown): Promise<ImportPreview> {
    const p = parsePack(pack);
    const d = await this.view();
    const { items, warnings } = classifyPayload(d, p.payload);
    const counts = { new: 0, identical: 0, conflicting: 0 };
    for (const i of items) counts[i.status]++;
    return { createdAt: p.createdAt, checksum: p.checksum, items, counts, warnings };
  }

  /**
   * Imports a pack. Every conflicting item needs a resolution (by item key): keep-mine, take-theirs (their version is
   * added as a new version of my variant, or replaces my blueprint) or keep-both (added as a new variant
   * "<name>（导入）" or blueprint "<id>-imported"). A bad pack or a missing resolution changes nothing.
   */
  async applyImport(pack: unknown, resolutions: ImportResolutions = {}): Promise<MergeReport> {
    const p = parsePack(pack);
    const res = parseInput(resolutionsSchema, resolutions, 'resolutions');
    return this.mutate((d, now) => {
      const { items } = classifyPayload(d, p.payload);
      const keys = new Set(items.map((i) => i.key));
      const unknown = Object.keys(res).filter((k) => !keys.has(k));
      if (unknown.length) throw badRequest(`these items are not in the pack: ${unknown.join(', ')}`);
      const missing = items.filter((i) => i.status === 'conflicting' && !res[i.key]).map((i) => i.key);
      if (missing.length)
        throw new BidForgeError('unresolved_conflicts', `choose keep-mine, take-theirs or keep-both for: ${missing.join(', ')}`, missing.map((k) => ({ severity: 'error', code: 'unresolved_conflict', message: k })));
      return applyPayload(d, p.payload, { now, origin: 'pack', decide: (item) => res[item.key]! });
    });
  }

  /**
   * Merges the built-in templates like a pack: new items are added, identical ones skipped; a changed built-in clause
   * becomes a new approved version when my latest version of it is still the built-in one, and is reported as a
   * conflict (nothing changed) when someone edited it here. Built-in blueprints likewise.
   */
  async mergeBuiltins(templatesDir: string | undefined = this.options.templatesDir): Promise<MergeReport> {
    if (!templatesDir) throw badRequest('no templates folder given');
    const lib = await loadTemplates(templatesDir);
    return this.mutate((d, now) =>
      applyPayload(d, builtinPayload(lib, now), {
        now,
        origin: 'builtin',
        decide: (item, mine) => (mine.origin === 'builtin' ? (item.kind === 'clause' ? { takeTheirs: true, status: 'approved' } : 'take-theirs') : { conflict: true }),
      }),
    );
  }
}

/** The built-in templates as a pack, e.g. to resolve built-in conflicts with previewImport/applyImport. */
export async function builtinPack(templatesDir: string, clock: () => Date = () => new Date()): Promise<BidForgePack> {
  return makePack(builtinPayload(await loadTemplates(templatesDir), clock()), clock());
}

function outdated(d: StoreData, p: ProjectRecord): OutdatedPin[] {
  const out: OutdatedPin[] = [];
  for (const pin of p.pins) {
    const c = d.clauses.find((x) => x.id === pin.clauseId);
    const v = c?.variants.find((x) => x.name === pin.variant);
    const a = v && latestApprovedOf(v);
    if (c && a && a.version > pin.version) out.push({ clauseId: pin.clauseId, variant: pin.variant, title: c.title, pinned: pin.version, latestApproved: a.version });
  }
  return out;
}

/**
 * Replaces library.json with the newest backup that parses and validates. The current file, if any, is kept: backed
 * up when it is good, moved aside as library.replaced-<time>.json when it is not. Takes the lock while it works.
 */
export async function restoreNewestBackup(options: StoreOptions): Promise<RestoreReport> {
  const clock = options.clock ?? (() => new Date());
  const lock = new StoreLock(join(options.dataDir, LOCK_FILE), identityOf(options), clock);
  await lock.acquire();
  try {
    const backups = (await listBackups(options.dataDir)).reverse();
    let chosen: { name: string; text: string } | undefined;
    const skipped: string[] = [];
    for (const b of backups) {
      const text = await readTextOrNull(b.path);
      if (text === null) continue;
      try {
        decodeStore(text, clock());
        chosen = { name: b.name, text };
        break;
      } catch (e) {
        skipped.push(`${b.name}: ${(e as Error).message}`);
      }
    }
    if (!chosen)
      throw new BidForgeError('no_backup', backups.length ? `no backup could be read (${skipped.join('; ')})` : 'there are no backups in this data folder');
    const path = join(options.dataDir, STORE_FILE);
    const current = await readTextOrNull(path);
    const report: RestoreReport = { restoredFrom: chosen.name };
    if (current !== null && current !== chosen.text) {
      let good = true;
      try {
        decodeStore(current, clock());
      } catch {
        good = false;
      }
      report.replaced = good
        ? { backedUpAs: await writeBackup(options.dataDir, current, clock(), Number.POSITIVE_INFINITY) }
        : { movedAsideAs: await moveAside(options.dataDir, clock(), 'replaced') };
    }
    await atomicWrite(path, chosen.text);
    return report;
  } finally {
    await lock.release();
  }
}
