// The team library's wire (JSON over HTTP, Bearer token): what the server (server/) and the client sync (sync.ts)
// send each other. One schema for both ends, so they cannot disagree.
import { z } from 'zod';
import { blueprintSchema, DOC_TYPES, whenSchema } from '@core/model/library.js';
import { variableSchema } from '@core/model/variables.js';
import { MAX_TEMPLATE_CHARS } from '@core/assemble/template.js';

export const PROTOCOL_VERSION = 1;
export const ROLES = ['admin', 'legal', 'writer'] as const;
export type Role = (typeof ROLES)[number];
/** Largest request body the server reads; larger ones are refused (413) before parsing. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const MAX_PROPOSALS_PER_PUSH = 500;
export const MAX_PULL_PAGE = 5000;

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'clause ids are lower-kebab-case')
  .max(120);
const name = z.string().trim().min(1).max(100);

/** A clause's descriptive fields as the server keeps them (the first proposal of a clause sets them). */
export const clauseHeaderSchema = z.object({
  id,
  category: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(200),
  tags: z.array(z.string().max(50)).max(50).default([]),
  docTypes: z.array(z.enum(DOC_TYPES)).min(1),
  owner: z.string().max(100).default(''),
  reviewIntervalMonths: z.number().int().min(1).max(120).default(12),
});
export type ClauseHeader = z.infer<typeof clauseHeaderSchema>;

/** A writer's draft or submission. `key` makes a retried push idempotent (the same key never makes two versions). */
export const proposalSchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9_-]{8,80}$/, 'a proposal key is 8–80 letters, digits, _ or -'),
  clause: clauseHeaderSchema,
  variant: name,
  /** The server version this edit started from; absent for a new clause or variant. */
  baseVersion: z.number().int().positive().optional(),
  body: z.string().max(MAX_TEMPLATE_CHARS),
  variables: z.array(variableSchema).max(200),
  when: whenSchema.optional(),
  changeNote: z.string().max(2000).default(''),
  status: z.enum(['draft', 'in_review']),
  /**
   * The first version of a clause made on this machine. Clause ids are generated per machine, so another writer's
   * new clause may already have this id on the server: such a proposal is refused (clause_id_taken), never filed
   * as a version of someone else's clause.
   */
  newClause: z.boolean().default(false),
});
export type Proposal = z.input<typeof proposalSchema>;
export const pushRequestSchema = z.object({ proposals: z.array(proposalSchema).min(1).max(MAX_PROPOSALS_PER_PUSH) });

/** A proposal the server would not take (the others in the same push are taken). */
export type PushRefusal = { key: string; error: { code: string; message: string } };

export type PushResult = {
  key: string;
  clauseId: string;
  variant: string;
  version: number;
  status: 'draft' | 'in_review' | 'approved' | 'retired';
  /** Another version was approved after the one this edit started from: the two come back as two versions. */
  stale: boolean;
};

export const decideRequestSchema = z.object({
  clauseId: id,
  variant: name,
  version: z.number().int().positive(),
  action: z.enum(['approve', 'reject', 'retire']),
  reason: z.string().max(2000).default(''),
});
export type DecideRequest = z.input<typeof decideRequestSchema>;

export const blueprintPushSchema = z.object({ blueprint: blueprintSchema });

/** One change in the pull stream, ordered by `seq` (a server-wide, strictly increasing number). */
export type VersionChange = {
  kind: 'version';
  seq: number;
  clause: ClauseHeader;
  variant: string;
  version: number;
  /** draft: the requesting user's own proposal, rejected (with `reason`); others' drafts never travel. */
  status: 'approved' | 'retired' | 'draft';
  reason?: string;
  body: string;
  variables: unknown[];
  when?: unknown;
  changeNote: string;
  author: string;
  reviewer: string;
  createdAt: string;
  decidedAt: string;
};
export type BlueprintChange = { kind: 'blueprint'; seq: number; blueprint: z.infer<typeof blueprintSchema> };
export type Change = VersionChange | BlueprintChange;
export type PullResponse = { changes: Change[]; cursor: number; more: boolean };

export type HistoryRow = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  clauseId: string;
  variant: string;
  version: number;
  reason: string;
};

/** Every error the server answers with: the app's envelope shape, a stable code, a readable message, no stack. */
export type WireError = { ok: false; error: { code: string; message: string } };
