// The clause library's API contract: request schemas and result shapes of the library channels. Kept free of Node
// imports (the renderer's type check reads it): the result shapes come from the store's plain types
// (core/library/store/results.ts). The handlers are in core/library/handlers.ts; core/api/contract.ts combines them.
import { z } from 'zod';
import type { Document } from '../model/document.js';
import { DOC_TYPES, whenSchema, type DocType } from '../model/library.js';
import type { Problem } from '../model/problem.js';
import { projectSchema, type Project } from '../model/project.js';
import { variableSchema, type VariableDecl } from '../model/variables.js';
import type { PackSigner } from './packSigner.js';
import type { DiffGranularity, DiffSegment } from './store/diff.js';
import {
  VERSION_STATUSES,
  type ProjectRecord,
  type StoredClause,
  type StoredVersion,
  type VersionStatus,
} from './store/schema.js';
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
} from './store/results.js';
import { WORD_MAX_BYTES, type WordImport } from './wordImport/model.js';

const id = z.string().min(1).max(200);
/**
 * Who does it. The API takes the acting user from its shell — the CLI's --as, else 设置's user name — and uses `by`
 * only when neither names anyone (scripts, tests): a client cannot act as someone else.
 */
const by = z.string().trim().min(1, 'say who does this (by)').max(100).optional();
const ref = z.object({ clauseId: id, variant: id, version: z.number().int().positive() });
const filter = z.object({
  category: z.string().max(200).optional(),
  status: z.enum(VERSION_STATUSES).optional(),
  tag: z.string().max(200).optional(),
  docType: z.enum(DOC_TYPES).optional(),
  owner: z.string().max(200).optional(),
});
const variables = z.array(variableSchema).max(500);
const body = z.string().min(1).max(200_000);
const pack = z.unknown();
const clauseIdRule = z.string().regex(/^[a-z][a-z0-9-]*$/, 'clause ids are lower-kebab-case');
const variantName = z.string().trim().min(1, 'a variant needs a name').max(100);
const docTypes = z.array(z.enum(DOC_TYPES)).min(1);
const tags = z.array(z.string().max(100)).max(50);
const owner = z.string().max(100);
const reviewIntervalMonths = z.number().int().min(1).max(120);
const changeNote = z.string().max(1000);
/** A project is named by its id, or given whole (then keyed like the store keys it: projectKey). */
const projectTarget = z
  .object({ projectId: id.optional(), project: projectSchema.optional() })
  .refine((r) => (r.projectId === undefined) !== (r.project === undefined), 'give either projectId or project');

/** A project's key in the store: its id, or its name for files written before projects had ids. */
export const projectKey = (p: Pick<Project, 'id' | 'name'>): string => p.id ?? p.name;

