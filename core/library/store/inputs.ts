// What callers hand the library: input types, their zod schemas, and the checks that turn bad input into 'bad_request'.
import { z } from 'zod';
import { DOC_TYPES, whenSchema, type DocType, type When } from '@core/model/library.js';
import { BidForgeError } from '@core/model/problem.js';
import { variableSchema, type VariableDecl } from '@core/model/variables.js';
import { acceptName, nameSchema } from '@core/text/names.js';
import { bilingual, said, zodDetail } from '../../model/zodDetail.js';
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

type Params = Record<string, string | number>;
/** A refusal in Chinese, its details as params and `why` naming it for the English wording (storeText.ts). */
export const refusal = (code: string, why: string, message: string, params: Params = {}) =>
  new BidForgeError(code, message, [{ severity: 'error', code, message, params: { why, ...params } }]);
export const notFound = (why: string, message: string, params: Params = {}) =>
  refusal('not_found', why, message, params);
export const badRequest = (why: string, message: string, params: Params = {}) =>
  refusal('bad_request', why, message, params);

const actorSchema = z.string().trim().min(1);
/** The person acting (author, reviewer): required, trimmed. */
export function actor(by: string): string {
  const r = actorSchema.safeParse(by);
  if (!r.success) throw badRequest('no_person', '请填写作者或审核人的姓名');
  return acceptName(r.data, 'person', { max: 100 }); // names are compared (four eyes): no invisible characters
}

/** What parseInput's callers check, in Chinese (the English name is the caller's own). */
const WHAT_ZH: Record<string, string> = {
  'the seeded library': '预置条款库',
  'new clause': '新条款',
  'new variant': '新变体',
  edit: '修改',
  'reason for rejection': '退回理由',
  'clause details': '条款信息',
  'new clause id': '新条款标识',
  project: '项目',
  blueprint: '蓝本',
  resolutions: '冲突处理方式',
};

export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input, { reportInput: true });
  if (!r.success) {
    const d = zodDetail(r.error);
    const zh = Object.hasOwn(WHAT_ZH, what) ? WHAT_ZH[what]! : what;
    throw badRequest('input', `${zh}：${d.detail}`, { what: zh, whatEn: what, ...d });
  }
  return r.data;
}

const BODY_EMPTY = said('正文为空', 'the body is empty');

const variablesSchema = z
  .array(variableSchema)
  .refine(
    (vs) => new Set(vs.map((v) => v.key)).size === vs.length,
    bilingual('有变量名被声明了两次', 'a variable key is declared twice'),
  );
export const newClauseSchema = z.object({
  id: clauseIdSchema.optional(),
  category: z.string().trim().min(1),
  title: nameSchema('clauseTitle'),
  tags: z.array(z.string()).default([]),
  docTypes: z.array(z.enum(DOC_TYPES)).min(1),
  owner: z.string().optional(),
  reviewIntervalMonths: z.number().int().min(1).max(120).default(12),
  variant: nameSchema('variant', { max: 100 }).default('标准'),
  body: z.string().min(1, BODY_EMPTY),
  variables: variablesSchema.default([]),
  changeNote: z.string().default('新建'),
  when: whenSchema.optional(),
});
export const versionInputSchema = z.object({
  body: z.string().min(1, BODY_EMPTY),
  variables: variablesSchema.default([]),
  changeNote: z.string().default(''),
  when: whenSchema.optional(),
});
export const editSchema = z.object({
  body: z.string().min(1, BODY_EMPTY).optional(),
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
