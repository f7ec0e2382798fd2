// What callers hand the library: input types, their zod schemas, and the checks that turn bad input into 'bad_request'.
import { z } from 'zod';
import { DOC_TYPES, whenSchema, type DocType, type When } from '@core/model/library.js';
import { BidForgeError } from '@core/model/problem.js';
import { variableSchema, type VariableDecl } from '@core/model/variables.js';
import { zodMessage } from '@core/model/zodMessage.js';
import { acceptName, nameSchema } from '@core/text/names.js';
import { RESOLUTIONS, type Resolution } from './merge.js';
import { clauseIdSchema, VERSION_STATUSES, type StoredClause, type VersionStatus } from './schema.js';

export type NewClause = {
  /** Generated from the category when not given (clauseId.ts). */
  id?: string;
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

export type ClauseMetaPatch = Partial<
  Pick<StoredClause, 'category' | 'title' | 'tags' | 'docTypes' | 'owner' | 'reviewIntervalMonths'>
>;

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

export const notFound = (what: string) => new BidForgeError('not_found', what);
export const badRequest = (what: string) => new BidForgeError('bad_request', what);

const actorSchema = z.string().trim().min(1, 'say who does this');
/** The person acting (author, reviewer): required, trimmed. */
export function actor(by: string): string {
  const r = actorSchema.safeParse(by);
  if (!r.success) throw badRequest('an author or reviewer name is required');
  return acceptName(r.data, 'person', { max: 100 }); // names are compared (four eyes): no invisible characters
}

export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (!r.success) throw badRequest(`${what}: ${zodMessage(r.error)}`);
  return r.data;
}

const variablesSchema = z
  .array(variableSchema)
  .refine((vs) => new Set(vs.map((v) => v.key)).size === vs.length, 'a variable key is declared twice');
export const newClauseSchema = z.object({
  id: clauseIdSchema.optional(),
  category: z.string().trim().min(1),
  title: nameSchema('clauseTitle'),
  tags: z.array(z.string()).default([]),
  docTypes: z.array(z.enum(DOC_TYPES)).min(1),
  owner: z.string().optional(),
  reviewIntervalMonths: z.number().int().min(1).max(120).default(12),
  variant: nameSchema('variant', { max: 100 }).default('标准'),
  body: z.string().min(1, 'the body is empty'),
  variables: variablesSchema.default([]),
  changeNote: z.string().default('新建'),
  when: whenSchema.optional(),
});
export const versionInputSchema = z.object({
  body: z.string().min(1, 'the body is empty'),
  variables: variablesSchema.default([]),
  changeNote: z.string().default(''),
  when: whenSchema.optional(),
});
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
  title: nameSchema('clauseTitle').optional(),
  tags: z.array(z.string()).optional(),
  docTypes: z.array(z.enum(DOC_TYPES)).min(1).optional(),
  owner: z.string().optional(),
  reviewIntervalMonths: z.number().int().min(1).max(120).optional(),
});

export const versionRefSchema = z.object({
  clauseId: z.string().min(1),
  variant: z.string().min(1),
  version: z.number().int().positive(),
});
export const clauseFilterSchema = z.object({
  category: z.string().optional(),
  status: z.enum(VERSION_STATUSES).optional(),
  tag: z.string().optional(),
  docType: z.enum(DOC_TYPES).optional(),
  owner: z.string().optional(),
});
export const resolutionsSchema = z.record(z.string(), z.enum(RESOLUTIONS));
export const projectInputSchema = z.object({
  projectId: z.string().min(1),
  name: z.string(),
  pins: z.array(
    z.object({ clauseId: z.string(), variant: z.string(), version: z.number().int().positive().optional() }),
  ),
});