export const libraryRequestSchemas = {
  libraryInfo: z.object({}),
  libraryFacets: z.object({}),
  libraryList: z.object({ filter: filter.default({}), query: z.string().max(200).optional() }),
  librarySearch: z.object({ query: z.string().min(1).max(200), filter: filter.default({}) }),
  libraryClause: z.object({ clauseId: id }),
  libraryHistory: z.object({ clauseId: id, variant: id.optional() }),
  libraryDiff: z.object({ from: ref, to: ref, granularity: z.enum(['word', 'char']).default('word') }),
  libraryCreate: z.object({
    clause: z.object({
      /** Generated from the category when left out (core/library/store/clauseId.ts): nobody types an id. */
      id: clauseIdRule.optional(),
      category: z.string().min(1).max(200),
      title: z.string().min(1).max(200),
      tags: tags.default([]),
      docTypes,
      owner: owner.optional(),
      reviewIntervalMonths: reviewIntervalMonths.optional(),
      variant: z.string().min(1).max(100).optional(),
      body,
      variables: variables.default([]),
      changeNote: changeNote.optional(),
      when: whenSchema.optional(),
    }),
    by,
  }),
  /** A new draft after the latest; `fromVersion` starts it from an older version, `when: null` drops the condition. */
  libraryEdit: z.object({
    clauseId: id,
    variant: id,
    body: body.optional(),
    variables: variables.optional(),
    when: whenSchema.nullable().optional(),
    changeNote,
    baseVersion: z.number().int().positive().optional(),
    fromVersion: z.number().int().positive().optional(),
    by,
  }),
  /** Another variant of an existing clause (标准 / 7×24 加强版 / 政府采购版), as draft v1. */
  libraryAddVariant: z.object({
    clauseId: id,
    name: variantName,
    body,
    variables: variables.optional(),
    when: whenSchema.optional(),
    changeNote: changeNote.optional(),
    by,
  }),
  /** The clause's descriptive fields (not versioned): owner, review interval, category, title, tags, document types. */
  libraryUpdateMeta: z.object({
    clauseId: id,
    patch: z.object({
      category: z.string().trim().min(1).max(200).optional(),
      title: z.string().trim().min(1).max(200).optional(),
      tags: tags.optional(),
      docTypes: docTypes.optional(),
      owner: owner.optional(),
      reviewIntervalMonths: reviewIntervalMonths.optional(),
    }),
    by,
  }),
  librarySubmit: z.object({ ref, by }),
  libraryApprove: z.object({ ref, by }),
  libraryReject: z.object({ ref, by, reason: z.string().trim().min(1, 'say why').max(2000) }),
  libraryRetire: z.object({
    clauseId: id,
    variant: id.optional(),
    version: z.number().int().positive().optional(),
    by,
  }),
  /** The copy's id is generated from the category unless given. */
  libraryDuplicate: z.object({
    clauseId: id,
    newId: clauseIdRule.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    by,
  }),
  libraryMarkReviewed: z.object({ clauseId: id, by }),
  libraryFreshness: z.object({
    owner: z.string().max(200).optional(),
    dueWithinDays: z.number().int().min(0).max(3650).optional(),
    includeOk: z.boolean().optional(),
  }),
  libraryUsage: z.object({}),
  libraryWhereUsed: z.object({ clauseId: id, variant: id.optional(), version: z.number().int().positive().optional() }),
  libraryRender: z.object({
    body,
    variables: variables.default([]),
    docType: z.enum(DOC_TYPES).default('service-plan'),
    title: z.string().max(200).optional(),
  }),
  libraryProjects: z.object({}),
  /** A project that was never pinned has no outdated pins when given whole (a new project), not_found by id. */
  projectOutdatedPins: projectTarget,
  /** Records the clause versions a saved project uses (what its document includes now), as an export does. */
  recordProjectPins: z.object({ project: projectSchema }),
  projectUpdatePins: z.object({ projectId: id, which: z.union([z.literal('all'), z.array(id).min(1)]) }),
  libraryExportPack: z.object({
    clauseIds: z.array(id).max(10_000),
    blueprintIds: z.array(id).max(1000).default([]),
    includeUnapproved: z.boolean().optional(),
  }),
  libraryPreviewImport: z.object({ pack }),
  /** A Word file (DOCX; .doc/.wps when LibreOffice is installed), base64: its candidate clauses, nothing stored. */
  libraryImportWord: z.object({
    fileName: z.string().min(1).max(500),
    data: z
      .string()
      .min(1)
      .max(Math.ceil(WORD_MAX_BYTES / 3) * 4, `Word 文件不能超过 ${WORD_MAX_BYTES / 1024 / 1024} MB`),
  }),
  libraryApplyImport: z.object({
    pack,
    resolutions: z.record(z.string(), z.enum(['keep-mine', 'take-theirs', 'keep-both'])).default({}),
  }),
} as const;

type Req<C extends keyof typeof libraryRequestSchemas> = z.infer<(typeof libraryRequestSchemas)[C]>;

export type {
  VersionRef,
  HistoryEntry,
  VersionDiff,
  SearchHit,
  FreshnessItem,
  UsageItem,
  ProjectUse,
  OutdatedPin,
} from './store/results.js';
export type {
  DiffSegment,
  DiffGranularity,
  StoredClause,
  StoredVersion,
  VersionStatus,
  ProjectRecord,
  DocType,
  VariableDecl,
};

