// Clauses (one version each, as the skeleton loads them) and blueprints.
import { z } from 'zod';
import { DURATION_UNITS, variableSchema } from './variables.js';

export const DOC_TYPES = [
  'service-plan',
  'install-agreement',
  'commitment-letter',
  'warranty-card',
  'deviation-table',
] as const;
export type DocType = (typeof DOC_TYPES)[number];
export const CLAUSE_STATUSES = ['draft', 'in_review', 'approved', 'retired'] as const;

/**
 * A condition over one variable, e.g. {"key": "warranty_months", "op": "gte", "value": 24}: the clause (or section)
 * is included only when it holds. Declarative JSON rather than an expression string, so a pack from someone else
 * can only compare values, never run code. `set` holds when the variable has a value (a non-empty text, true).
 */
export const CONDITION_OPS = ['gte', 'lte', 'gt', 'lt', 'eq', 'ne', 'set'] as const;
export const conditionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  op: z.enum(CONDITION_OPS),
  value: z
    .union([z.number(), z.string(), z.boolean(), z.object({ value: z.number(), unit: z.enum(DURATION_UNITS) })])
    .optional(),
});
export type Condition = z.infer<typeof conditionSchema>;
/** One condition or a list that must all hold. */
export const whenSchema = z.union([conditionSchema, z.array(conditionSchema).min(1)]);
export type When = z.infer<typeof whenSchema>;

export const clauseMetaSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'clause ids are lower-kebab-case'),
  category: z.string().min(1),
  title: z.string().min(1),
  tags: z.array(z.string()).default([]),
  docTypes: z.array(z.enum(DOC_TYPES)).min(1),
  variant: z.string().min(1).default('标准'),
  version: z.number().int().positive(),
  status: z.enum(CLAUSE_STATUSES),
  author: z.string().default(''),
  changeNote: z.string().default(''),
  variables: z.array(variableSchema).default([]),
  when: whenSchema.optional(),
  /** Who answers for the clause and how often it is re-read; declared here so parsing keeps them (the store seeds from them). */
  owner: z.string().optional(),
  reviewIntervalMonths: z.number().int().min(1).max(120).optional(),
});
export type ClauseMeta = z.infer<typeof clauseMetaSchema>;
export type ClauseVersion = ClauseMeta & { body: string };

export const blueprintSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  docType: z.enum(DOC_TYPES),
  title: z.string().min(1),
  sections: z
    .array(
      z.object({
        title: z.string().min(1),
        /** An annex (附件N, numbered in order at assembly); a title starting with 附件 marks one too. */
        annex: z.boolean().optional(),
        when: whenSchema.optional(),
        clauses: z
          .array(z.object({ id: z.string(), variant: z.string().default('标准'), when: whenSchema.optional() }))
          .min(1),
      }),
    )
    .min(1),
  signature: z
    .object({ parties: z.array(z.object({ role: z.string(), lines: z.array(z.string()) })).min(1) })
    .optional(),
});
export type Blueprint = z.infer<typeof blueprintSchema>;

export type Library = {
  clauses: ClauseVersion[];
  blueprints: Blueprint[];
};

export function findClause(lib: Library, id: string, variant: string): ClauseVersion | undefined {
  const candidates = lib.clauses.filter((c) => c.id === id && c.variant === variant && c.status !== 'retired');
  return candidates.sort((a, b) => b.version - a.version)[0];
}
