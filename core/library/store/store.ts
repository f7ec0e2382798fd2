/**
 * The clause library: versions, approval, variants, search, freshness, where-used and packs, on top of the storage
 * engine (engine/). Everything is injected (data folder, templates folder, clock, process identity): no globals, so
 * the app, the host and the CLI each open their own store on their own folder.
 *
 * Data folder layout
 *   <dataDir>/library.json                  the store: {schemaVersion, clauses, blueprints, projects} (schema.ts)
 *   <dataDir>/library.locks/<token>.json    a program's claim to write: {pid, host, program, since, token} (engine/lock.ts)
 *   <dataDir>/backups/library-<time>.json   a copy of each state written; the newest 10 are kept
 *   <dataDir>/backups/library-v<n>-premigration-<time>.json   the file as it was before a migration (never pruned)
 *   <dataDir>/library.corrupt-<time>.json   a file that failed to parse or validate, moved aside (never deleted)
 *   (<time> is UTC like 20260501T083000123Z; a "-2", "-3"… suffix keeps names unique)
 *
 * library.json
 *   clauses[]  {id, category, title, tags, docTypes, owner, reviewIntervalMonths, lastReviewedAt,
 *               variants[] {name, versions[] {version, body, variables, status, author, reviewer?, createdAt,
 *                                             decidedAt?, changeNote, rejectReason?, singleReviewer?, origin}}}
 *              Versions are numbered 1, 2, 3… per variant. Body and variables never change once written; only the
 *              workflow fields (status, reviewer, decidedAt, rejectReason) move: draft → in_review → approved →
 *              retired, and in_review → draft on rejection. origin = builtin | user | pack (for built-in merges).
 *   blueprints[]  model Blueprint + origin.
 *   projects[] {projectId, name, lastUsedAt, pins[] {clauseId, variant, version, pinnedAt}}: where-used and usage.
 *
 * How changes are saved, locked, backed up and migrated: engine/engine.ts.
 */
import { z } from 'zod';
import type { Blueprint, ClauseVersion, DocType, Library } from '@core/model/library.js';
import { loadTemplates } from '../loadTemplates.js';
import type { DiffGranularity } from './diff.js';
import { said } from '../../model/zodDetail.js';
import { StoreEngine, type EngineOptions } from './engine/engine.js';
import type { LockInfo } from './engine/lock.js';
import * as io from './importExport.js';
import {
  actor,
  badRequest,
  editSchema,
  metaPatchSchema,
  newClauseSchema,
  parseInput,
  projectInputSchema,
  resolutionsSchema,
  versionInputSchema,
  type ClauseFilter,
  type ClauseMetaPatch,
  type EditInput,
  type ExportRequest,
  type ImportResolutions,
  type NewClause,
  type PinInput,
  type VersionInput,
} from './inputs.js';
import { clauseOf, toClauseVersion, versionOf } from './lookup.js';
import type { ImportPreview, MergeReport } from './merge.js';
import type { BidForgePack } from './pack.js';
import { admitPackInput, type TrustedKey } from '../packSigning.js';
import { acceptName } from '@core/text/names.js';
import * as projects from './projects.js';
import * as queries from './queries.js';
import type {
  ClauseSummary,
  FreshnessItem,
  HistoryEntry,
  OutdatedPin,
  ProjectUse,
  SearchHit,
  UsageItem,
  VersionDiff,
  VersionRef,
} from './results.js';
import {
  clauseIdSchema,
  storeDataSchema,
  storedBlueprintSchema,
  type ProjectRecord,
  type StoreData,
  type StoredBlueprint,
  type StoredClause,
} from './schema.js';
import { ClauseIndex } from './search.js';
import * as versions from './versions.js';
import { templatesStamp } from './builtinsStamp.js';