/** One clause variant in the list; a search adds its score and a snippet. */
export type ClauseRow = ClauseSummary & { score?: number; snippet?: string };
export type ImportItem = {
  key: string;
  kind: 'clause' | 'blueprint';
  id: string;
  variant?: string;
  title: string;
  status: 'new' | 'identical' | 'conflicting';
  theirs: { version?: number; status?: VersionStatus; author?: string; reviewer?: string; changeNote?: string };
  mine?: { version: number; status: VersionStatus; origin: string; author: string; changeNote: string };
  diff?: DiffSegment[];
};
export type ImportPreview = {
  createdAt: string;
  checksum: string;
  items: ImportItem[];
  counts: Record<'new' | 'identical' | 'conflicting', number>;
  /** Worded in the reader's language by problemText (e.g. pack_clause_missing). */
  warnings: Problem[];
  /** Who signed the pack, and whether its approvals are kept (else its versions arrive as drafts). */
  signer?: PackSigner;
};
export type MergeReport = {
  actions: { key: string; action: string; note?: string }[];
  counts: Record<string, number>;
  conflicts: ImportItem[];
  signer?: PackSigner;
};
export type LibraryInfo = {
  /** The data folder, or null when the API runs on the built-in templates only (no store). */
  dataDir: string | null;
  clauses: number;
  /** Built-in clauses changed upstream that someone also edited here: left for a person to resolve. */
  builtinConflicts: string[];
  /** Why the built-in update could not run (e.g. the CLI held the lock), if it could not: in Chinese, and in English. */
  builtinMergeError?: string;
  builtinMergeErrorEn?: string;
};

export type LibraryHandlers = {
  libraryInfo(req: Req<'libraryInfo'>): Promise<LibraryInfo>;
  libraryFacets(
    req: Req<'libraryFacets'>,
  ): Promise<{ categories: string[]; tags: string[]; owners: string[]; docTypes: DocType[] }>;
  libraryList(req: Req<'libraryList'>): Promise<ClauseRow[]>;
  librarySearch(req: Req<'librarySearch'>): Promise<SearchHit[]>;
  libraryClause(req: Req<'libraryClause'>): Promise<StoredClause>;
  libraryHistory(req: Req<'libraryHistory'>): Promise<HistoryEntry[]>;
  libraryDiff(req: Req<'libraryDiff'>): Promise<VersionDiff>;
  libraryCreate(req: Req<'libraryCreate'>): Promise<VersionRef>;
  libraryEdit(req: Req<'libraryEdit'>): Promise<VersionRef>;
  libraryAddVariant(req: Req<'libraryAddVariant'>): Promise<VersionRef>;
  libraryUpdateMeta(req: Req<'libraryUpdateMeta'>): Promise<StoredClause>;
  librarySubmit(req: Req<'librarySubmit'>): Promise<VersionRef>;
  libraryApprove(req: Req<'libraryApprove'>): Promise<VersionRef>;
  libraryReject(req: Req<'libraryReject'>): Promise<VersionRef>;
  libraryRetire(req: Req<'libraryRetire'>): Promise<VersionRef[]>;
  libraryDuplicate(req: Req<'libraryDuplicate'>): Promise<{ clauseId: string }>;
  libraryMarkReviewed(req: Req<'libraryMarkReviewed'>): Promise<{ clauseId: string }>;
  libraryFreshness(req: Req<'libraryFreshness'>): Promise<FreshnessItem[]>;
  libraryUsage(req: Req<'libraryUsage'>): Promise<UsageItem[]>;
  libraryWhereUsed(req: Req<'libraryWhereUsed'>): Promise<ProjectUse[]>;
  libraryRender(req: Req<'libraryRender'>): Promise<{ document: Document; problems: Problem[] }>;
  libraryProjects(req: Req<'libraryProjects'>): Promise<(ProjectRecord & { outdated: number })[]>;
  projectOutdatedPins(req: Req<'projectOutdatedPins'>): Promise<OutdatedPin[]>;
  recordProjectPins(req: Req<'recordProjectPins'>): Promise<ProjectRecord>;
  projectUpdatePins(
    req: Req<'projectUpdatePins'>,
  ): Promise<{ clauseId: string; variant: string; from: number; to: number }[]>;
  libraryExportPack(req: Req<'libraryExportPack'>): Promise<{ fileName: string; pack: unknown }>;
  libraryPreviewImport(req: Req<'libraryPreviewImport'>): Promise<ImportPreview>;
  libraryApplyImport(req: Req<'libraryApplyImport'>): Promise<MergeReport>;
  libraryImportWord(req: Req<'libraryImportWord'>): Promise<WordImport>;
};