export type StoreOptions = EngineOptions & {
  /** The built-in library; a new store is seeded from it. Without it a new store starts empty. */
  templatesDir?: string;
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

/** Search answers with the best hits only: a person reads the first page, not ten thousand rows. */
export const SEARCH_LIMIT = 200;

export async function openStore(options: StoreOptions): Promise<LibraryStore> {
  let seeded: MergeReport | undefined;
  const { engine, report } = await StoreEngine.open(options, async (now) => {
    const dir = options.templatesDir;
    // The fingerprint before the files are read: templates changed in between make the next open check again.
    const stamp = dir ? await templatesStamp(dir) : undefined;
    const seed = io.seedData(dir ? await loadTemplates(dir) : undefined, now);
    if (stamp) seed.data.builtinsChecked = stamp;
    seeded = seed.seeded;
    return parseInput(storeDataSchema, seed.data, 'the seeded library');
  });
  return new LibraryStore(engine, options, seeded ? { ...report, seeded } : report);
}

/** The built-in templates as a pack, e.g. to resolve built-in conflicts with previewImport/applyImport. */
export async function builtinPack(templatesDir: string, clock: () => Date = () => new Date()): Promise<BidForgePack> {
  return io.builtinPackOf(await loadTemplates(templatesDir), clock());
}

export class LibraryStore {
  private index: { rev: number; index: ClauseIndex } | undefined;

  /** Use openStore(). */
  constructor(
    private readonly engine: StoreEngine,
    private readonly options: StoreOptions,
    readonly openReport: OpenReport,
  ) {}

  get path(): string {
    return this.engine.path;
  }
  get dataDir(): string {
    return this.engine.dataDir;
  }
  get holdsLock(): boolean {
    return this.engine.holdsLock;
  }

  private mutate<T>(change: (d: StoreData, now: Date) => T): Promise<T> {
    return this.engine.mutate(change);
  }
  private view(): Promise<StoreData> {
    return this.engine.view();
  }

  /** Releases the lock. The store can't be used afterwards. */
  close(): Promise<void> {
    return this.engine.close();
  }

  /**
   * Lets go of the lock but keeps the store open; the next write takes it again. A long-running app calls this
   * after each write so the CLI is locked out only while a write is under way.
   */
  releaseLock(): Promise<void> {
    return this.engine.releaseLock();
  }

  /** Who holds the lock now, if anyone. */
  lockHolder(): Promise<LockInfo | null> {
    return this.engine.lockHolder();
  }

  /**
   * Team sync (core/teamSync) lands pulled server versions in one locked, validated write, like every other change.
   * Nothing else should call this: the store's own methods are the way to change the library.
   */
  applyTeamSync<T>(change: (d: StoreData, now: Date) => T): Promise<T> {
    return this.mutate(change);
  }

  /** A snapshot of all data (a copy). */
  async snapshot(): Promise<StoreData> {
    return structuredClone(await this.view());
  }

  // ----- clauses and versions ---------------------------------------------------------------------------------

  /** A new clause with one variant and its version 1 as a draft. */
  async createClause(input: NewClause, by: string): Promise<VersionRef> {
    const who = actor(by);
    // Names first, so a refusal names the field by its label in every language (core/text/names.ts).
    if (typeof input.title === 'string') acceptName(input.title, 'clauseTitle');
    if (typeof input.variant === 'string') acceptName(input.variant, 'variant', { max: 100 });
    const c = parseInput(newClauseSchema, input, 'new clause');
    return this.mutate((d, now) => versions.createClause(d, c, who, now));
  }

  /** A new variant of a clause (e.g. 政府采购版), version 1 as a draft. */
  async addVariant(clauseId: string, name: string, input: VersionInput, by: string): Promise<VersionRef> {
    const who = actor(by);
    const v = parseInput(versionInputSchema, input, 'new variant');
    const variant = acceptName(name, 'variant', { max: 100 });
    return this.mutate((d, now) => versions.addVariant(d, clauseId, variant, v, who, now));
  }

  /** Always a new draft version after the latest, from the latest or from `fromVersion`; no existing version is changed. */
  async editVariant(clauseId: string, variant: string, input: EditInput, by: string): Promise<VersionRef> {
    const who = actor(by);
    const e = parseInput(editSchema, input, 'edit');
    return this.mutate((d, now) => versions.editVariant(d, clauseId, variant, e, who, now));
  }

  /** draft → in_review; refused ('bad_template') while the body would not render. */
  async submit(ref: VersionRef, by: string): Promise<void> {
    actor(by);
    await this.mutate((d) => versions.submit(d, ref));
  }

  /**
   * in_review → approved; records the reviewer and counts as a review of the clause. The version's author is refused
   * ('own_version') unless `singleReviewer` (设置's single-reviewer mode), which the version then records.
   * Refused ('bad_template') while the body would not render (e.g. a version put in review before this check).
   */
  async approve(ref: VersionRef, reviewer: string, opts: { singleReviewer?: boolean } = {}): Promise<void> {
    const who = actor(reviewer);
    await this.mutate((d, now) => versions.approve(d, ref, who, now, opts.singleReviewer ?? false));
  }

  /** in_review → draft, with the reason kept on the version. */
  async reject(ref: VersionRef, reviewer: string, reason: string): Promise<void> {
    const who = actor(reviewer);
    const why = parseInput(
      z.string().trim().min(1, said('请说明退回的理由', 'say why')),
      reason,
      'reason for rejection',
    );
    await this.mutate((d, now) => versions.reject(d, ref, who, why, now));
  }

  /**
   * Retires one version, or every live version of a variant (no version given), or of the whole clause (no variant).
   * Retired versions stay in history and in projects that pin them; new documents don't use them.
   */
  async retire(target: { clauseId: string; variant?: string; version?: number }, by: string): Promise<VersionRef[]> {
    const who = actor(by);
    return this.mutate((d, now) => versions.retire(d, target, who, now));
  }

  /** Category, title, tags, document types, owner, review interval: not versioned. */
  async updateClauseMeta(clauseId: string, patch: ClauseMetaPatch, by: string): Promise<void> {
    actor(by);
    const p = parseInput(metaPatchSchema, patch, 'clause details');
    await this.mutate((d) => versions.updateClauseMeta(d, clauseId, p));
  }

  /** The owner confirms the clause is still right: restarts its review interval. */
  async markReviewed(clauseId: string, by: string): Promise<void> {
    actor(by);
    await this.mutate((d, now) => {
      clauseOf(d, clauseId).lastReviewedAt = now.toISOString();
    });
  }

  /** A copy under a new id: the latest live version of each variant becomes version 1, a draft by `by`. */
  async duplicateClause(
    clauseId: string,
    newId: string | undefined,
    by: string,
    overrides: { title?: string } = {},
  ): Promise<string> {
    const who = actor(by);
    const id = newId === undefined ? undefined : parseInput(clauseIdSchema, newId, 'new clause id');
    return this.mutate((d, now) => versions.duplicateClause(d, clauseId, id, who, now, overrides.title));
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
    return queries.listClauses(await this.view(), filter);
  }

  /** Categories, tags and owners in use, for filter menus. */
  async facets(): Promise<{ categories: string[]; tags: string[]; owners: string[]; docTypes: DocType[] }> {
    return queries.facets(await this.view());
  }

  /** All versions, newest first; of one variant, or of every variant of the clause. */
  async history(clauseId: string, variant?: string): Promise<HistoryEntry[]> {
    return queries.history(await this.view(), clauseId, variant);
  }

  /** Body diff between any two versions (also across variants or clauses), by word (Intl.Segmenter) or by character. */
  async diff(from: VersionRef, to: VersionRef, granularity: DiffGranularity = 'word'): Promise<VersionDiff> {
    return queries.diffVersions(await this.view(), from, to, granularity);
  }

  /**
   * Full-text search over title, category, tags, variant, variable labels and the latest live version's body.
   * Works for Chinese without spaces, and Traditional queries find Simplified text.
   */
  async search(query: string, filter: ClauseFilter = {}): Promise<SearchHit[]> {
    const d = await this.view();
    if (!this.index || this.index.rev !== this.engine.rev) {
      const docs = queries.searchDocs(d);
      // After a change only the documents that differ are re-indexed (a whole new index took ~1.5 s at 10,000).
      if (this.index) this.index.index.update(docs);
      this.index = { rev: this.engine.rev, index: this.index?.index ?? new ClauseIndex(docs) };
    }
    const filtered = Object.values(filter).some((v) => v !== undefined);
    const allowed = filtered ? new Set(queries.listClauses(d, filter).map((s) => `${s.clauseId}/${s.variant}`)) : null;
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
    return queries.toLibrary(await this.view(), include);
  }

  // ----- freshness and usage ----------------------------------------------------------------------------------

  /**
   * Review freshness per clause (retired clauses left out): overdue when the interval has passed since the last
   * review, due within `dueWithinDays` (default 30) before that. By default only due and overdue clauses, most
   * overdue first.
   */
  async freshness(
    opts: { owner?: string; dueWithinDays?: number; includeOk?: boolean } = {},
  ): Promise<FreshnessItem[]> {
    const d = await this.view();
    return projects.freshness(d, this.engine.now, opts);
  }

  /** How often (number of projects) and how recently each variant is used; unused variants included with 0. */
  async usage(): Promise<UsageItem[]> {
    return projects.usage(await this.view());
  }

  // ----- projects and where-used ------------------------------------------------------------------------------

  /**
   * Records that a project uses these clauses (call it when a project is saved or exported). A pin without a version
   * takes the latest approved version. Pins of unchanged versions keep their pinnedAt; lastUsedAt becomes now.
   */
  async recordProject(input: { projectId: string; name: string; pins: PinInput[] }): Promise<ProjectRecord> {
    const p = parseInput(projectInputSchema, input, 'project');
    return this.mutate((d, now) => projects.recordProject(d, p, now));
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
    await this.mutate((d) => projects.removeProject(d, projectId));
  }

  /** Projects pinning a version; without a version, any version of the variant; without a variant, any of the clause. */
  async whereUsed(target: { clauseId: string; variant?: string; version?: number }): Promise<ProjectUse[]> {
    return projects.whereUsed(await this.view(), target);
  }

  /** The project's pins that have a newer approved version. Show diff(pinned, latestApproved) before updatePins. */
  async outdatedPins(projectId: string): Promise<OutdatedPin[]> {
    const d = await this.view();
    return projects.outdated(d, projects.projectOf(d, projectId));
  }

  /** Moves the chosen pins (by clause id) or all outdated pins to the latest approved version. */
  async updatePins(
    projectId: string,
    which: 'all' | string[],
  ): Promise<{ clauseId: string; variant: string; from: number; to: number }[]> {
    return this.mutate((d, now) => projects.updatePins(d, projectId, which, now));
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
    return io.exportPack(await this.view(), request, this.engine.now);
  }

  /** What an import would do: each clause variant and blueprint is new, identical or conflicting. Changes nothing. */
  /** `trusted`: signers whose approvals are kept; any other pack's versions arrive as drafts (packSigning.ts). */
  async previewImport(pack: unknown, trusted: readonly TrustedKey[] = []): Promise<ImportPreview> {
    const { pack: p, signer } = admitPackInput(pack, trusted);
    return { ...io.previewImport(await this.view(), p), signer };
  }

  /**
   * Imports a pack. Every conflicting item needs a resolution (by item key): keep-mine, take-theirs (their version is
   * added as a new version of my variant, or replaces my blueprint) or keep-both (added as a new variant
   * "<name>（导入）" or blueprint "<id>-imported"). A bad pack or a missing resolution changes nothing.
   */
  async applyImport(
    pack: unknown,
    resolutions: ImportResolutions = {},
    trusted: readonly TrustedKey[] = [],
  ): Promise<MergeReport> {
    const { pack: p, signer } = admitPackInput(pack, trusted);
    const res = parseInput(resolutionsSchema, resolutions, 'resolutions');
    return { ...(await this.mutate((d, now) => io.applyImport(d, p, res, now))), signer };
  }

  /**
   * Merges the built-in templates like a pack: new items are added, identical ones skipped; a changed built-in clause
   * becomes a new approved version when my latest version of it is still the built-in one, and is reported as a
   * conflict (nothing changed) when someone edited it here. Built-in blueprints likewise.
   */
  async mergeBuiltins(templatesDir: string | undefined = this.options.templatesDir): Promise<MergeReport> {
    if (!templatesDir) throw badRequest('no_templates', '没有指定模板文件夹');
    const stamp = await templatesStamp(templatesDir);
    const lib = await loadTemplates(templatesDir);
    return this.mutate((d, now) => {
      const report = io.mergeBuiltins(d, lib, now);
      d.builtinsChecked = stamp;
      return report;
    });
  }

  /** The built-in templates' fingerprint (templatesStamp) the store was last brought up to date with, if any. */
  async builtinsChecked(): Promise<string | undefined> {
    return (await this.view()).builtinsChecked;
  }

  /** Notes that the built-ins with this fingerprint were compared and brought nothing new (see StoreAccess). */
  async markBuiltinsChecked(stamp: string): Promise<void> {
    await this.mutate((d) => {
      d.builtinsChecked = stamp;
    });
  }
}
